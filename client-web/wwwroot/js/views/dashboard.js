// 督办看板: live measures per scope (city -> county -> unit -> item), charts with tables, lists, alerts, big-screen mode.
import { api } from '../api.js';
import { announce, fill, h } from '../dom.js';
import { pick, t } from '../i18n.js';
import { shanghaiDate, time } from '../format.js';
import { cityCode, countyNameNow, loadCounties, loadUnits, supervisesOneCounty, unitNameNow } from '../reference.js';
import { chartFigure, dispose, drawChildren, drawTrend, resize } from '../dashboard/charts.js';
import { connectLive } from '../dashboard/live.js';
import { addAlert, drawItems, drawTiles, emptyFeed } from '../dashboard/panels.js';
import { measuresSection } from '../dashboard/measures.js';
import { drawRanking, unitsOfCounties } from '../dashboard/rankings.js';
import { defaultSeconds, rotationSeconds, startRotation } from '../dashboard/rotation.js';
import { drawBreachRisks, loadAllBreachRisks } from '../parts/breach-risk.js';
import { drawMonthProjection, loadMonthProjection, monthProjectionFigure } from '../parts/month-projection.js';

const trendEvery = 30_000;
const breachRiskEvery = 30_000;
// The projection follows changes within ten seconds; a burst of them costs one request (a city's reads every open ticket due this month).
const projectionAfter = 10_000;
// The page-wide big-screen class belongs to the dashboard that set it: a dashboard superseded while still loading is
// stopped after its successor drew, and must neither take the class away from it nor put it back on another page.
let bigScreenHolder = null;

export function defaultScope(user) {
  if (user.role === 'unit_staff') return `unit:${user.unitCode}`;
  if (user.areaCode && supervisesOneCounty(user)) return `county:${user.areaCode}`;
  return 'city';
}

export async function render(main, { user, query, go }) {
  const [counties, units] = await Promise.all([loadCounties(), loadUnits()]);
  const scope = query.get('scope') || defaultScope(user);
  const state = { day: null, month: null, units: [], atRisk: new Map(), overdue: new Map(), trendAt: 0, breachRisks: null, breachRiskAt: 0 };
  const seesCity = ['admin', 'operator'].includes(user.role) || (user.role === 'supervisor' && user.areaCode === cityCode());
  const rotation = rotationOrder(user, seesCity, counties, units);
  const rotateSeconds = query.get('screen') === 'big' && rotation.length > 1 ? rotationSeconds(query) : null;

  const heading = h('h1', {}, `${t('dash.title')} · ${scopeLabel(scope)}`);
  const status = h('p', { class: 'connection', role: 'status', id: 'live-status' }, t('dash.live.connecting'));
  const updated = h('p', { class: 'hint', id: 'dash-updated' });
  const notice = h('div', { id: 'dash-notice' });
  const tiles = h('ul', { class: 'tiles', id: 'dash-tiles', 'aria-label': t('dash.title') });
  const children = chartFigure('chart-children', t('dash.chart.children', { level: t(scope === 'city' ? 'dash.level.county' : 'dash.level.unit') }));
  const trend = chartFigure('chart-trend', t('dash.chart.trend'));
  const projection = monthProjectionFigure();
  const atRisk = h('section', { class: 'panel', id: 'dash-at-risk' });
  const overdue = h('section', { class: 'panel', id: 'dash-overdue' });
  const breachRisk = h('section', { class: 'panel', id: 'dash-breach-risk' });
  const feed = h('ul', { class: 'feed', id: 'dash-alerts' });
  const bigButton = h('button', { type: 'button', id: 'big-screen', onclick: () => setBigScreen(!document.documentElement.classList.contains('big-screen')) });
  // Rotation is part of the address, so a big screen left rotating comes back rotating after a reload.
  const rotateButton = h('button', { type: 'button', id: 'rotate-scopes', hidden: true, 'aria-pressed': String(rotateSeconds !== null),
    onclick: () => go(`dashboard?${new URLSearchParams({ scope, screen: 'big', ...(rotateSeconds === null ? { rotate: String(defaultSeconds) } : {}) })}`) },
  t(rotateSeconds === null ? 'dash.rotate.start' : 'dash.rotate.stop'));
  const countyRanking = h('section', { class: 'panel ranking-panel', id: 'dash-ranking-counties' });
  const unitRanking = h('section', { class: 'panel ranking-panel', id: 'dash-ranking-units' });
  const measures = measuresSection(scope, counties);
  emptyFeed(feed);

  main.append(heading, breadcrumbs(scope, seesCity, user, units),
    h('div', { class: 'toolbar' }, bigButton, rotateButton,
      scope.startsWith('unit:') && user.role !== 'operator' ? h('a', { class: 'button', href: `#/worklist?unit=${encodeURIComponent(scope.slice(5))}` }, t('dash.worklist')) : null,
      status, updated),
    notice, tiles,
    h('div', { class: 'charts' }, scope.startsWith('unit:') ? null : children.figure, trend.figure, projection.figure),
    scope.startsWith('unit:') ? null : h('div', { class: 'rankings' }, scope === 'city' ? countyRanking : null, unitRanking),
    h('div', { class: 'lists' }, breachRisk, atRisk, overdue,
      h('section', { class: 'panel', 'aria-labelledby': 'alerts-heading' }, h('h2', { id: 'alerts-heading' }, t('dash.alerts')),
        h('div', { role: 'log', 'aria-live': 'polite', 'aria-labelledby': 'alerts-heading' }, feed))),
    // Below the live panels, so the figures a supervisor watches stay at the top of the page.
    measures.section);

  const drawAll = () => {
    drawTiles(tiles, state.day, state.month);
    drawItems(atRisk, t('dash.atRisk'), state.atRisk);
    drawItems(overdue, t('dash.overdue'), state.overdue);
    drawBreachRisks(breachRisk, state.breachRisks);
    if (!scope.startsWith('unit:')) drawChildren(children, state.month?.children, state.month?.target ?? 0.95, next => go(`dashboard?scope=${encodeURIComponent(next)}`));
    drawRankings();
    updated.textContent = t('dash.updated', { time: time(new Date().toISOString()) });
  };
  function drawRankings() {
    if (scope.startsWith('unit:')) return;
    const target = state.month?.target ?? 0.95;
    if (scope === 'city') drawRanking(countyRanking, 'ranking-counties', t('dash.ranking.counties'), state.month?.children, target);
    drawRanking(unitRanking, 'ranking-units', t('dash.ranking.units'), scope === 'city' ? state.units : state.month?.children, target);
  }
  const setItems = (map, items) => { map.clear(); (items ?? []).forEach(item => map.set(item.id, item)); };
  const refreshTrend = async (force) => {
    if (!force && Date.now() - state.trendAt < trendEvery) return;
    state.trendAt = Date.now();
    try { await drawTrend(trend, await api(`/api/stats/trend?${new URLSearchParams({ scope, month: shanghaiDate().slice(0, 7) })}`)); } catch { /* shown by the main load */ }
    // The city's unit ranking reads each county's month (the counties' own figures arrive live with the city's).
    if (scope === 'city') { state.units = await unitsOfCounties(state.month?.children); drawRankings(); }
  };

  // Risks move with time and with every change; re-read them at most every 30 s while changes arrive.
  const refreshBreachRisks = async () => {
    if (Date.now() - state.breachRiskAt < breachRiskEvery) return;
    state.breachRiskAt = Date.now();
    state.breachRisks = await loadAllBreachRisks(scope);
    drawBreachRisks(breachRisk, state.breachRisks);
  };

  let projectionTimer;
  const refreshProjection = () => {
    if (projectionTimer) return;
    projectionTimer = setTimeout(async () => { projectionTimer = undefined; await drawMonthProjection(projection, await loadMonthProjection(scope)); }, projectionAfter);
  };

  const handlers = {
    snapshot: m => { state.day = m.stats; state.month = m.month; setItems(state.atRisk, m.atRisk); setItems(state.overdue, m.overdue); fill(notice); drawAll(); },
    statsChanged: m => { state.day = m.stats; state.month = m.month; drawAll(); refreshTrend(false); refreshBreachRisks(); refreshProjection(); measures.update(m.month); },
    itemChanged: m => { placeItem(state, m.change, m.item); drawAll(); },
    alert: m => { addAlert(feed, m); announce(`${t(`dash.alert.${m.kind}`)}: ${pick(m.messageZh, m.messageEn)}`); },
    status: s => { status.textContent = t(`dash.live.${s}`); },
  };

  await loadRest(scope, state, notice);
  state.breachRisks = await loadAllBreachRisks(scope);
  state.breachRiskAt = Date.now();
  if (query.get('screen') === 'big') setBigScreen(true);
  else { bigButton.textContent = t('dash.bigScreen'); bigButton.setAttribute('aria-pressed', 'false'); drawAll(); refreshTrend(true); }
  await drawMonthProjection(projection, await loadMonthProjection(scope));
  await measures.load();
  const live = await connectLive(scope, handlers).catch(() => { handlers.status('disconnected'); return null; });
  const stopRotation = rotateSeconds === null ? null : startRotation(rotation, scope, rotateSeconds, go);
  const onResize = () => resize(children, trend, projection, measures.breakdown);
  window.addEventListener('resize', onResize);
  const onFullscreen = () => { if (!document.fullscreenElement) setBigScreen(false, true); };
  document.addEventListener('fullscreenchange', onFullscreen);

  function setBigScreen(on, fromBrowser = false) {
    if (!main.isConnected) return;
    if (!on && rotateSeconds !== null) { go(`dashboard?${new URLSearchParams({ scope })}`); return; }
    bigScreenHolder = on ? main : null;
    document.documentElement.classList.toggle('big-screen', on);
    rotateButton.hidden = !on || rotation.length < 2;
    bigButton.textContent = t(on ? 'dash.exitBigScreen' : 'dash.bigScreen');
    bigButton.setAttribute('aria-pressed', String(on));
    if (on && !document.fullscreenElement) document.documentElement.requestFullscreen?.().catch(() => {});
    if (!on && !fromBrowser && document.fullscreenElement) document.exitFullscreen?.().catch(() => {});
    drawAll();
    refreshTrend(true);
    setTimeout(() => resize(children, trend, projection, measures.breakdown), 50);
  }

  return () => {
    clearTimeout(projectionTimer);
    stopRotation?.();
    live?.stop();
    window.removeEventListener('resize', onResize);
    document.removeEventListener('fullscreenchange', onFullscreen);
    if (bigScreenHolder === main) {
      bigScreenHolder = null;
      document.documentElement.classList.remove('big-screen');
    }
    dispose(children, trend, projection, measures.breakdown);
  };
}

async function loadRest(scope, state, notice) {
  const q = new URLSearchParams({ scope });
  const [day, month, risky, late] = await Promise.allSettled([
    api(`/api/stats?${q}&period=day`), api(`/api/stats?${q}&period=month`), api(`/api/stats/at-risk?${q}`), api(`/api/stats/overdue?${q}`)]);
  if (day.status === 'fulfilled') state.day = day.value;
  if (month.status === 'fulfilled') state.month = month.value;
  if (risky.status === 'fulfilled') risky.value.forEach(i => state.atRisk.set(i.id, i));
  if (late.status === 'fulfilled') late.value.forEach(i => state.overdue.set(i.id, i));
  const failed = [day, month, risky, late].find(r => r.status === 'rejected');
  if (failed) fill(notice, h('p', { class: 'notice failure', role: 'alert' }, t('dash.unavailable', { message: failed.reason?.text ?? String(failed.reason) })));
}

/** Moves an item between the at-risk and overdue lists as its clock changes. */
function placeItem(state, change, item) {
  state.atRisk.delete(item.id);
  state.overdue.delete(item.id);
  if (['cleared', 'resolved', 'closed'].includes(change)) return;
  if (change === 'overdue' || item.clockState === 'overdue') state.overdue.set(item.id, item);
  else if (change === 'atRisk' || item.clockState === 'warning') state.atRisk.set(item.id, item);
}

/** The scopes a big screen rotates through: from the user's top scope down one level (the city and its counties, or a county and its units). */
function rotationOrder(user, seesCity, counties, units) {
  if (seesCity) return ['city', ...counties.filter(c => c.code !== cityCode()).map(c => `county:${c.code}`), `county:${cityCode()}`];
  if (user.role === 'supervisor' && user.areaCode) return [`county:${user.areaCode}`, ...units.filter(u => u.countyCode === user.areaCode).map(u => `unit:${u.code}`)];
  return [];
}

function scopeLabel(scope) {
  if (scope === 'city') return t('dash.city');
  if (scope.startsWith('county:')) return countyNameNow(scope.slice(7));
  return unitNameNow(scope.slice(5));
}

function breadcrumbs(scope, seesCity, user, units) {
  const crumbs = [];
  if (seesCity) crumbs.push(['city', t('dash.city')]);
  const county = scope.startsWith('county:') ? scope.slice(7) : units.find(u => `unit:${u.code}` === scope)?.countyCode;
  if (county && user.role !== 'unit_staff') crumbs.push([`county:${county}`, countyNameNow(county)]);
  if (scope.startsWith('unit:')) crumbs.push([scope, unitNameNow(scope.slice(5))]);
  return h('nav', { class: 'breadcrumbs', 'aria-label': t('dash.path') },
    h('ol', {}, crumbs.map(([s, name]) => h('li', {}, s === scope
      ? h('span', { 'aria-current': 'page' }, name)
      : h('a', { href: `#/dashboard?scope=${encodeURIComponent(s)}` }, name)))));
}
