// 全部指标: every measure of a scope for the current or a past month or year, each with its definition one click away,
// a year view (months as columns) and breakdowns by kind, topic, channel and town (GET /api/stats, /months, /breakdown).
// The current month follows the live push; a past period is a plain read.
import { api } from '../api.js';
import { announce, fill, h } from '../dom.js';
import { t, word } from '../i18n.js';
import { count, percent, shanghaiDate } from '../format.js';
import { nameOf } from '../reference.js';
import { chartFigure, drawBreakdown } from './charts.js';

const firstYear = 2000;
const breakdownEvery = 30_000;
const hours = v => (v === null || v === undefined ? '—' : t('measures.hours', { n: count(v) }));
const shares = v => {
  const entries = Object.entries(v ?? {});
  return entries.length ? entries.map(([reason, share]) => `${word('suspendReason', reason)} ${percent(share)}`).join('；') : '—';
};

/** The measure groups of a snapshot and how each figure reads; names and definitions are measures.<group>.<key>(.def). */
const groups = [
  { key: 'tickets', measures: [['received', count], ['open', count], ['atRisk', count], ['overdue', count], ['resolved', count],
    ['closed', count], ['onTimeClosureRate', percent], ['closureRate', percent], ['timelySignForRate', percent], ['callbackRate', percent],
    ['satisfactionRate', percent], ['firstContactResolutionRate', percent], ['reworkRate', percent], ['returnRate', percent],
    ['repeatCallRate', percent], ['medianHandlingHours', hours], ['pauseShareByReason', shares]] },
  { key: 'petitions', measures: [['received', count], ['acceptanceOnTimeRate', percent], ['replyOnTimeRate', percent], ['answered', count],
    ['reviewsRequested', count], ['reReviewsRequested', count], ['reviewRate', percent], ['reReviewRate', percent],
    ['reviewsUpheld', count], ['reviewsChanged', count], ['reReviewsUpheld', count], ['reReviewsChanged', count]] },
  { key: 'legalAid', measures: [['received', count], ['open', count], ['atRisk', count], ['overdue', count], ['decided', count],
    ['granted', count], ['refused', count], ['concluded', count], ['onTimeDecisionRate', percent], ['grantRate', percent],
    ['onTimeAssignmentRate', percent]] },
  { key: 'rehab', measures: [['requested', count], ['open', count], ['atRisk', count], ['overdue', count], ['completed', count],
    ['missed', count], ['cancelled', count], ['onTimeFirstVisitRate', percent], ['completionRate', percent], ['onTimeRecordRate', percent]] },
];
const yearGroups = ['tickets', 'petitions'];
const dimensions = ['kind', 'topic', 'channel', 'town'];

/** The section and its live hook: update(monthSnapshot) redraws when the current month is on screen. */
export function measuresSection(scope, counties) {
  const today = shanghaiDate();
  const state = { period: 'month', month: today.slice(0, 7), year: today.slice(0, 4), by: 'kind', snapshot: null, breakdownAt: 0 };
  const isCurrent = () => (state.period === 'month' ? state.month === today.slice(0, 7) : state.year === today.slice(0, 4));
  const dateOf = () => (state.period === 'month' ? `${state.month}-01` : `${state.year}-01-01`);

  const radios = ['month', 'year'].map(p => h('label', {},
    h('input', { type: 'radio', name: 'measures-period', value: p, id: `measures-period-${p}`, checked: p === 'month', onchange: () => showField(p) }),
    t(`measures.period.${p}`)));
  const monthInput = h('input', { type: 'month', id: 'measures-month', min: `${firstYear}-01`, max: today.slice(0, 7), value: state.month, required: true });
  const yearInput = h('input', { type: 'number', id: 'measures-year', min: String(firstYear), max: today.slice(0, 4), step: '1', value: state.year,
    required: true, inputmode: 'numeric' });
  const monthField = h('div', { class: 'field' }, h('label', { for: 'measures-month' }, t('measures.month')), monthInput);
  const yearField = h('div', { class: 'field', hidden: true }, h('label', { for: 'measures-year' }, t('measures.year')), yearInput);
  const bySelect = h('select', { id: 'measures-by', onchange: () => { state.by = bySelect.value; loadBreakdown(); } },
    dimensions.map(d => h('option', { value: d }, t(`measures.by.${d}`))));
  const form = h('form', { id: 'measures-form', class: 'toolbar', novalidate: true, onsubmit: event => { event.preventDefault(); choose(); } },
    h('fieldset', {}, h('legend', {}, t('measures.period')), h('div', { class: 'radios' }, radios)),
    monthField, yearField, h('button', { type: 'submit', id: 'measures-show' }, t('measures.show')));
  const heading = h('h2', { id: 'measures-heading' }, t('measures.title'));
  const notice = h('div', { id: 'measures-notice' });
  const table = h('div', { class: 'table-wrap', id: 'measures-table' });
  const yearView = h('div', { id: 'measures-year-view' });
  const breakdown = chartFigure('chart-breakdown', t('measures.breakdown'));
  const section = h('section', { class: 'panel measures', id: 'dash-measures', 'aria-labelledby': 'measures-heading' },
    heading, h('p', { class: 'hint' }, t('measures.hint')), form, notice, table, yearView,
    h('div', { class: 'field' }, h('label', { for: 'measures-by' }, t('measures.by')), bySelect), breakdown.figure);

  function showField(period) {
    state.period = period;
    monthField.hidden = period !== 'month';
    yearField.hidden = period !== 'year';
  }

  async function choose() {
    const month = monthInput.value;
    const year = yearInput.value;
    if (state.period === 'month' ? !/^\d{4}-\d{2}$/.test(month) : !/^\d{4}$/.test(year)) {
      fill(notice, h('p', { class: 'notice failure', role: 'alert' }, t('measures.invalid')));
      return;
    }
    state.month = month;
    state.year = year;
    await load();
    announce(periodLabel());
  }

  function periodLabel() {
    const label = state.period === 'month' ? t('measures.label.month', { y: state.month.slice(0, 4), m: Number(state.month.slice(5)) })
      : t('measures.label.year', { y: state.year });
    return isCurrent() ? `${label} ${t('measures.live')}` : label;
  }

  async function load() {
    fill(notice);
    const q = new URLSearchParams({ scope, period: state.period, date: dateOf() });
    try {
      const [snapshot, months] = await Promise.all([api(`/api/stats?${q}`),
        state.period === 'year' ? api(`/api/stats/months?${new URLSearchParams({ scope, year: state.year })}`) : null]);
      state.snapshot = snapshot;
      drawTable();
      drawYear(months);
    } catch (problem) {
      fill(notice, h('p', { class: 'notice failure', role: 'alert' }, t('dash.unavailable', { message: problem.text ?? String(problem) })));
    }
    await loadBreakdown();
  }

  async function loadBreakdown() {
    state.breakdownAt = Date.now();
    try {
      const answer = await api(`/api/stats/breakdown?${new URLSearchParams({ scope, period: state.period, date: dateOf(), by: state.by })}`);
      await drawBreakdown(breakdown, answer.rows.map(r => ({ ...r, label: valueLabel(state.by, r.value) })), t(`measures.by.${state.by}`));
    } catch (problem) {
      fill(breakdown.table, h('p', { class: 'notice failure', role: 'alert' }, t('dash.unavailable', { message: problem.text ?? String(problem) })));
    }
  }

  function valueLabel(by, value) {
    if (by !== 'town') return word(by, value);
    if (value === 'none') return t('measures.noTown');
    return nameOf(counties.flatMap(c => c.towns ?? []).find(town => town.code === value)) || value;
  }

  function drawTable() {
    heading.textContent = `${t('measures.title')} · ${periodLabel()}`;
    const s = state.snapshot;
    fill(table, h('table', { id: 'measures-figures' },
      h('caption', { class: 'visually-hidden' }, `${t('measures.title')} · ${periodLabel()}`),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('measures.measure')), h('th', { scope: 'col', class: 'num' }, t('measures.value')))),
      groups.map(g => h('tbody', { id: `measures-${g.key}` },
        h('tr', {}, h('th', { scope: 'rowgroup', colspan: '2', class: 'group' }, t(`measures.group.${g.key}`))),
        g.measures.map(([key, show]) => h('tr', { id: `measure-${g.key}-${key}` },
          h('th', { scope: 'row' }, definition(g.key, key)),
          h('td', { class: 'num' }, show(s?.[g.key]?.[key]))))))));
  }

  function drawYear(months) {
    if (!months) { fill(yearView); return; }
    const columns = months.map(m => t('measures.label.monthShort', { m: Number(m.month.slice(5, 7)) }));
    fill(yearView, h('h3', { id: 'measures-year-heading' }, t('measures.yearView', { y: state.year })),
      h('div', { class: 'table-wrap' }, h('table', { id: 'measures-year-table', 'aria-labelledby': 'measures-year-heading' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('measures.measure')),
          columns.map(c => h('th', { scope: 'col', class: 'num' }, c)), h('th', { scope: 'col', class: 'num' }, t('measures.wholeYear')))),
        yearGroups.map(key => groups.find(g => g.key === key)).map(g => h('tbody', {},
          h('tr', {}, h('th', { scope: 'rowgroup', colspan: String(columns.length + 2), class: 'group' }, t(`measures.group.${g.key}`))),
          g.measures.map(([key, show]) => h('tr', {},
            h('th', { scope: 'row' }, t(`measures.${g.key}.${key}`)),
            months.map(m => h('td', { class: 'num' }, show(m[g.key]?.[key]))),
            h('td', { class: 'num' }, show(state.snapshot?.[g.key]?.[key])))))))));
  }

  return {
    section,
    load,
    breakdown,
    /** The live month snapshot: shown when the current month is on screen; the breakdown re-read at most every 30 s. */
    update(month) {
      if (!month || state.period !== 'month' || !isCurrent()) return;
      state.snapshot = month;
      drawTable();
      if (Date.now() - state.breakdownAt >= breakdownEvery) loadBreakdown();
    },
  };
}

/** A measure's name that opens its definition (a disclosure: Enter or Space on the name). */
function definition(group, key) {
  return h('details', { class: 'definition', id: `definition-${group}-${key}` },
    h('summary', { id: `definition-${group}-${key}-name` }, t(`measures.${group}.${key}`)),
    h('p', {}, t(`measures.${group}.${key}.def`)));
}
