// Dashboard tiles, the at-risk and overdue lists and the alert feed (shapes: client-web/Live/contract.md).
import { fill, h } from '../dom.js';
import { pick, t, word } from '../i18n.js';
import { clockBadge, count, dateTime, percent, time } from '../format.js';
import { countyNameNow, unitNameNow } from '../reference.js';

const tiles = [
  { key: 'received', period: 'day', read: s => count(s?.tickets?.received) },
  { key: 'open', period: 'day', read: s => count(s?.tickets?.open) },
  { key: 'atRisk', period: 'day', read: s => count(s?.tickets?.atRisk), tone: s => (s?.tickets?.atRisk ? 'bad' : '') },
  { key: 'overdue', period: 'day', read: s => count(s?.tickets?.overdue), tone: s => (s?.tickets?.overdue ? 'bad' : '') },
  { key: 'resolved', period: 'day', read: s => count(s?.tickets?.resolved) },
  { key: 'onTime', period: 'month', read: s => percent(s?.tickets?.onTimeClosureRate), tone: rateTone, target: true },
  { key: 'closure', period: 'month', read: s => percent(s?.tickets?.closureRate) },
  { key: 'signFor', period: 'month', read: s => percent(s?.tickets?.timelySignForRate) },
  { key: 'satisfaction', period: 'month', read: s => percent(s?.tickets?.satisfactionRate) },
  { key: 'mustCloseToday', period: 'month', read: s => count(s?.forecast?.mustCloseToday) },
  { key: 'legalAidOpen', period: 'day', read: s => count(s?.legalAid?.open) },
  { key: 'legalAidOverdue', period: 'day', read: s => count(s?.legalAid?.overdue), tone: s => (s?.legalAid?.overdue ? 'bad' : '') },
  { key: 'legalAidOnTime', period: 'month', read: s => percent(s?.legalAid?.onTimeDecisionRate) },
  { key: 'rehabOpen', period: 'day', read: s => count(s?.rehab?.open) },
  { key: 'rehabOverdue', period: 'day', read: s => count(s?.rehab?.overdue), tone: s => (s?.rehab?.overdue ? 'bad' : '') },
  { key: 'rehabOnTime', period: 'month', read: s => percent(s?.rehab?.onTimeFirstVisitRate) },
  { key: 'petitionAcceptanceOnTime', period: 'month', read: s => percent(s?.petitions?.acceptanceOnTimeRate) },
  { key: 'petitionReplyOnTime', period: 'month', read: s => percent(s?.petitions?.replyOnTimeRate) },
  { key: 'petitionReviewRate', period: 'month', read: s => `${percent(s?.petitions?.reviewRate)} · ${percent(s?.petitions?.reReviewRate)}` },
  { key: 'petitionReviewOutcomes', period: 'month',
    read: s => t('dash.outcomes', { upheld: count((s?.petitions?.reviewsUpheld ?? 0) + (s?.petitions?.reReviewsUpheld ?? 0)),
      changed: count((s?.petitions?.reviewsChanged ?? 0) + (s?.petitions?.reReviewsChanged ?? 0)) }) },
];

const itemPages = { ticket: 'tickets', legal_aid_case: 'legal-aid-cases', rehab_visit: 'rehab-visits' };

function rateTone(s) {
  const rate = s?.tickets?.onTimeClosureRate;
  if (rate === null || rate === undefined) return '';
  return rate >= (s.target ?? 0.95) ? 'good' : 'bad';
}

export function drawTiles(list, day, month) {
  fill(list, tiles.map(tile => {
    const stats = tile.period === 'day' ? day : month;
    const period = t(tile.period === 'day' ? 'dash.today' : 'dash.month');
    return h('li', { class: `tile ${tile.tone?.(stats) ?? ''}`, id: `tile-${tile.key}` },
      h('span', { class: 'name' }, `${period} · ${t(`dash.tile.${tile.key}`)}`),
      h('span', { class: 'value' }, tile.read(stats)),
      tile.target ? h('span', { class: 'name' }, t('dash.target', { p: percent(stats?.target ?? 0.95) })) : null);
  }));
}

/** The at-risk or overdue items, nearest deadline first, as a table. */
// Cases and visits are titled by their type on the live feed (never by a person's name); tickets by their own title.
const typeGroups = { legal_aid_case: 'caseType', rehab_visit: 'serviceType' };
export const itemTitle = item => (typeGroups[item.itemType] ? word(typeGroups[item.itemType], item.title) : item.title);

export function drawItems(section, title, items) {
  const sorted = [...items.values()].sort((a, b) => String(a.dueAt).localeCompare(String(b.dueAt)));
  fill(section, h('h2', {}, `${title} (${sorted.length})`),
    sorted.length ? h('div', { class: 'table-wrap' }, h('table', {},
      h('caption', { class: 'visually-hidden' }, title),
      h('thead', {}, h('tr', {}, ['number', 'title', 'county', 'unit', 'clock', 'due'].map(c => h('th', { scope: 'col' }, t(`col.${c}`))))),
      h('tbody', {}, sorted.map(item => h('tr', {},
        h('th', { scope: 'row' }, itemLink(item)),
        h('td', {}, itemTitle(item)), h('td', {}, countyNameNow(item.countyCode)), h('td', {}, unitNameNow(item.unitCode)),
        h('td', {}, clockBadge(item.clockState)), h('td', {}, dateTime(item.dueAt)))))))
      : h('p', { class: 'empty' }, t('dash.empty')));
}

export function itemLink(item) {
  const label = `${item.itemType && item.itemType !== 'ticket' ? `${word('itemType', item.itemType)} ` : ''}${item.number}`;
  const page = itemPages[item.itemType ?? 'ticket'];
  return page ? h('a', { href: `#/${page}/${item.id}` }, label) : label;
}

/** Prepends an alert to the feed (a log region: screen readers hear new entries). */
export function addAlert(feed, alert) {
  feed.querySelector('.empty')?.remove();
  feed.prepend(h('li', {},
    h('strong', {}, word('dash.alert', alert.kind)), ' ',
    h('time', { datetime: alert.at }, time(alert.at)), ' ',
    pick(alert.messageZh, alert.messageEn), ' ',
    alert.item ? itemLink(alert.item) : null));
  while (feed.children.length > 50) feed.lastElementChild.remove();
}

export const emptyFeed = feed => fill(feed, h('li', { class: 'empty' }, t('dash.alerts.empty')));
