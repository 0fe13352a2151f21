// 待办: a unit's open tickets, nearest deadline first, with the clock state in colour and words.
import { api } from '../api.js';
import { announce, fill, h } from '../dom.js';
import { t } from '../i18n.js';
import { loadCounties, loadUnits, nameOf, worklistStatuses } from '../reference.js';
import { ticketTable } from '../parts/ticket-table.js';
import { visibleUnits } from '../parts/unit-scope.js';
import { noticesPanel } from '../parts/live-notices.js';
import { assigneeFilter, assigneeFilters } from '../parts/item-work.js';
import { loadBreachRisks, riskColumn, riskDefinition, risksById } from '../parts/breach-risk.js';
import { closeTodayPanel } from '../parts/close-today.js';

export async function render(main, { user, query }) {
  const [, units] = await Promise.all([loadCounties(), loadUnits()]);
  // All, one choice per status of the ticket worklist, overdue only.
  const filters = { all: {}, ...Object.fromEntries(worklistStatuses('ticket').map(status => [status, { status }])), overdue: { overdue: 'true' } };
  const visible = visibleUnits(units, user);
  const state = {
    unitCode: visible.some(u => u.code === query.get('unit')) ? query.get('unit') : user.unitCode ?? visible[0]?.code,
    show: filters[query.get('show')] ? query.get('show') : 'all',
    assignee: assigneeFilters.includes(query.get('assignee')) ? query.get('assignee') : '',
  };
  const heading = h('h1', {});
  const picker = visible.length > 1
    ? h('div', { class: 'field' }, h('label', { for: 'worklist-unit' }, t('worklist.unit')),
      h('select', { id: 'worklist-unit', onchange: e => change({ unitCode: e.target.value }) },
        visible.map(u => h('option', { value: u.code, selected: u.code === state.unitCode }, nameOf(u)))))
    : null;
  const filter = h('fieldset', { class: 'field' }, h('legend', {}, t('worklist.filter')),
    h('div', { class: 'radios' }, Object.keys(filters).map(name => h('label', {},
      h('input', { type: 'radio', name: 'show', value: name, checked: name === state.show, onchange: () => change({ show: name }) }),
      t(`worklist.${name}`)))));
  const mine = assigneeFilter(state.assignee, assignee => change({ assignee }));
  const count = h('p', { id: 'worklist-count', class: 'hint', role: 'status' });
  const body = h('div', { id: 'worklist' });
  const definition = h('div', { id: 'worklist-risk-definition' });
  const notices = h('div', { id: 'worklist-notices' });
  const closeSection = h('section', { class: 'panel', id: 'close-today', 'aria-labelledby': 'close-today-heading' });
  main.append(heading, h('div', { class: 'toolbar' }, picker, filter, mine, h('button', { type: 'button', onclick: () => load() }, t('worklist.refresh'))),
    notices, closeSection, h('div', { class: 'panel' }, count, definition, body));
  const closeToday = closeTodayPanel(closeSection);
  const live = noticesPanel(notices, () => load(), () => closeToday.changed());

  function change(next) {
    Object.assign(state, next);
    // Keep the address shareable without redrawing the page (focus stays where the user is).
    history.replaceState(null, '', `#/worklist?unit=${encodeURIComponent(state.unitCode)}&show=${state.show}${state.assignee ? `&assignee=${state.assignee}` : ''}`);
    if (next.unitCode) { live.watch(state.unitCode); closeToday.show(state.unitCode); }
    load();
  }

  async function load() {
    heading.textContent = `${t('worklist.title')} · ${nameOf(units.find(u => u.code === state.unitCode)) || state.unitCode || ''}`;
    if (!state.unitCode) { fill(body, h('p', { class: 'empty' }, t('worklist.empty'))); return; }
    try {
      const q = new URLSearchParams({ ...filters[state.show], ...(state.assignee ? { assignee: state.assignee } : {}) });
      const [items, risks] = await Promise.all([
        api(`/api/units/${encodeURIComponent(state.unitCode)}/worklist?${q}`), loadBreachRisks(`unit:${state.unitCode}`)]);
      count.textContent = t('worklist.count', { n: items.length });
      fill(definition, riskDefinition(risks, 'definition-worklist-risk'));
      fill(body, ticketTable(t('worklist.title'), items, ['number', 'title', 'kind', 'status', 'clock', 'due', 'assignee', 'received'], riskColumn(risksById(risks)))
        ?? h('p', { class: 'empty' }, t('worklist.empty')));
    } catch (problem) {
      fill(body, h('p', { class: 'notice failure', role: 'alert' }, problem.text));
      announce(problem.text, 'alert');
    }
  }
  await Promise.all([load(), closeToday.show(state.unitCode)]);
  await live.watch(state.unitCode);
  return () => { closeToday.stop(); live.stop(); };
}
