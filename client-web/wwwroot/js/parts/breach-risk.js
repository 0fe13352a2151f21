// 超期风险: each open item's chance of missing the deadline of its running clock, from past items like it (tickets of its
// kind and topic; cases of its type on the same stage clock; visits of its service type on the same clock)
// (GET /api/stats/breach-risk?type=; the method is BreachRiskRules in grains/Stats). A column for worklists, a list for the dashboard.
import { api } from '../api.js';
import { fill, h } from '../dom.js';
import { t, word } from '../i18n.js';
import { dateTime, percent } from '../format.js';
import { unitNameNow } from '../reference.js';
import { itemLink, itemTitle } from '../dashboard/panels.js';

/** The scope's breach risks, or null when they cannot be read (the page then shows its other figures). */
export async function loadBreachRisks(scope, type = 'ticket') {
  try { return await api(`/api/stats/breach-risk?${new URLSearchParams({ scope, type })}`); } catch { return null; }
}

/** The item types with a breach risk, as the dashboard lists them together. */
const riskTypes = ['ticket', 'legal_aid_case', 'rehab_visit'];

/**
 * Every type's breach risks of the scope in one list, riskiest first; null when none could be read. A type that could
 * not be read is left out and named in `missing`.
 */
export async function loadAllBreachRisks(scope) {
  const lists = await Promise.all(riskTypes.map(type => loadBreachRisks(scope, type)));
  const read = lists.filter(Boolean);
  if (!read.length) return null;
  const items = read.flatMap(list => list.items)
    .sort((a, b) => (b.risk ?? -1) - (a.risk ?? -1) || String(a.dueAt).localeCompare(String(b.dueAt)));
  return { ...read[0], items, missing: riskTypes.filter((_, i) => !lists[i]) };
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

/**
 * What the figure means, one click away (a disclosure, as the other measures), worded by an item type's own keys
 * (tickets' by default); with `others`, how cases and visits are judged too.
 */
export function riskDefinition(risks, id, { nameKey = 'risk.name', defKey = 'risk.def', others = false } = {}) {
  return h('details', { class: 'definition', id },
    h('summary', { id: `${id}-name` }, t(nameKey)),
    h('p', {}, t(defKey, { n: risks?.minimumHistory ?? 20, p: percent(risks?.flagAt ?? 0.5) })),
    others ? h('p', {}, t('risk.def.others')) : null);
}

// What an item is compared by: its kind and topic (tickets), type and stage clock (cases, visits).
const kindGroups = { ticket: ['kind', 'topic'], legal_aid_case: ['caseType', 'clockName'], rehab_visit: ['serviceType', 'clockName'] };
const comparedBy = item => {
  const [kind, topic] = kindGroups[item.itemType] ?? kindGroups.ticket;
  return `${word(kind, item.kind)} · ${word(topic, item.topic)}`;
};

/** The dashboard list: flagged items of the scope (tickets, cases, visits), riskiest first. */
export function drawBreachRisks(section, risks) {
  const flagged = (risks?.items ?? []).filter(i => i.atRisk);
  const title = t('dash.breachRisk');
  fill(section, h('h2', {}, `${title} (${flagged.length})`), riskDefinition(risks, 'definition-breach-risk', { others: true }),
    risks?.missing?.length ? h('p', { class: 'notice' }, t('risk.partial', { types: risks.missing.map(type => word('itemType', type)).join(' / ') })) : null,
    flagged.length ? h('div', { class: 'table-wrap' }, h('table', { id: 'breach-risk-table' },
      h('caption', { class: 'visually-hidden' }, title),
      h('thead', {}, h('tr', {}, ['number', 'title', 'comparedBy', 'unit', 'risk', 'due'].map(c => h('th', { scope: 'col' }, t(`col.${c}`))))),
      h('tbody', {}, flagged.map(item => h('tr', {},
        h('th', { scope: 'row' }, itemLink(item)),
        h('td', {}, itemTitle(item)), h('td', {}, comparedBy(item)), h('td', {}, unitNameNow(item.unitCode)),
        h('td', {}, riskCell(item)), h('td', {}, dateTime(item.dueAt)))))))
      : h('p', { class: 'empty' }, t(risks ? 'dash.empty' : 'risk.unavailable')));
}
