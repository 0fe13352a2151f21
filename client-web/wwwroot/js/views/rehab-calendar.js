// 排班日历: a provider's day in Jiaxing time, each worker's visits in time order and the unassigned ones.
import { api } from '../api.js';
import { announce, fill, h } from '../dom.js';
import { t } from '../i18n.js';
import { shanghaiDate } from '../format.js';
import { loadUnits, nameOf } from '../reference.js';
import { unitPicker, unitsOfKind } from '../parts/unit-scope.js';
import { visitTable } from '../parts/item-tables.js';

export async function render(main, { user, query }) {
  const units = await loadUnits();
  const visible = unitsOfKind(units, user, 'rehab');
  const state = {
    unitCode: visible.some(u => u.code === query.get('unit')) ? query.get('unit') : visible.find(u => u.code === user.unitCode)?.code ?? visible[0]?.code,
    date: /^\d{4}-\d{2}-\d{2}$/.test(query.get('date') ?? '') ? query.get('date') : shanghaiDate(),
    worker: query.get('worker') ?? '',
  };
  const workers = new Map();
  const heading = h('h1', {});
  const date = h('input', { type: 'date', id: 'calendar-date', value: state.date, 'aria-describedby': 'calendar-date-error' });
  const dateError = h('p', { id: 'calendar-date-error', class: 'field-error' });
  const worker = h('select', { id: 'calendar-worker' });
  const count = h('p', { id: 'calendar-count', class: 'hint', role: 'status' });
  const body = h('div', { id: 'calendar' });
  date.addEventListener('change', () => {
    if (!date.value) { dateError.textContent = t('calendar.dateRequired'); date.setAttribute('aria-invalid', 'true'); return; }
    dateError.textContent = '';
    date.removeAttribute('aria-invalid');
    change({ date: date.value });
  });
  worker.addEventListener('change', () => change({ worker: worker.value }));
  main.append(heading,
    h('div', { class: 'toolbar' }, unitPicker(visible, state.unitCode, code => { workers.clear(); change({ unitCode: code, worker: '' }); }),
      h('div', { class: 'field' }, h('label', { for: 'calendar-date' }, t('calendar.date')), date, dateError),
      h('div', { class: 'field' }, h('label', { for: 'calendar-worker' }, t('calendar.worker')), worker),
      h('button', { type: 'button', onclick: () => load() }, t('worklist.refresh'))),
    h('div', { class: 'panel' }, count, body));

  function change(next) {
    Object.assign(state, next);
    const q = new URLSearchParams({ unit: state.unitCode ?? '', date: state.date, ...(state.worker ? { worker: state.worker } : {}) });
    history.replaceState(null, '', `#/rehab-calendar?${q}`);
    load();
  }

  function drawWorkers() {
    fill(worker, h('option', { value: '' }, t('calendar.allWorkers')),
      [...workers].map(([id, name]) => h('option', { value: id, selected: id === state.worker }, `${name}（${id}）`)));
    if (state.worker && !workers.has(state.worker)) worker.append(h('option', { value: state.worker, selected: true }, state.worker));
  }

  async function load() {
    heading.textContent = `${t('calendar.title')} · ${nameOf(units.find(u => u.code === state.unitCode)) || ''}`;
    if (!state.unitCode) { fill(body, h('p', { class: 'empty' }, t('visit.worklist.empty'))); return; }
    try {
      const q = new URLSearchParams({ date: state.date, ...(state.worker ? { worker: state.worker } : {}) });
      const day = await api(`/api/units/${encodeURIComponent(state.unitCode)}/rehab-calendar?${q}`);
      day.workers.forEach(w => workers.set(w.workerId, w.workerName));
      drawWorkers();
      const total = day.workers.reduce((n, w) => n + w.visits.length, 0) + day.unassigned.length;
      count.textContent = t('calendar.count', { date: state.date, n: total });
      const sections = [
        ...day.workers.map(w => visitTable(t('calendar.workerDay', { name: w.workerName, id: w.workerId, n: w.visits.length }), w.visits)),
        state.worker ? null : visitTable(t('calendar.unassigned', { n: day.unassigned.length }), day.unassigned),
      ].filter(Boolean);
      fill(body, sections.length ? sections : h('p', { class: 'empty' }, t('calendar.empty')));
    } catch (problem) {
      fill(body, h('p', { class: 'notice failure', role: 'alert' }, problem.text));
      announce(problem.text, 'alert');
    }
  }
  drawWorkers();
  await load();
}
