// 排班日历: a provider's visits in Jiaxing time, by day (each worker's visits in time order and the unassigned ones), by
// week (a worker-by-weekday grid) or by month (a weekday grid with each day's count, each day a link to its day view).
import { api } from '../api.js';
import { announce, fill, h } from '../dom.js';
import { t, word } from '../i18n.js';
import { dateTime, shanghaiDate } from '../format.js';
import { loadUnits, nameOf } from '../reference.js';
import { unitPicker, unitsOfKind } from '../parts/unit-scope.js';
import { visitTable } from '../parts/item-tables.js';

const views = ['day', 'week', 'month'];
const isDate = value => /^\d{4}-\d{2}-\d{2}$/.test(value ?? '') && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

// Whole-day arithmetic on yyyy-MM-dd strings (UTC dates, so no daylight or zone shifts).
const toDay = iso => new Date(`${iso}T00:00:00Z`);
const fromDay = d => d.toISOString().slice(0, 10);
const addDays = (iso, n) => { const d = toDay(iso); d.setUTCDate(d.getUTCDate() + n); return fromDay(d); };
const weekday = iso => (toDay(iso).getUTCDay() + 6) % 7; // 0 = Monday
const mondayOf = iso => addDays(iso, -weekday(iso));
const firstOfMonth = iso => `${iso.slice(0, 7)}-01`;
const addMonths = (iso, n) => { const d = toDay(firstOfMonth(iso)); d.setUTCMonth(d.getUTCMonth() + n); return fromDay(d); };
const lastOfMonth = iso => addDays(addMonths(iso, 1), -1);
const hourMinute = iso => dateTime(iso).slice(-5);
const weekdayName = i => t(`calendar.weekday${i + 1}`);

export async function render(main, { user, query }) {
  const units = await loadUnits();
  const visible = unitsOfKind(units, user, 'rehab');
  const state = {
    unitCode: visible.some(u => u.code === query.get('unit')) ? query.get('unit') : visible.find(u => u.code === user.unitCode)?.code ?? visible[0]?.code,
    view: views.includes(query.get('view')) ? query.get('view') : 'day',
    date: isDate(query.get('date')) ? query.get('date') : shanghaiDate(),
    worker: query.get('worker') ?? '',
  };
  const workers = new Map();
  const heading = h('h1', {});
  const date = h('input', { type: 'date', id: 'calendar-date', value: state.date, 'aria-describedby': 'calendar-date-error' });
  const dateError = h('p', { id: 'calendar-date-error', class: 'field-error' });
  const worker = h('select', { id: 'calendar-worker' });
  const count = h('p', { id: 'calendar-count', class: 'hint', role: 'status' });
  const body = h('div', { id: 'calendar' });
  const previous = h('button', { type: 'button', id: 'calendar-previous', onclick: () => step(-1) });
  const next = h('button', { type: 'button', id: 'calendar-next', onclick: () => step(1) });
  const viewPicker = h('fieldset', { class: 'field', id: 'calendar-view' }, h('legend', {}, t('calendar.view')),
    h('div', { class: 'radios' }, views.map(v => h('label', {},
      h('input', { type: 'radio', name: 'calendar-view', value: v, id: `calendar-view-${v}`, checked: v === state.view, onchange: () => change({ view: v }) }),
      t(`calendar.view.${v}`)))));
  date.addEventListener('change', () => {
    if (!date.value) { dateError.textContent = t('calendar.dateRequired'); date.setAttribute('aria-invalid', 'true'); return; }
    dateError.textContent = '';
    date.removeAttribute('aria-invalid');
    change({ date: date.value });
  });
  worker.addEventListener('change', () => change({ worker: worker.value }));
  main.append(heading,
    h('div', { class: 'toolbar' }, unitPicker(visible, state.unitCode, code => { workers.clear(); change({ unitCode: code, worker: '' }); }),
      viewPicker,
      h('div', { class: 'field' }, h('label', { for: 'calendar-date' }, t('calendar.date')), date, dateError),
      h('div', { class: 'field' }, h('label', { for: 'calendar-worker' }, t('calendar.worker')), worker),
      previous, next,
      h('button', { type: 'button', onclick: () => load() }, t('worklist.refresh'))),
    h('div', { class: 'panel' }, count, body));

  function step(direction) {
    const moved = state.view === 'day' ? addDays(state.date, direction)
      : state.view === 'week' ? addDays(state.date, 7 * direction)
        : addMonths(state.date, direction);
    date.value = moved;
    change({ date: moved });
  }

  function change(nextState) {
    Object.assign(state, nextState);
    const q = new URLSearchParams({ unit: state.unitCode ?? '', view: state.view, date: state.date, ...(state.worker ? { worker: state.worker } : {}) });
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
    previous.textContent = t(`calendar.previous.${state.view}`);
    next.textContent = t(`calendar.next.${state.view}`);
    if (!state.unitCode) { fill(body, h('p', { class: 'empty' }, t('visit.worklist.empty'))); return; }
    try {
      if (state.view === 'day') await loadDay();
      else await loadRange(state.view);
    } catch (problem) {
      fill(body, h('p', { class: 'notice failure', role: 'alert' }, problem.text));
      announce(problem.text, 'alert');
    }
  }

  async function loadDay() {
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
  }

  async function loadRange(view) {
    const from = view === 'week' ? mondayOf(state.date) : mondayOf(firstOfMonth(state.date));
    const to = view === 'week' ? addDays(from, 6) : addDays(mondayOf(lastOfMonth(state.date)), 6);
    const q = new URLSearchParams({ from, to, ...(state.worker ? { worker: state.worker } : {}) });
    const range = await api(`/api/units/${encodeURIComponent(state.unitCode)}/rehab-calendar/range?${q}`);
    range.days.forEach(d => d.visits.forEach(v => { if (v.workerId) workers.set(v.workerId, v.workerName ?? v.workerId); }));
    drawWorkers();
    const inView = view === 'week' ? range.days : range.days.filter(d => d.date.slice(0, 7) === state.date.slice(0, 7));
    const total = new Set(inView.flatMap(d => d.visits.map(v => v.id))).size;
    count.textContent = view === 'week'
      ? t('calendar.weekCount', { from, to, n: total })
      : t('calendar.monthCount', { month: state.date.slice(0, 7), n: total });
    fill(body, range.truncated ? h('p', { class: 'notice', role: 'note' }, t('calendar.truncated')) : null,
      view === 'week' ? weekGrid(range, from, to) : monthGrid(range));
  }

  function dayLink(iso, text) {
    const q = new URLSearchParams({ unit: state.unitCode, view: 'day', date: iso, ...(state.worker ? { worker: state.worker } : {}) });
    return h('a', { href: `#/rehab-calendar?${q}`, title: t('calendar.openDay', { date: iso }) }, text);
  }

  const visitLine = v => h('li', {},
    h('a', { href: `#/rehab-visits/${v.id}` }, `${hourMinute(v.windowStart)} ${v.number}`), ' ', word('visitStatus', v.status));

  // Rows: each worker with a visit that week (or the chosen one), then the unassigned; columns: Monday to Sunday.
  function weekGrid(range, from, to) {
    const rows = new Map();
    range.days.forEach(d => d.visits.forEach(v => {
      const key = v.workerId ?? '';
      if (!rows.has(key)) rows.set(key, v.workerId ? `${v.workerName ?? v.workerId}（${v.workerId}）` : t('visit.noWorker'));
    }));
    const order = [...rows.keys()].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)));
    if (!order.length) return h('p', { class: 'empty' }, t('calendar.emptyWeek'));
    return h('table', { id: 'calendar-week', class: 'calendar-grid' },
      h('caption', {}, t('calendar.weekCaption', { from, to })),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('calendar.worker')),
        range.days.map((d, i) => h('th', { scope: 'col', class: i >= 5 ? 'weekend' : null }, dayLink(d.date, `${weekdayName(i)} ${d.date.slice(5)}`))))),
      h('tbody', {}, order.map(key => h('tr', {}, h('th', { scope: 'row' }, rows.get(key)),
        range.days.map((d, i) => {
          const mine = d.visits.filter(v => (v.workerId ?? '') === key);
          return h('td', { class: i >= 5 ? 'weekend' : null }, mine.length ? h('ul', { class: 'plain' }, mine.map(visitLine)) : '');
        })))));
  }

  // A month as weeks (rows) by weekdays (columns); each day its visit count and unassigned count, a link to its day.
  function monthGrid(range) {
    const month = state.date.slice(0, 7);
    const weeks = [];
    for (let i = 0; i < range.days.length; i += 7) weeks.push(range.days.slice(i, i + 7));
    return h('table', { id: 'calendar-month', class: 'calendar-grid' },
      h('caption', {}, t('calendar.monthCaption', { month })),
      h('thead', {}, h('tr', {}, [0, 1, 2, 3, 4, 5, 6].map(i => h('th', { scope: 'col', class: i >= 5 ? 'weekend' : null }, weekdayName(i))))),
      h('tbody', {}, weeks.map(week => h('tr', {}, week.map((d, i) => {
        const unassigned = d.visits.filter(v => !v.workerId).length;
        const outside = d.date.slice(0, 7) !== month;
        return h('td', { class: [outside ? 'other-month' : null, i >= 5 ? 'weekend' : null].filter(Boolean).join(' ') || null, 'data-date': d.date },
          dayLink(d.date, String(Number(d.date.slice(8)))),
          d.visits.length ? h('p', { class: 'day-count' }, t('calendar.dayCount', { n: d.visits.length })) : null,
          unassigned ? h('p', { class: 'day-unassigned' }, t('calendar.dayUnassigned', { n: unassigned })) : null);
      })))));
  }

  drawWorkers();
  await load();
}
