// Apache ECharts charts, each with a data table beside it for screen readers and keyboard users.
import { fill, h } from '../dom.js';
import { t } from '../i18n.js';
import { count, percent, shortDate } from '../format.js';

let echartsModule;
const loadEcharts = async () => (echartsModule ??= await import('/lib/echarts/echarts.esm.min.js'));

/** A figure: caption, chart (hidden from assistive technology) and a <details> table with the same numbers. */
export function chartFigure(id, caption) {
  const chart = h('div', { class: 'chart', id: `${id}-chart`, 'aria-hidden': 'true' });
  const table = h('div', { class: 'table-wrap', id: `${id}-table` });
  const figure = h('figure', { class: 'panel', id, 'aria-labelledby': `${id}-caption` },
    h('figcaption', { id: `${id}-caption` }, h('h2', {}, caption)),
    chart,
    h('details', {}, h('summary', {}, t('dash.chart.table')), table));
  return { figure, chart, table, instance: null };
}

export function palette() {
  const css = getComputedStyle(document.documentElement);
  const v = name => css.getPropertyValue(name).trim();
  return { ink: v('--ink'), muted: v('--muted'), line: v('--line'), primary: v('--primary'), ok: v('--ok'), bad: v('--bad'), warn: v('--warn') };
}

export async function draw(fig, option) {
  const echarts = await loadEcharts();
  if (!fig.instance || fig.instance.isDisposed()) fig.instance = echarts.init(fig.chart, null, { renderer: 'canvas' });
  fig.instance.setOption(option, true);
}

/** On-time closure rate per child scope against the target line; clicking a bar drills down. */
export async function drawChildren(fig, children, target, onPick) {
  const c = palette();
  const rows = children ?? [];
  fill(fig.table, rows.length ? h('table', {},
    h('thead', {}, h('tr', {}, [t('dash.children'), t('dash.tile.onTime'), t('dash.tile.received'), t('dash.tile.open'), t('dash.tile.atRisk'), t('dash.tile.overdue')]
      .map((text, i) => h('th', { scope: 'col', class: i ? 'num' : null }, text)))),
    h('tbody', {}, rows.map(r => h('tr', {},
      h('th', { scope: 'row' }, h('a', { href: `#/dashboard?scope=${encodeURIComponent(r.scope)}` }, r.scopeName)),
      [percent(r.onTimeClosureRate), count(r.received), count(r.open), count(r.atRisk), count(r.overdue)].map(v => h('td', { class: 'num' }, v))))))
    : h('p', { class: 'empty' }, t('dash.empty')));
  await draw(fig, {
    textStyle: { color: c.ink },
    grid: { left: 48, right: 16, top: 24, bottom: 56 },
    tooltip: { trigger: 'axis', valueFormatter: v => (v === null ? '—' : `${v}%`) },
    xAxis: { type: 'category', data: rows.map(r => r.scopeName), axisLabel: { color: c.ink, interval: 0, rotate: rows.length > 8 ? 30 : 0 } },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { color: c.muted, formatter: '{value}%' }, splitLine: { lineStyle: { color: c.line } } },
    series: [{
      type: 'bar',
      data: rows.map(r => ({
        value: r.onTimeClosureRate === null || r.onTimeClosureRate === undefined ? null : +(r.onTimeClosureRate * 100).toFixed(1),
        itemStyle: { color: r.onTimeClosureRate !== null && r.onTimeClosureRate < target ? c.bad : c.ok },
      })),
      markLine: { symbol: 'none', label: { formatter: t('dash.target.line'), color: c.ink, position: 'insideEndTop' }, lineStyle: { color: c.warn, type: 'dashed', width: 2 },
        data: [{ yAxis: target * 100 }] },
    }],
  });
  fig.instance.off('click');
  fig.instance.on('click', params => rows[params.dataIndex] && onPick(rows[params.dataIndex].scope));
}

/** Received and resolved per day (bars) and the on-time closure rate (line) over the month. */
export async function drawTrend(fig, days) {
  const c = palette();
  const rows = days ?? [];
  fill(fig.table, rows.length ? h('table', {},
    h('thead', {}, h('tr', {}, ['date', 'received', 'resolved', 'onTime'].map((k, i) => h('th', { scope: 'col', class: i ? 'num' : null }, t(`dash.trend.${k}`))))),
    h('tbody', {}, rows.map(d => h('tr', {}, h('th', { scope: 'row' }, d.date),
      [count(d.received), count(d.resolved), percent(d.onTimeClosureRate)].map(v => h('td', { class: 'num' }, v))))))
    : h('p', { class: 'empty' }, t('dash.empty')));
  await draw(fig, {
    textStyle: { color: c.ink },
    legend: { textStyle: { color: c.ink }, top: 0 },
    grid: { left: 48, right: 48, top: 36, bottom: 32 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: rows.map(d => shortDate(`${d.date}T12:00:00+08:00`)), axisLabel: { color: c.muted } },
    yAxis: [
      { type: 'value', axisLabel: { color: c.muted }, splitLine: { lineStyle: { color: c.line } } },
      { type: 'value', min: 0, max: 100, axisLabel: { color: c.muted, formatter: '{value}%' }, splitLine: { show: false } },
    ],
    series: [
      { name: t('dash.trend.received'), type: 'bar', data: rows.map(d => d.received), itemStyle: { color: c.primary } },
      { name: t('dash.trend.resolved'), type: 'bar', data: rows.map(d => d.resolved), itemStyle: { color: c.ok } },
      { name: t('dash.trend.onTime'), type: 'line', yAxisIndex: 1, connectNulls: false, itemStyle: { color: c.warn },
        data: rows.map(d => (d.onTimeClosureRate === null || d.onTimeClosureRate === undefined ? null : +(d.onTimeClosureRate * 100).toFixed(1))) },
    ],
  });
}

/** A breakdown: received and resolved per value (bars), with the table of every figure of each value. */
export async function drawBreakdown(fig, rows, dimension) {
  const c = palette();
  fill(fig.table, rows.length ? h('table', { id: 'breakdown-table' },
    h('thead', {}, h('tr', {}, [dimension, t('dash.tile.received'), t('dash.tile.resolved'), t('dash.tile.onTime'), t('dash.tile.open'), t('dash.tile.overdue')]
      .map((text, i) => h('th', { scope: 'col', class: i ? 'num' : null }, text)))),
    h('tbody', {}, rows.map(r => h('tr', {}, h('th', { scope: 'row' }, r.label),
      [count(r.received), count(r.resolved), percent(r.onTimeClosureRate), count(r.open), count(r.overdue)].map(v => h('td', { class: 'num' }, v))))))
    : h('p', { class: 'empty' }, t('dash.empty')));
  await draw(fig, {
    textStyle: { color: c.ink },
    legend: { textStyle: { color: c.ink }, top: 0 },
    grid: { left: 48, right: 16, top: 36, bottom: 56 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: rows.map(r => r.label), axisLabel: { color: c.ink, interval: 0, rotate: rows.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { color: c.muted }, splitLine: { lineStyle: { color: c.line } } },
    series: [
      { name: t('dash.tile.received'), type: 'bar', data: rows.map(r => r.received), itemStyle: { color: c.primary } },
      { name: t('dash.tile.resolved'), type: 'bar', data: rows.map(r => r.resolved), itemStyle: { color: c.ok } },
    ],
  });
}

export function resize(...figures) {
  figures.forEach(f => f.instance?.resize());
}

export function dispose(...figures) {
  figures.forEach(f => f.instance?.dispose());
}
