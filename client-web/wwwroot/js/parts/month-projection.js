// 月末按时办结率预测: per county and unit of the dashboard's scope, the month-end on-time closure rate expected from the
// month so far and each open ticket's chance of closing on time, its 10th-90th percentile interval, the probability of
// reaching the target, and how many tickets each unit must close today (linking to its close-today list on the worklist).
// GET /api/stats/month-projection; the rules are MonthProjectionRules in grains/Stats. A chart with the same figures as a table.
import { api } from '../api.js';
import { fill, h } from '../dom.js';
import { t } from '../i18n.js';
import { count, percent } from '../format.js';
import { chartFigure, draw, palette } from '../dashboard/charts.js';
import { closeTodayDefinition } from './close-today.js';

/** The scope's projections, or null when they cannot be read (the dashboard then shows its other figures). */
export async function loadMonthProjection(scope) {
  try { return await api(`/api/stats/month-projection?${new URLSearchParams({ scope })}`); } catch { return null; }
}

/** The figure (chart, table one click away, definition one click away). */
export function monthProjectionFigure() {
  const fig = chartFigure('month-projection', t('close.dash.title'));
  fig.figure.querySelector('figcaption').append(closeTodayDefinition('definition-month-projection'));
  return fig;
}

const pct = rate => (rate === null || rate === undefined ? null : +(rate * 100).toFixed(1));

function mustCell(row) {
  const text = t('close.dash.mustOf', { must: count(row.mustCloseToday), due: count(row.dueToday) });
  return row.level === 'unit' ? h('a', { href: `#/worklist?unit=${encodeURIComponent(row.scope.slice(5))}` }, text) : text;
}

export async function drawMonthProjection(fig, projections) {
  const rows = projections?.rows ?? [];
  const shown = fig.figure.querySelector('#definition-month-projection');
  if (projections && shown) {
    // The definition's figures (target, minimum history) as configured: its paragraphs only, so focus and opening stay.
    const fresh = closeTodayDefinition('definition-month-projection', projections.target, projections.minimumHistory);
    shown.querySelectorAll('p').forEach(p => p.remove());
    shown.append(...fresh.querySelectorAll('p'));
  }
  fill(fig.table, rows.length ? h('table', { id: 'month-projection-rows' },
    h('caption', { class: 'visually-hidden' }, t('close.dash.title')),
    h('thead', {}, h('tr', {}, ['scope', 'mustToday', 'soFar', 'openDue', 'expected', 'interval', 'likelihood']
      .map((c, i) => h('th', { scope: 'col', class: i ? 'num' : null }, t(`close.dash.col.${c}`))))),
    h('tbody', {}, rows.map(r => h('tr', { 'data-scope': r.scope },
      h('th', { scope: 'row' }, h('a', { href: `#/dashboard?scope=${encodeURIComponent(r.scope)}` }, r.level === 'unit' ? `· ${r.name}` : r.name)),
      h('td', { class: 'num' }, mustCell(r)),
      h('td', { class: 'num' }, `${percent(r.rateSoFar)} (${count(r.onTimeSoFar)}/${count(r.countedSoFar)})`),
      h('td', { class: 'num' }, count(r.openDue)),
      h('td', { class: 'num' }, percent(r.expected)),
      h('td', { class: 'num' }, r.low === null || r.low === undefined ? '—' : `${percent(r.low)} – ${percent(r.high)}`),
      h('td', { class: 'num' }, percent(r.likelihood))))))
    : h('p', { class: 'empty' }, t(projections ? 'dash.empty' : 'close.unavailable')));
  if (!rows.length) return;
  const c = palette();
  const target = projections.target ?? 0.95;
  await draw(fig, {
    textStyle: { color: c.ink },
    grid: { left: 48, right: 16, top: 24, bottom: 72 },
    tooltip: { trigger: 'axis', valueFormatter: v => (v === null ? '—' : `${v}%`) },
    xAxis: { type: 'category', data: rows.map(r => r.name), axisLabel: { color: c.ink, interval: 0, rotate: rows.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { color: c.muted, formatter: '{value}%' }, splitLine: { lineStyle: { color: c.line } } },
    series: [
      { name: t('close.dash.col.low'), type: 'line', data: rows.map(r => pct(r.low)), symbol: 'triangle', lineStyle: { opacity: 0 }, itemStyle: { color: c.muted } },
      {
        name: t('close.dash.col.expected'), type: 'bar',
        data: rows.map(r => ({ value: pct(r.expected), itemStyle: { color: r.expected !== null && r.expected < target ? c.bad : c.ok } })),
        markLine: { symbol: 'none', label: { formatter: t('dash.target.line'), color: c.ink, position: 'insideEndTop' }, lineStyle: { color: c.warn, type: 'dashed', width: 2 },
          data: [{ yAxis: target * 100 }] },
      },
      { name: t('close.dash.col.high'), type: 'line', data: rows.map(r => pct(r.high)), symbol: 'triangle', symbolRotate: 180, lineStyle: { opacity: 0 }, itemStyle: { color: c.muted } },
    ],
  });
}
