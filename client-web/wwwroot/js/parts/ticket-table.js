// A table of ticket summaries with the clock state in colour and words; each number links to the ticket.
import { h } from '../dom.js';
import { t, word } from '../i18n.js';
import { clockBadge, currentDue, dateTime } from '../format.js';
import { countyNameNow, unitNameNow } from '../reference.js';

const columns = {
  number: s => h('a', { href: `#/tickets/${s.id}` }, s.number),
  title: s => s.title,
  kind: s => word('kind', s.kind),
  county: s => countyNameNow(s.countyCode),
  unit: s => unitNameNow(s.unitCode),
  status: s => (s.suspended ? `${word('status', s.status)} · ${t('status.suspended')}` : word('status', s.status)),
  clock: s => clockBadge(s.clockState, s.suspended),
  due: s => dateTime(currentDue(s)),
  received: s => dateTime(s.receivedAt),
  caller: s => [s.callerName, s.callerPhone].filter(Boolean).join(' '),
  assignee: s => s.assigneeName ?? t('work.unassigned'),
};

/** names: which columns, in order; extra: optional { header, cell(summary) } appended. */
export function ticketTable(caption, summaries, names, extra) {
  if (!summaries.length) return null;
  return h('div', { class: 'table-wrap' }, h('table', {},
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, names.map(n => h('th', { scope: 'col' }, t(`col.${n}`))), extra ? h('th', { scope: 'col' }, extra.header) : null)),
    h('tbody', {}, summaries.map(s => h('tr', {},
      names.map(n => (n === 'number' ? h('th', { scope: 'row' }, columns[n](s)) : h('td', {}, columns[n](s)))),
      extra ? h('td', {}, extra.cell(s)) : null)))));
}
