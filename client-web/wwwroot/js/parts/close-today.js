// 今日必办: a unit's open tickets due today and this week, ranked by their effect on the month's on-time closure rate, with
// how many must close, the month's rate if all or none do, and the month-end projection (GET /api/stats/close-today and
// /api/stats/month-projection; the rules are CloseTodayRules and MonthProjectionRules in grains/Stats). The panel re-reads
// both when the live feed says the unit's tickets or figures changed, at most once a second.
import { api } from '../api.js';
import { fill, h } from '../dom.js';
import { t, word } from '../i18n.js';
import { count, dateTime, percent } from '../format.js';

const refetchAfter = 1000;

/** Chance of closing on time, in words with its basis. */
function chanceText(item) {
  if (item.basis === 'past') return t('close.basis.past');
  return `${percent(item.chance)} · ${item.basis ? t(`risk.basis.${item.basis}`) : t('risk.noHistory')}`;
}

function mustText(item) {
  if (item.mustToday) return h('strong', { class: 'clock clock-overdue' }, t('close.must.today'));
  if (item.mustThisWeek) return h('span', { class: 'clock clock-warning' }, t('close.must.week'));
  return item.inThisMonth ? t('close.must.no') : t('close.nextMonth');
}

/** What the figures mean, one click away. */
export function closeTodayDefinition(id, target, minimumHistory) {
  return h('details', { class: 'definition', id },
    h('summary', { id: `${id}-name` }, t('close.defName')),
    h('p', {}, t('close.def', { p: percent(target ?? 0.95) })),
    h('p', {}, t('close.rankDef')),
    h('p', {}, t('close.projectionDef', { n: minimumHistory ?? 20, p: percent(target ?? 0.95) })));
}

/** The projection of one row in a sentence. */
export function projectionText(row) {
  if (!row || row.expected === null || row.expected === undefined) return t('close.projection.none');
  return t('close.projection.text', {
    expected: percent(row.expected), low: percent(row.low), high: percent(row.high), likelihood: percent(row.likelihood), n: count(row.openDue),
  });
}

function table(list) {
  if (!list.items.length) return h('p', { class: 'empty', id: 'close-today-empty' }, t('close.empty'));
  const caption = t('close.caption', { n: list.items.length });
  return h('div', { class: 'table-wrap' }, h('table', { id: 'close-today-table' },
    h('caption', { class: 'visually-hidden' }, caption),
    h('thead', {}, h('tr', {}, ['rank', 'number', 'kind', 'topic', 'due', 'effect', 'chance', 'must']
      .map(c => h('th', { scope: 'col', class: ['rank', 'effect'].includes(c) ? 'num' : null }, t(`close.col.${c}`))))),
    h('tbody', {}, list.items.map(item => h('tr', { class: item.mustToday ? 'urgent' : null },
      h('td', { class: 'num' }, String(item.rank)),
      h('th', { scope: 'row' }, h('a', { href: `#/tickets/${item.id}` }, item.number)),
      h('td', {}, word('kind', item.kind)), h('td', {}, word('topic', item.topic)),
      h('td', {}, dateTime(item.dueAt), item.suspended ? [' ', h('span', { class: 'hint' }, t('close.suspended'))] : null),
      h('td', { class: 'num' }, item.effect ? `−${(item.effect * 100).toFixed(2)}` : '0'),
      h('td', {}, chanceText(item)), h('td', {}, mustText(item)))))));
}

function summary(list, projection) {
  return [
    h('p', { id: 'close-today-count', role: 'status' }, t('close.today', { due: count(list.dueToday), must: count(list.mustCloseToday) })),
    h('p', { id: 'close-today-week' }, t('close.week', { due: count(list.dueThisWeek), must: count(list.mustCloseThisWeek) })),
    h('p', { id: 'close-today-month' }, t('close.month', {
      onTime: count(list.onTimeSoFar), counted: count(list.countedSoFar),
      rate: percent(list.countedSoFar ? list.onTimeSoFar / list.countedSoFar : null),
    })),
    h('p', { id: 'close-today-rates' }, t('close.rates', {
      all: percent(list.rateIfAllToday), none: percent(list.rateIfNoneToday), weekAll: percent(list.rateIfAllThisWeek), weekNone: percent(list.rateIfNoneThisWeek),
    })),
    h('p', { id: 'close-today-projection' }, projectionText(projection?.rows?.[0])),
  ];
}

/**
 * The panel inside section for one unit: show(unitCode) reads and draws it, changed() asks for a re-read (at most one
 * a second, however many live messages arrive), stop() ends pending re-reads.
 */
export function closeTodayPanel(section) {
  let unitCode = null;
  let timer;
  let generation = 0;
  async function show(code) {
    unitCode = code;
    clearTimeout(timer);
    timer = undefined;
    const mine = ++generation;
    section.hidden = !code;
    if (!code) { fill(section); return; }
    const scope = `unit:${code}`;
    try {
      const [list, projection] = await Promise.all([
        api(`/api/stats/close-today?${new URLSearchParams({ scope })}`),
        api(`/api/stats/month-projection?${new URLSearchParams({ scope })}`).catch(() => null)]);
      if (mine !== generation) return;
      fill(section, h('h2', { id: 'close-today-heading' }, t('close.title', { n: list.mustCloseToday })),
        summary(list, projection), closeTodayDefinition('definition-close-today', list.target, projection?.minimumHistory), table(list));
    } catch (problem) {
      if (mine !== generation) return;
      fill(section, h('h2', { id: 'close-today-heading' }, t('close.titlePlain')), h('p', { class: 'notice failure' }, problem.text ?? String(problem)));
    }
  }
  return {
    show,
    changed() { if (!timer) timer = setTimeout(() => { timer = undefined; show(unitCode); }, refetchAfter); },
    stop() { clearTimeout(timer); timer = undefined; generation += 1; },
  };
}
