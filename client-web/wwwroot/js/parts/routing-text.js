// Why fair routing sent an item to its unit, as an event's history line: "按待办量最少分派：330402-REHAB-1 待办量 3，份额 1；…".
import { t } from '../i18n.js';

export const routingText = routing => (routing
  ? `${t(`plan.routing.${routing.rule}`)}：${routing.candidates.map(c => `${c.unitCode} ${t('plan.routing.load', { load: c.load, share: c.share })}`).join('；')}`
  : null);
