// 工单查询: find tickets by number, caller, phone, text, status, kind, county, unit and dates, a page at a time. The
// phone goes in the body of POST /api/tickets/search, never in a URL; every number in the results is masked.
import { api } from '../api.js';
import { announce, fill, h } from '../dom.js';
import { pick, t, word } from '../i18n.js';
import { loadCounties, loadUnits, nameOf } from '../reference.js';
import { field, showError, vocabulary } from '../parts/fields.js';
import { ticketTable } from '../parts/ticket-table.js';
import { pager } from '../parts/pager.js';

const PAGE_SIZE = 20;
const statuses = ['registered', 'dispatched', 'signed', 'resolved', 'closed'];

/** A local (Asia/Shanghai) day as the instant it starts: yyyy-MM-ddT00:00:00+08:00. */
const dayStart = date => `${date}T00:00:00+08:00`;
const nextDay = date => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

export async function render(main) {
  const [counties, units] = await Promise.all([loadCounties(), loadUnits()]);
  const f = {
    q: field({ name: 'q', label: t('search.q'), hint: t('search.q.hint'), control: h('input', { type: 'search', maxlength: '100', autocomplete: 'off' }) }),
    phone: field({ name: 'phone', label: t('search.phone'), hint: t('search.phone.hint'), control: h('input', { type: 'tel', inputmode: 'tel', autocomplete: 'off', maxlength: '20' }) }),
    status: field({ name: 'status', label: t('col.status'), control: select(statuses.map(s => [s, word('status', s)])) }),
    kind: field({ name: 'kind', label: t('col.kind'), control: select(vocabulary.kind.map(k => [k, word('kind', k)])) }),
    county: field({ name: 'county', label: t('col.county'), control: select(counties.map(c => [c.code, nameOf(c)])) }),
    unit: field({ name: 'unit', label: t('col.unit'), control: select(units.map(u => [u.code, nameOf(u)])) }),
    from: field({ name: 'from', label: t('search.from'), control: h('input', { type: 'date' }) }),
    to: field({ name: 'to', label: t('search.to'), control: h('input', { type: 'date' }) }),
  };
  const overdue = h('input', { type: 'checkbox', id: 'f-overdue', name: 'overdue' });
  const results = h('div', { id: 'search-results' });
  const error = h('p', { class: 'field-error', id: 'search-error', role: 'alert' });
  const form = h('form', { id: 'search-form', novalidate: true, role: 'search', 'aria-labelledby': 'search-heading' },
    h('div', { class: 'grid' }, Object.values(f).map(x => x.wrap),
      h('div', { class: 'field checkbox' }, overdue, h('label', { for: overdue.id }, t('search.overdue')))),
    error,
    h('p', {}, h('button', { type: 'submit', class: 'primary', id: 'search-submit' }, t('search.submit'))));
  main.append(h('h1', { id: 'search-heading' }, t('search.title')), h('div', { class: 'panel' }, form), h('div', { class: 'panel' }, results));
  let page = 1;
  form.addEventListener('submit', event => { event.preventDefault(); page = 1; search(); });

  function select(options) {
    return h('select', {}, h('option', { value: '' }, t('search.any')), options.map(([value, label]) => h('option', { value }, label)));
  }

  function body() {
    const v = name => f[name].control.value.trim() || null;
    const from = v('from');
    const to = v('to');
    return {
      q: v('q'), phone: v('phone'), status: v('status'), kind: v('kind'), county: v('county'), unit: v('unit'),
      from: from ? dayStart(from) : null, to: to ? dayStart(nextDay(to)) : null, overdue: overdue.checked ? true : null,
    };
  }

  async function search() {
    Object.values(f).forEach(x => showError(x, ''));
    error.textContent = '';
    try {
      const found = await api(`/api/tickets/search?page=${page}&pageSize=${PAGE_SIZE}`, { method: 'POST', body: body() });
      const caption = t('search.caption', { n: found.total });
      fill(results, ticketTable(caption, found.items, ['number', 'title', 'kind', 'status', 'county', 'unit', 'received', 'caller'])
        ?? h('p', { class: 'empty', id: 'search-empty' }, t('search.none')), pager('search', found, next => { page = next; search(); }));
      announce(caption);
    } catch (problem) {
      const shown = (problem.fieldErrors ?? []).filter(e => f[e.field]).map(e => { showError(f[e.field], pick(e.zh, e.en)); return e; });
      error.textContent = shown.length ? t('item.fixFields') : problem.text;
      fill(results);
    }
  }

  f.q.control.focus();
}
