// 法律援助待办: a station's open cases, overdue first, then nearest statutory deadline, with each case's breach risk
// (超期风险: its running stage clock against past cases of its type, GET /api/stats/breach-risk?type=legal_aid_case).
import { kindWorklist } from '../parts/kind-worklist.js';
import { caseTable } from '../parts/item-tables.js';
import { statusCodes } from '../reference.js';

export const render = (main, context) => kindWorklist(main, context, {
  route: 'legal-aid-worklist', kind: 'legal_aid', titleKey: 'case.worklist', emptyKey: 'case.worklist.empty',
  endpoint: unit => `/api/units/${encodeURIComponent(unit)}/legal-aid-worklist`,
  statusGroup: 'caseStatus', statuses: statusCodes('legalAidCase'), table: caseTable,
  risk: { type: 'legal_aid_case', defKey: 'risk.def.legalAid' },
});
