// A unit's open items of one kind (legal-aid cases, rehab visits), nearest deadline first, with a status filter.
import { api } from '../api.js';
import { announce, fill, h } from '../dom.js';
import { t, word } from '../i18n.js';
import { percent } from '../format.js';
import { loadCounties, loadUnits, nameOf } from '../reference.js';
import { unitPicker, unitsOfKind } from './unit-scope.js';
import { noticesPanel } from './live-notices.js';
import { assigneeFilter, assigneeFilters } from './item-work.js';
import { loadBreachRisks, riskColumn, riskDefinition, risksById } from './breach-risk.js';

/**
 * config: { route, kind, titleKey, endpoint(unitCode), statusGroup, statuses, table(caption, rows, extra), emptyKey,
 * risk?: { type, definitionKey } } - with risk, the unit's breach risks of that item type make a column and its definition.
 */
export async function kindWorklist(main, { user, query }, config) {
  const [, units] = await Promise.all([loadCounties(), loadUnits()]);
  const visible = unitsOfKind(units, user, config.kind);
  const state = {
    unitCode: visible.some(u => u.code === query.get('unit')) ? query.get('unit') : visible.find(u => u.code === user.unitCode)?.code ?? visible[0]?.code,
    status: config.statuses.includes(query.get('status')) ? query.get('status') : '',
    assignee: assigneeFilters.includes(query.get('assignee')) ? query.get('assignee') : '',
  };
  const heading = h('h1', {});
  const status = h('div', { class: 'field' }, h('label', { for: 'status-filter' }, t('worklist.status')),
    h('select', { id: 'status-filter', onchange: e => change({ status: e.target.value }) },
      h('option', { value: '' }, t('worklist.allOpen')),
      config.statuses.map(s => h('option', { value: s, selected: s === state.status }, word(config.statusGroup, s)))));
  const mine = assigneeFilter(state.assignee, assignee => change({ assignee }));
  const count = h('p', { id: 'worklist-count', class: 'hint', role: 'status' });
  const body = h('div', { id: 'worklist' });
  const definition = h('div', { id: 'worklist-risk-definition' });
  const notices = h('div', { id: 'worklist-notices' });
  main.append(heading,
    h('div', { class: 'toolbar' }, unitPicker(visible, state.unitCode, code => change({ unitCode: code })), status, mine,
      h('button', { type: 'button', id: 'worklist-refresh', onclick: () => load() }, t('worklist.refresh'))),
    notices, h('div', { class: 'panel' }, count, config.risk ? definition : null, body));
  const live = noticesPanel(notices, () => load());

  function change(next) {
    Object.assign(state, next);
    history.replaceState(null, '', `#/${config.route}?unit=${encodeURIComponent(state.unitCode)}${state.status ? `&status=${state.status}` : ''}`
      + `${state.assignee ? `&assignee=${state.assignee}` : ''}`);
    if (next.unitCode) live.watch(state.unitCode);
    load();
  }

  async function load() {
    heading.textContent = `${t(config.titleKey)} · ${nameOf(units.find(u => u.code === state.unitCode)) || ''}`;
    if (!state.unitCode) { fill(body, h('p', { class: 'empty' }, t(config.emptyKey))); return; }
    try {
      const q = new URLSearchParams({ ...(state.status ? { status: state.status } : {}), ...(state.assignee ? { assignee: state.assignee } : {}) });
      const [rows, risks] = await Promise.all([api(`${config.endpoint(state.unitCode)}${q.size ? `?${q}` : ''}`),
        config.risk ? loadBreachRisks(`unit:${state.unitCode}`, config.risk.type) : null]);
      count.textContent = t('worklist.count', { n: rows.length });
      if (config.risk) fill(definition, riskOf(config.risk, risks));
      fill(body, config.table(t(config.titleKey), rows, config.risk ? riskColumn(risksById(risks)) : undefined)
        ?? h('p', { class: 'empty' }, t(config.emptyKey)));
    } catch (problem) {
      fill(body, h('p', { class: 'notice failure', role: 'alert' }, problem.text));
      announce(problem.text, 'alert');
    }
  }
  await load();
  await live.watch(state.unitCode);
  return () => live.stop();
}

/** The shared definition, its text told for this item type (the ticket wording speaks of kinds and topics). */
function riskOf({ definitionKey }, risks) {
  const details = riskDefinition(risks, 'definition-worklist-risk');
  if (definitionKey) {
    details.querySelector('p').textContent = t(definitionKey, { n: risks?.minimumHistory ?? 20, p: percent(risks?.flagAt ?? 0.5) });
  }
  return details;
}
