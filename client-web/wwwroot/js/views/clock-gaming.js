// 时限异常监测: the ways units game their clocks (GET /api/stats/clock-gaming, .../signals, /api/stats/returns-heatmap),
// per unit against its own history and its peers, with the evidence and a heat map of returns (退单) between units. A new
// signal pushed over the live feed (alert kind clockGaming) reloads the figures.
import { api } from '../api.js';
import { announce, debounce, fill, h } from '../dom.js';
import { pick, t } from '../i18n.js';
import { count, dateTime, shanghaiDate } from '../format.js';
import { loadCounties, loadUnits, nameOf, supervisesOneCounty, unitNameNow } from '../reference.js';
import { pager } from '../parts/pager.js';
import { chartFigure, dispose, draw, palette } from '../dashboard/charts.js';
import { connectLive } from '../dashboard/live.js';
import { itemLink } from '../dashboard/panels.js';

const KINDS = ['late_suspension', 'repeated_suspension', 'late_extension', 'near_due_merge', 'reopen_loop', 'return_bounce', 'late_reschedule'];
const PAGE_SIZE = 20;
const firstYear = 2000;

export async function render(main, { user, query }) {
  const [counties] = await Promise.all([loadCounties(), loadUnits()]);
  const scopes = scopeOptions(user, counties);
  const today = shanghaiDate();
  const state = {
    scope: scopes.some(s => s.value === query.get('scope')) ? query.get('scope') : scopes[0].value,
    period: query.get('period') === 'year' ? 'year' : 'month',
    month: today.slice(0, 7), year: today.slice(0, 4), unit: '', kind: '', page: 1,
  };

  const periodRadios = ['month', 'year'].map(p => h('label', {},
    h('input', { type: 'radio', name: 'gaming-period', value: p, id: `gaming-period-${p}`, checked: state.period === p, onchange: () => showDateField(p) }),
    t(`gaming.period.${p}`)));
  const monthInput = h('input', { type: 'month', id: 'gaming-month', min: `${firstYear}-01`, max: today.slice(0, 7), value: state.month, required: true });
  const yearInput = h('input', { type: 'number', id: 'gaming-year', min: String(firstYear), max: today.slice(0, 4), step: '1', value: state.year, required: true, inputmode: 'numeric' });
  const monthField = h('div', { class: 'field' }, h('label', { for: monthInput.id }, t('gaming.month')), monthInput);
  const yearField = h('div', { class: 'field' }, h('label', { for: yearInput.id }, t('gaming.year')), yearInput);
  const scopeSelect = h('select', { id: 'gaming-scope' }, scopes.map(s => h('option', { value: s.value, selected: s.value === state.scope }, s.label)));
  const form = h('form', { id: 'gaming-form', class: 'panel', novalidate: true, onsubmit: event => { event.preventDefault(); choose(); } },
    h('div', { class: 'grid' },
      h('fieldset', {}, h('legend', {}, t('gaming.period')), h('div', { class: 'radios' }, periodRadios)),
      monthField, yearField,
      h('div', { class: 'field' }, h('label', { for: scopeSelect.id }, t('gaming.scope')), scopeSelect)),
    h('div', { class: 'toolbar' }, h('button', { type: 'submit', class: 'primary', id: 'gaming-show' }, t('gaming.show'))));

  const notice = h('div', { id: 'gaming-notice', 'aria-live': 'polite' });
  const definitions = h('details', { class: 'definition panel', id: 'gaming-definitions' }, h('summary', {}, t('gaming.definitions')));
  const unitsSection = h('section', { class: 'panel', id: 'gaming-units', 'aria-labelledby': 'gaming-units-heading' });
  const kindSelect = h('select', { id: 'gaming-kind', onchange: () => { state.kind = kindSelect.value; state.page = 1; loadSignals(); } },
    h('option', { value: '' }, t('gaming.kind.all')), KINDS.map(k => h('option', { value: k }, t(`gaming.kind.${k}`))));
  const signalsBody = h('div', { id: 'gaming-signals-body' });
  const signalsSection = h('section', { class: 'panel', id: 'gaming-signals', 'aria-labelledby': 'gaming-signals-heading' },
    h('h2', { id: 'gaming-signals-heading', tabindex: '-1' }, t('gaming.signals')),
    h('div', { class: 'toolbar' }, h('div', { class: 'field' }, h('label', { for: kindSelect.id }, t('gaming.kind')), kindSelect)),
    signalsBody);
  const heat = chartFigure('gaming-heatmap', t('gaming.heatmap'));
  const pairs = h('div', { id: 'gaming-pairs' });
  main.append(h('h1', {}, t('gaming.title')), h('p', { class: 'hint' }, t('gaming.intro')), form, notice, definitions,
    unitsSection, signalsSection, heat.figure, pairs);
  showDateField(state.period);

  function showDateField(period) {
    state.period = period;
    monthField.hidden = period !== 'month';
    yearField.hidden = period !== 'year';
  }

  const date = () => (state.period === 'month' ? `${monthInput.value}-01` : `${yearInput.value}-01-01`);
  const periodQuery = () => ({ scope: state.scope, period: state.period, date: date() });

  function choose() {
    state.scope = scopeSelect.value;
    state.unit = '';
    state.page = 1;
    history.replaceState(null, '', `#/clock-gaming?${new URLSearchParams({ scope: state.scope, period: state.period })}`);
    restartLive();
    loadAll();
  }

  async function loadAll() {
    await Promise.all([loadReport(), loadSignals(), loadHeatmap()]);
  }

  async function loadReport() {
    try {
      const report = await api(`/api/stats/clock-gaming?${new URLSearchParams(periodQuery())}`);
      drawDefinitions(definitions, report.rules);
      drawUnits(unitsSection, report, unit => { state.unit = unit; state.page = 1; loadSignals(); signalsSection.querySelector('h2').focus(); });
      fill(notice);
    } catch (problem) {
      fill(notice, h('p', { class: 'notice failure', role: 'alert' }, problem.text ?? String(problem)));
    }
  }

  async function loadSignals() {
    const q = new URLSearchParams({ ...periodQuery(), page: String(state.page), pageSize: String(PAGE_SIZE),
      ...(state.unit ? { unit: state.unit } : {}), ...(state.kind ? { kind: state.kind } : {}) });
    try {
      const found = await api(`/api/stats/clock-gaming/signals?${q}`);
      const filter = state.unit
        ? h('p', {}, t('gaming.signals.unit', { unit: unitNameNow(state.unit) }), ' ',
          h('button', { type: 'button', id: 'gaming-unit-clear', onclick: () => { state.unit = ''; state.page = 1; loadSignals(); } }, t('gaming.signals.allUnits')))
        : null;
      fill(signalsBody, filter, signalTable(found) ?? h('p', { class: 'empty' }, t('gaming.signals.empty')),
        pager('gaming-signals', found, next => { state.page = next; loadSignals(); }));
    } catch (problem) {
      fill(signalsBody, h('p', { class: 'notice failure', role: 'alert' }, problem.text ?? String(problem)));
    }
  }

  async function loadHeatmap() {
    try {
      const map = await api(`/api/stats/returns-heatmap?${new URLSearchParams(periodQuery())}`);
      await drawHeatmap(heat, map);
      drawPairs(pairs, map);
    } catch (problem) {
      fill(heat.table, h('p', { class: 'notice failure', role: 'alert' }, problem.text ?? String(problem)));
    }
  }

  // A new signal in the watched scope reloads the figures (debounced: a burst of signals is one reload).
  const reload = debounce(() => loadAll(), 500);
  let live = null;
  async function restartLive() {
    await live?.stop();
    live = await connectLive(state.scope, {
      snapshot: () => {}, statsChanged: () => {}, itemChanged: () => {},
      // The form carries the feed's state, so a test (or a curious reader of the DOM) knows when alerts will arrive.
      status: connection => { form.dataset.live = connection; },
      alert: m => {
        if (m.kind !== 'clockGaming') return;
        announce(`${t('gaming.alert')}: ${pick(m.messageZh, m.messageEn)}`);
        reload();
      },
    });
  }

  await loadAll();
  restartLive();
  return () => { live?.stop(); dispose(heat); };
}

/** City-wide users pick the city or a county; a county supervisor has their county; unit staff their unit. */
function scopeOptions(user, counties) {
  if (user.role === 'unit_staff') return [{ value: `unit:${user.unitCode}`, label: unitNameNow(user.unitCode) }];
  const county = c => ({ value: `county:${c.code}`, label: c.level === 'city' ? t('reports.cityLevel') : nameOf(c) });
  if (supervisesOneCounty(user)) return counties.filter(c => c.code === user.areaCode).map(county);
  return [{ value: 'city', label: t('reports.city') }, ...counties.map(county)];
}

const share = value => (value === null || value === undefined ? '—' : `${(value * 100).toFixed(0)}%`);
const rate = value => (value === null || value === undefined ? '—' : value.toFixed(2));

function drawDefinitions(details, rules) {
  fill(details, h('summary', {}, t('gaming.definitions')),
    h('dl', {}, KINDS.flatMap(k => [h('dt', {}, t(`gaming.kind.${k}`)), h('dd', {}, t(`gaming.def.${k}`, {
      late: share(1 - rules.lateSuspensionShare), repeated: rules.repeatedSuspensions, extension: share(rules.lateExtensionShare),
      merge: share(rules.nearDueMergeShare), reopen: rules.reopenLoops, pairs: rules.pairReturns,
    }))]),
    h('dt', {}, t('gaming.rate')), h('dd', {}, t('gaming.def.rate', { periods: rules.historyPeriods })),
    h('dt', {}, t('gaming.flag')), h('dd', {}, t('gaming.def.flag', { min: rules.minimumCount, factor: rules.flagFactor }))));
}

function drawUnits(section, report, showSignals) {
  const caption = t('gaming.units.caption', { n: report.units.length });
  const headers = ['gaming.col.unit', 'gaming.col.handled', ...KINDS.map(k => `gaming.kind.${k}`),
    'gaming.col.rate', 'gaming.col.own', 'gaming.col.county', 'gaming.col.city', 'gaming.col.flag'];
  fill(section, h('h2', { id: 'gaming-units-heading' }, t('gaming.units')),
    report.units.length ? h('div', { class: 'table-wrap' }, h('table', { id: 'gaming-units-table' },
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, headers.map((key, i) => h('th', { scope: 'col', class: i ? 'num' : null }, t(key))))),
      h('tbody', {}, report.units.map(u => h('tr', { class: u.flagged ? 'overdue' : null, 'data-unit': u.unitCode },
        h('th', { scope: 'row' }, h('button', { type: 'button', class: 'link-button', onclick: () => showSignals(u.unitCode),
          'aria-label': t('gaming.units.show', { unit: pick(u.unitName, u.unitNameEn) }) }, pick(u.unitName, u.unitNameEn))),
        h('td', { class: 'num' }, count(u.handled)),
        u.kinds.map(k => h('td', { class: 'num', 'data-kind': k.kind }, count(k.count), k.flagged ? [' ', h('strong', {}, t('gaming.flagged'))] : null)),
        [rate(u.total.rate), rate(u.total.ownAverage), rate(u.total.countyPeerMedian), rate(u.total.cityPeerMedian)].map(v => h('td', { class: 'num' }, v)),
        h('td', {}, u.flagged ? h('strong', {}, t('gaming.flagged')) : t('gaming.notFlagged')))))))
      : h('p', { class: 'empty' }, t('gaming.units.empty')));
}

function evidenceText(s) {
  const e = s.evidence ?? {};
  const parts = [];
  if (e.clock) parts.push(t('gaming.evidence.clock', { clock: t(`gaming.clock.${e.clock}`), share: share(e.shareUsed) }));
  if (e.count !== null && e.count !== undefined) parts.push(t('gaming.evidence.count', { n: e.count }));
  if (e.otherUnit) parts.push(t('gaming.evidence.other', { unit: unitNameNow(e.otherUnit) }));
  if (e.mergedInto) parts.push(t('gaming.evidence.merged', { number: e.mergedInto }));
  if (e.events?.length) parts.push(t('gaming.evidence.events', { events: e.events.join(', ') }));
  return parts.join('; ');
}

function signalTable(found) {
  if (!found.items.length) return null;
  const headers = ['col.number', 'gaming.kind', 'col.unit', 'gaming.col.at', 'gaming.col.evidence'];
  return h('div', { class: 'table-wrap' }, h('table', { id: 'gaming-signals-table' },
    h('caption', {}, t('gaming.signals.caption', { n: found.total })),
    h('thead', {}, h('tr', {}, headers.map(key => h('th', { scope: 'col' }, t(key))))),
    h('tbody', {}, found.items.map(s => h('tr', {},
      h('th', { scope: 'row' }, itemLink({ itemType: s.itemType, id: s.itemId, number: s.itemNumber })),
      h('td', {}, t(`gaming.kind.${s.kind}`)),
      h('td', {}, unitNameNow(s.unitCode)),
      h('td', {}, dateTime(s.occurredAt)),
      h('td', {}, evidenceText(s)))))));
}

async function drawHeatmap(fig, map) {
  const units = map.units;
  const cell = new Map(map.cells.map(c => [`${c.fromUnit}|${c.toUnit}`, c.count]));
  fill(fig.table, units.length ? h('table', { id: 'gaming-heatmap-table' },
    h('caption', {}, t('gaming.heatmap.caption')),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('gaming.heatmap.fromTo')), units.map(u => h('th', { scope: 'col', class: 'num' }, unitNameNow(u))))),
    h('tbody', {}, units.map(from => h('tr', {}, h('th', { scope: 'row' }, unitNameNow(from)),
      units.map(to => h('td', { class: 'num', 'data-from': from, 'data-to': to }, count(cell.get(`${from}|${to}`) ?? 0)))))))
    : h('p', { class: 'empty' }, t('gaming.heatmap.empty')));
  const c = palette();
  const names = units.map(unitNameNow);
  const max = Math.max(1, ...map.cells.map(x => x.count));
  await draw(fig, {
    textStyle: { color: c.ink },
    grid: { left: 140, right: 24, top: 16, bottom: 96 },
    tooltip: { formatter: p => `${names[p.value[1]]} → ${names[p.value[0]]}: ${p.value[2]}` },
    xAxis: { type: 'category', data: names, name: t('gaming.heatmap.to'), axisLabel: { color: c.ink, interval: 0, rotate: 30 } },
    yAxis: { type: 'category', data: names, name: t('gaming.heatmap.from'), axisLabel: { color: c.ink } },
    visualMap: { min: 0, max, calculable: false, orient: 'horizontal', left: 'center', bottom: 0, inRange: { color: ['#ffffff', c.bad] }, textStyle: { color: c.ink } },
    series: [{
      type: 'heatmap',
      data: map.cells.map(x => [units.indexOf(x.toUnit), units.indexOf(x.fromUnit), x.count]),
      label: { show: true, color: c.ink },
    }],
  });
}

function drawPairs(section, map) {
  fill(section, h('section', { class: 'panel', 'aria-labelledby': 'gaming-pairs-heading' },
    h('h2', { id: 'gaming-pairs-heading' }, t('gaming.pairs', { n: map.pairReturns })),
    map.pairs.length ? h('ul', { id: 'gaming-pairs-list' }, map.pairs.map(p =>
      h('li', {}, t('gaming.pair', { a: unitNameNow(p.unitA), b: unitNameNow(p.unitB), n: p.count }))))
      : h('p', { class: 'empty' }, t('gaming.pairs.empty'))));
}
