// 法律援助案件查询 (#/legal-aid-search): every case the user may see (GET /api/legal-aid-cases, the same scope rules as the lists), with
// filters and pages; the filters live in the address so a search can be bookmarked and reloaded.
import { api } from '../api.js';
import { announce, fill, h } from '../dom.js';
import { t, word } from '../i18n.js';
import { loadCounties, loadUnits, nameOf, statusCodes } from '../reference.js';
import { caseTable } from '../parts/item-tables.js';
import { caseVocabulary } from '../parts/case-actions.js';
import { unitsOfKind } from '../parts/unit-scope.js';

const pageSize = 20;
const filterNames = ['q', 'county', 'station', 'status', 'type'];

export async function render(main, { user, query }) {
  const [counties, units] = await Promise.all([loadCounties(), loadUnits()]);
  const stations = unitsOfKind(units, user, 'legal_aid');
  const state = Object.fromEntries(filterNames.map(name => [name, query.get(name) ?? '']));
  state.overdue = query.get('overdue') === 'true';
  state.page = Math.max(1, Number.parseInt(query.get('page') ?? '1', 10) || 1);

  const select = (name, label, options) => h('div', { class: 'field' }, h('label', { for: `search-${name}` }, label),
    h('select', { id: `search-${name}`, name }, h('option', { value: '' }, t('caseSearch.any')),
      options.map(([value, text]) => h('option', { value, selected: value === state[name] }, text))));
  const q = h('input', { type: 'search', id: 'search-q', name: 'q', value: state.q, autocomplete: 'off', 'aria-describedby': 'search-q-hint' });
  const overdue = h('input', { type: 'checkbox', id: 'search-overdue', name: 'overdue', checked: state.overdue });
  const form = h('form', { id: 'case-search', role: 'search', 'aria-label': t('caseSearch.title') },
    h('div', { class: 'grid' },
      h('div', { class: 'field' }, h('label', { for: 'search-q' }, t('caseSearch.q')), q, h('p', { class: 'hint', id: 'search-q-hint' }, t('caseSearch.q.hint'))),
      select('county', t('intake.countyCode'), counties.map(c => [c.code, nameOf(c)])),
      select('station', t('caseSearch.station'), stations.map(u => [u.code, nameOf(u)])),
      select('status', t('col.status'), statusCodes('legalAidCase').map(s => [s, word('caseStatus', s)])),
      select('type', t('case.caseType'), caseVocabulary.caseType.map(c => [c, word('caseType', c)])),
      h('div', { class: 'field checkbox' }, overdue, h('label', { for: 'search-overdue' }, t('caseSearch.overdue')))),
    h('p', {}, h('button', { type: 'submit', class: 'primary', id: 'search-submit' }, t('caseSearch.submit'))));
  const count = h('p', { id: 'search-count', class: 'hint', role: 'status', tabindex: '-1' });
  const results = h('div', { id: 'search-results' });
  const pager = h('nav', { class: 'toolbar', id: 'search-pager', 'aria-label': t('caseSearch.pager') });
  main.append(h('h1', {}, t('caseSearch.title')), h('div', { class: 'panel' }, form), h('div', { class: 'panel' }, count, results, pager));

  form.addEventListener('submit', event => {
    event.preventDefault();
    filterNames.forEach(name => { state[name] = (form.elements[name].value ?? '').trim(); });
    state.overdue = overdue.checked;
    state.page = 1;
    load(true);
  });

  async function load(moved) {
    const params = new URLSearchParams();
    filterNames.filter(name => state[name]).forEach(name => params.set(name, state[name]));
    if (state.overdue) params.set('overdue', 'true');
    if (state.page > 1) params.set('page', String(state.page));
    history.replaceState(null, '', `#/legal-aid-search${params.size ? `?${params}` : ''}`);
    params.set('page', String(state.page));
    params.set('pageSize', String(pageSize));
    try {
      const found = await api(`/api/legal-aid-cases?${params}`);
      const pages = Math.max(1, Math.ceil(found.total / pageSize));
      const text = t('caseSearch.count', { total: found.total, page: state.page, pages });
      count.textContent = text;
      fill(results, caseTable(t('caseSearch.caption'), found.items) ?? h('p', { class: 'empty' }, t('caseSearch.empty')));
      fill(pager,
        state.page > 1 ? h('button', { type: 'button', id: 'search-prev', onclick: () => turn(-1) }, t('caseSearch.prev')) : null,
        state.page < pages ? h('button', { type: 'button', id: 'search-next', onclick: () => turn(1) }, t('caseSearch.next')) : null);
      if (moved) announce(text);
    } catch (problem) {
      fill(results, h('p', { class: 'notice failure', role: 'alert' }, problem.text));
      fill(pager);
    }
  }

  function turn(step) {
    state.page += step;
    load(true).then(() => (pager.querySelector(step > 0 ? '#search-next' : '#search-prev') ?? count).focus?.());
  }

  await load(false);
}
