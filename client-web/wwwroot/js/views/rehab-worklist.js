// 康复待办: a provider's open visits by nearest deadline, with each visit's breach risk (超期风险) and its definition.
import { kindWorklist } from '../parts/kind-worklist.js';
import { visitTable } from '../parts/item-tables.js';
import { statusCodes } from '../reference.js';

export const render = (main, context) => kindWorklist(main, context, {
  route: 'rehab-worklist', kind: 'rehab', titleKey: 'visit.worklist', emptyKey: 'visit.worklist.empty',
  endpoint: unit => `/api/units/${encodeURIComponent(unit)}/rehab-worklist`,
  statusGroup: 'visitStatus', statuses: statusCodes('rehabVisit'), table: visitTable,
  risk: { type: 'rehab_visit', nameKey: 'risk.rehab.name', defKey: 'risk.rehab.def' },
});
