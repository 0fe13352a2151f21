// 督办一览: supervision orders still waiting for the unit's written reply (督办回复), nearest due first, with the level the
// order stands at (unit, county, city), its due time and whether the reply is overdue; each number opens the ticket.
import { api } from '../api.js';
import { announce, fill, h } from '../dom.js';
import { t, word } from '../i18n.js';
import { dateTime } from '../format.js';
import { countyNameNow, loadCounties, loadUnits, unitNameNow } from '../reference.js';
import { pager } from '../parts/pager.js';

const PAGE_SIZE = 20;
const itemPages = { ticket: 'tickets', legal_aid_case: 'legal-aid-cases', rehab_visit: 'rehab-visits' };

export async function render(main) {
  await Promise.all([loadCounties(), loadUnits()]);
  const state = { page: 1, overdueOnly: false };
  const body = h('div', { id: 'orders' });
  const overdueOnly = h('input', { type: 'checkbox', id: 'orders-overdue' });
  const refresh = h('button', { type: 'button', id: 'orders-refresh', onclick: () => load() }, t('worklist.refresh'));
  overdueOnly.addEventListener('change', () => { state.overdueOnly = overdueOnly.checked; state.page = 1; load(); });
  main.append(h('h1', {}, t('orders.title')), h('p', { class: 'hint' }, t('orders.intro')),
    h('div', { class: 'toolbar' }, h('div', { class: 'field checkbox' }, overdueOnly, h('label', { for: overdueOnly.id }, t('orders.overdueOnly'))), refresh),
    h('div', { class: 'panel' }, body));

  async function load() {
    const q = new URLSearchParams({ page: String(state.page), pageSize: String(PAGE_SIZE), ...(state.overdueOnly ? { overdue: 'true' } : {}) });
    try {
      const found = await api(`/api/supervision-orders?${q}`);
      fill(body, table(found) ?? h('p', { class: 'empty' }, t('orders.empty')), pager('orders', found, next => { state.page = next; load(); }));
      announce(t('orders.caption', { n: found.total }));
    } catch (problem) {
      fill(body, h('p', { class: 'notice failure', role: 'alert' }, problem.text));
    }
  }

  await load();
}

function table(found) {
  if (!found.items.length) return null;
  const headers = ['col.number', 'orders.col.cause', 'col.county', 'col.unit', 'orders.col.level', 'orders.col.issued', 'orders.col.due', 'orders.col.state'];
  return h('div', { class: 'table-wrap' }, h('table', {},
    h('caption', {}, t('orders.caption', { n: found.total })),
    h('thead', {}, h('tr', {}, headers.map(key => h('th', { scope: 'col' }, t(key))))),
    h('tbody', {}, found.items.map(o => h('tr', { class: o.overdue ? 'overdue' : null },
      h('th', { scope: 'row' }, h('a', { href: `#/${itemPages[o.itemType] ?? 'tickets'}/${o.itemId}` }, o.itemNumber)),
      h('td', {}, word('supervisionCause', o.cause)),
      h('td', {}, countyNameNow(o.countyCode)),
      h('td', {}, unitNameNow(o.unitCode)),
      h('td', {}, word('supervisionLevel', o.level)),
      h('td', {}, dateTime(o.issuedAt)),
      h('td', {}, dateTime(o.dueAt)),
      h('td', {}, o.overdue ? h('strong', {}, t('orders.state.overdue')) : t('orders.state.open')))))));
}
