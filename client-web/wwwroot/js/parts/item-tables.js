// Tables of case and visit summaries; the clock state shows in colour and words, each number links to its page.
import { h } from '../dom.js';
import { t, word } from '../i18n.js';
import { clockBadge, dateTime } from '../format.js';

// extra: one more column { header, cell(row) } after the others, as ticketTable takes it (the breach-risk column).
function table(caption, rows, columns, extra) {
  if (!rows.length) return null;
  return h('div', { class: 'table-wrap' }, h('table', {},
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, columns.map(([name]) => h('th', { scope: 'col' }, t(name))), extra ? h('th', { scope: 'col' }, extra.header) : null)),
    h('tbody', {}, rows.map(r => h('tr', {},
      columns.map(([, cell], i) => (i === 0 ? h('th', { scope: 'row' }, cell(r)) : h('td', {}, cell(r)))),
      extra ? h('td', {}, extra.cell(r)) : null)))));
}

const caseStatus = c => [word('caseStatus', c.status), c.documentsPending ? t('case.documentsPending') : '',
  c.objectionPending ? t('case.objectionPending') : ''].filter(Boolean).join(' · ');

export const caseTable = (caption, rows, extra) => table(caption, rows, [
  ['case.number', c => h('a', { href: `#/legal-aid-cases/${c.id}`, id: `item-${c.number}` }, c.number)],
  ['case.caseType', c => word('caseType', c.caseType)],
  ['case.applicant', c => `${c.applicantName} ${c.applicantPhone}`],
  ['col.status', caseStatus],
  ['col.clock', c => clockBadge(c.clockState ?? 'none', c.documentsPending && c.status === 'under_review')],
  ['col.due', c => dateTime(c.nextDueAt)],
  ['case.handler', c => c.handlerName ?? '—'],
  ['case.assignee', c => c.assigneeName ?? t('work.unassigned')],
  ['case.appliedAt', c => dateTime(c.appliedAt)],
], extra);

export const windowCell = v => (v.windowStart ? `${dateTime(v.windowStart)}–${dateTime(v.windowEnd).slice(-5)}` : t('visit.noWindow'));

export const visitTable = (caption, rows, extra) => table(caption, rows, [
  ['visit.number', v => h('a', { href: `#/rehab-visits/${v.id}`, id: `item-${v.number}` }, v.number)],
  ['visit.serviceType', v => word('serviceType', v.serviceType)],
  ['visit.person', v => `${v.personName} ${v.personPhone}`],
  ['col.status', v => word('visitStatus', v.status)],
  ['visit.window', windowCell],
  ['visit.worker', v => (v.workerId ? `${v.workerName}（${v.workerId}）` : t('visit.noWorker'))],
  ['col.assignee', v => v.assigneeName ?? t('work.unassigned')],
  ['col.clock', v => clockBadge(v.clockState ?? 'none')],
  ['col.due', v => dateTime(v.nextDueAt)],
], extra);
