// 超期风险: each open ticket's chance of missing its handling deadline, from past tickets of its kind and topic
// (GET /api/stats/breach-risk; the method is BreachRiskRules in grains/Stats). A column for worklists, a list for the dashboard.
import { api } from '../api.js';
import { fill, h } from '../dom.js';
import { t, word } from '../i18n.js';
import { dateTime, percent } from '../format.js';
import { unitNameNow } from '../reference.js';
import { itemLink } from '../dashboard/panels.js';

/** The scope's breach risks, or null when they cannot be read (the page then shows its other figures). */
export async function loadBreachRisks(scope, type = 'ticket') {
  try { return await api(`/api/stats/breach-risk?${new URLSearchParams({ scope, type })}`); } catch { return null; }
}

/** Risk by item id. */
export const risksById = risks => new Map((risks?.items ?? []).map(item => [item.id, item]));

/** A worklist cell: the share with its basis, and a flag in words when it reaches the threshold. */
export function riskCell(item) {
  if (!item) return '—';
  if (item.risk === null || item.risk === undefined) return h('span', { class: 'hint' }, t('risk.noHistory'));
  return h('span', {}, `${percent(item.risk)} · ${t(`risk.basis.${item.basis}`)}`,
    item.atRisk ? [' ', h('span', { class: 'clock clock-warning' }, t('risk.flag'))] : null);
}

/** The column for ticketTable's extra argument. */
export const riskColumn = risks => ({ header: t('col.risk'), cell: s => riskCell(risks.get(s.id)) });

/** What the figure means, one click away (a disclosure, as the other measures). */
export function riskDefinition(risks, id) {
  return h('details', { class: 'definition', id },
    h('summary', { id: `${id}-name` }, t('risk.name')),
    h('p', {}, t('risk.def', { n: risks?.minimumHistory ?? 20, p: percent(risks?.flagAt ?? 0.5) })));
}

/** The dashboard list: flagged tickets of the scope, riskiest first. */
export function drawBreachRisks(section, risks) {
  const flagged = (risks?.items ?? []).filter(i => i.atRisk);
  const title = t('dash.breachRisk');
  fill(section, h('h2', {}, `${title} (${flagged.length})`), riskDefinition(risks, 'definition-breach-risk'),
    flagged.length ? h('div', { class: 'table-wrap' }, h('table', { id: 'breach-risk-table' },
      h('caption', { class: 'visually-hidden' }, title),
      h('thead', {}, h('tr', {}, ['number', 'title', 'kind', 'unit', 'risk', 'due'].map(c => h('th', { scope: 'col' }, t(`col.${c}`))))),
      h('tbody', {}, flagged.map(item => h('tr', {},
        h('th', { scope: 'row' }, itemLink(item)),
        h('td', {}, item.title), h('td', {}, word('kind', item.kind)), h('td', {}, unitNameNow(item.unitCode)),
        h('td', {}, riskCell(item)), h('td', {}, dateTime(item.dueAt)))))))
      : h('p', { class: 'empty' }, t(risks ? 'dash.empty' : 'risk.unavailable')));
}
