// 排名: the counties and the units of a scope ranked by the month's on-time closure rate, for the dashboard and the big screen.
import { api } from '../api.js';
import { fill, h } from '../dom.js';
import { t } from '../i18n.js';
import { count, percent } from '../format.js';

/** Best first: the higher on-time closure rate, then fewer overdue, then the name; a scope without a rate goes last. */
export function ranked(rows) {
  const rate = r => (r.onTimeClosureRate === null || r.onTimeClosureRate === undefined ? -1 : r.onTimeClosureRate);
  return [...(rows ?? [])].sort((a, b) => rate(b) - rate(a) || (a.overdue ?? 0) - (b.overdue ?? 0)
    || String(a.scopeName).localeCompare(String(b.scopeName), 'zh-CN'));
}

/**
 * The units of a city-wide view: the month's children of every county the user sees (one request each), flattened.
 * A county the user may not read, or one that fails, is left out rather than failing the whole ranking.
 */
export async function unitsOfCounties(countyRows) {
  const answers = await Promise.allSettled((countyRows ?? []).map(c =>
    api(`/api/stats?${new URLSearchParams({ scope: c.scope, period: 'month' })}`)));
  return answers.filter(a => a.status === 'fulfilled').flatMap(a => a.value.children ?? []);
}

/** One ranking table: rank, name (a link that drills down), on-time closure rate with the target mark, overdue, open. */
export function drawRanking(section, id, title, rows, target) {
  const list = ranked(rows);
  fill(section, h('h2', { id: `${id}-heading` }, title),
    list.length ? h('div', { class: 'table-wrap' }, h('table', { class: 'ranking', id, 'aria-labelledby': `${id}-heading` },
      h('thead', {}, h('tr', {}, ['rank', 'name', 'onTime', 'overdue', 'open'].map((key, i) =>
        h('th', { scope: 'col', class: i === 1 ? null : 'num' }, t(`dash.ranking.${key}`))))),
      h('tbody', {}, list.map((row, i) => {
        const missed = row.onTimeClosureRate !== null && row.onTimeClosureRate !== undefined && row.onTimeClosureRate < target;
        return h('tr', { class: missed ? 'missed' : null, dataset: { scope: row.scope } },
          h('td', { class: 'num' }, String(i + 1)),
          h('th', { scope: 'row' }, h('a', { href: `#/dashboard?${new URLSearchParams({ scope: row.scope, ...bigScreenQuery() })}` }, row.scopeName)),
          h('td', { class: 'num' }, percent(row.onTimeClosureRate), missed ? h('span', { class: 'badge bad' }, t('dash.ranking.missed')) : null),
          h('td', { class: 'num' }, count(row.overdue)),
          h('td', { class: 'num' }, count(row.open)));
      }))))
    : h('p', { class: 'empty' }, t('dash.empty')));
}

/** A drill-down from the big screen stays on the big screen (and keeps rotating when it was). */
function bigScreenQuery() {
  const query = new URLSearchParams(location.hash.split('?')[1] ?? '');
  const kept = {};
  if (query.get('screen') === 'big') kept.screen = 'big';
  if (query.get('rotate')) kept.rotate = query.get('rotate');
  return kept;
}
