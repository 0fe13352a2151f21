// The single-page shell: who is signed in, role-aware navigation, hash routes, language switch.
import { api } from './api.js';
import { announce, fill, h } from './dom.js';
import { applyStaticText, isEnglish, onLanguageChange, setLanguage, t, word } from './i18n.js';
import { calendarWarnings, loadUnits, loadVocabulary } from './reference.js';

const everyone = ['operator', 'unit_staff', 'supervisor', 'admin'];
const routes = [
  { path: 'login', view: () => import('./views/login.js'), open: true },
  { path: 'intake', nav: 'nav.intake', roles: ['operator', 'admin'], view: () => import('./views/intake.js') },
  { path: 'queue', nav: 'nav.queue', roles: ['operator', 'admin', 'supervisor'], view: () => import('./views/queue.js') },
  { path: 'callbacks', nav: 'nav.callbacks', roles: ['operator', 'admin', 'supervisor'], view: () => import('./views/callbacks.js') },
  { path: 'search', nav: 'nav.search', roles: everyone, view: () => import('./views/search.js') },
  { path: 'worklist', nav: 'nav.worklist', roles: ['unit_staff', 'admin', 'supervisor'], view: () => import('./views/worklist.js') },
  { path: 'legal-aid-worklist', nav: 'nav.legalAid', roles: ['unit_staff', 'admin', 'supervisor'], kinds: ['legal_aid'], view: () => import('./views/legal-aid-worklist.js') },
  { path: 'legal-aid-cases/new', nav: 'nav.legalAidNew', roles: ['operator', 'unit_staff', 'admin'], kinds: ['legal_aid'], view: () => import('./views/legal-aid-new.js') },
  { path: 'legal-aid-search', nav: 'nav.legalAidSearch', roles: everyone, kinds: ['legal_aid'], view: () => import('./views/legal-aid-search.js') },
  { path: 'legal-aid-roster', nav: 'nav.laRoster', roles: ['unit_staff', 'admin', 'supervisor'], kinds: ['legal_aid'], view: () => import('./views/legal-aid-roster.js') },
  { path: 'rehab-worklist', nav: 'nav.rehab', roles: ['unit_staff', 'admin', 'supervisor'], kinds: ['rehab'], view: () => import('./views/rehab-worklist.js') },
  { path: 'rehab-calendar', nav: 'nav.calendar', roles: ['unit_staff', 'admin', 'supervisor'], kinds: ['rehab'], view: () => import('./views/rehab-calendar.js') },
  { path: 'rehab-workers', nav: 'nav.roster', roles: ['unit_staff', 'admin', 'supervisor'], kinds: ['rehab'], view: () => import('./views/rehab-workers.js') },
  { path: 'rehab-plans/new', nav: 'nav.newPlan', roles: ['operator', 'unit_staff', 'admin'], kinds: ['rehab'], view: () => import('./views/rehab-plan-new.js') },
  { path: 'dashboard', nav: 'nav.dashboard', roles: everyone, view: () => import('./views/dashboard.js') },
  { path: 'supervision-orders', nav: 'nav.orders', roles: ['supervisor', 'admin'], view: () => import('./views/supervision-orders.js') },
  { path: 'clock-gaming', nav: 'nav.clockGaming', roles: ['supervisor', 'admin'], view: () => import('./views/clock-gaming.js') },
  { path: 'reports', nav: 'nav.reports', roles: everyone, view: () => import('./views/reports.js') },
  { path: 'admin/calendar', nav: 'nav.workCalendar', roles: ['admin', 'supervisor'], view: () => import('./views/admin-calendar.js') },
  { path: 'admin/rules', nav: 'nav.slaRules', roles: ['admin', 'supervisor'], view: () => import('./views/admin-rules.js') },
  { path: 'admin/units', nav: 'nav.adminUnits', roles: ['admin', 'supervisor'], view: () => import('./views/admin-units.js') },
  { path: 'admin/towns', nav: 'nav.adminTowns', roles: ['admin', 'supervisor'], view: () => import('./views/admin-towns.js') },
  { path: 'admin/routing', nav: 'nav.adminRouting', roles: ['admin', 'supervisor'], view: () => import('./views/admin-routing.js') },
  { path: 'admin/users', nav: 'nav.users', roles: ['admin'], view: () => import('./views/admin-users.js') },
  { path: 'notifications', nav: 'nav.notifications', roles: ['admin', 'supervisor', 'unit_staff'], heads: true, view: () => import('./views/notifications.js') },
  { path: 'account', nav: 'nav.account', roles: everyone, view: () => import('./views/account.js') },
  { path: 'tickets/:id', roles: everyone, view: () => import('./views/ticket.js') },
  { path: 'tickets/:id/slip', roles: everyone, view: () => import('./views/ticket-slip.js') },
  { path: 'legal-aid-cases/:id', roles: everyone, view: () => import('./views/legal-aid-case.js') },
  { path: 'rehab-visits/:id', roles: everyone, view: () => import('./views/rehab-visit.js') },
  { path: 'rehab-plans/:id', roles: everyone, view: () => import('./views/rehab-plan.js') },
];
const homes = { operator: 'intake', unit_staff: 'worklist', supervisor: 'dashboard', admin: 'dashboard' };
const unitHomes = { legal_aid: 'legal-aid-worklist', rehab: 'rehab-worklist' };

/** Whether this user may open the route: by role, and for unit staff by the kind of their unit (and, where the route says, by heading it). */
const allowed = (route, who) => Boolean(who) && route.roles.includes(who.role)
  && (!route.kinds || who.role !== 'unit_staff' || route.kinds.includes(who.unitKind))
  && (!route.heads || who.role !== 'unit_staff' || Boolean(who.unitHead));
const homeOf = who => (who?.role === 'unit_staff' ? unitHomes[who.unitKind] : null) ?? homes[who?.role];

let user = null;
let cleanup = null;
let rendering = 0;

export const go = path => { location.hash = `#/${path}`; };
export const currentUser = () => user;

function parseHash() {
  const [path, search] = location.hash.replace(/^#\/?/, '').split('?');
  return { path: path || '', query: new URLSearchParams(search ?? '') };
}

function match(path) {
  for (const route of routes) {
    const names = route.path.split('/');
    const parts = path.split('/');
    if (names.length !== parts.length) continue;
    const params = {};
    if (names.every((name, i) => (name.startsWith(':') ? (params[name.slice(1)] = decodeURIComponent(parts[i])) : name === parts[i]))) {
      return { route, params };
    }
  }
  return null;
}

async function loadUser() {
  // The session probe answers 200 signed in or not: a signed-out start page logs no failed request.
  try { user = (await api('/api/auth/session')).user ?? null; } catch { user = null; }
  if (user) await loadVocabulary().catch(() => null);
  if (user?.unitCode) {
    const units = await loadUnits().catch(() => []);
    user.unitKind = units.find(u => u.code === user.unitCode)?.kind ?? null;
  }
  if (user) user.calendarWarnings = ['supervisor', 'admin'].includes(user.role) ? await calendarWarnings().catch(() => []) : [];
  return user;
}

async function render() {
  const ticket = ++rendering;
  const focusedAtStart = document.activeElement;
  cleanup?.();
  cleanup = null;
  const { path, query } = parseHash();
  if (!user && path !== 'login' && !(await loadUser())) {
    go(`login?next=${encodeURIComponent(path)}`);
    return;
  }
  if (!path) { go(homeOf(user) ?? 'login'); return; }
  // A temporary password is changed, and a required second factor set up, before anything else.
  if (user?.mustChangePassword && path !== 'login') { go('login?change=1'); return; }
  if (user?.twoFactorEnrolmentRequired && !user.mustChangePassword && path !== 'account') { go('account'); return; }
  const found = match(path);
  const main = document.getElementById('main');
  drawShell(path);
  if (!found || (found.route.roles && !allowed(found.route, user))) {
    fill(main, h('h1', { tabindex: '-1' }, t('app.notFound')));
    return;
  }
  fill(main, h('p', {}, t('app.loading')));
  const view = await found.route.view();
  if (ticket !== rendering) return;
  // Each render draws into a host of its own: a view still loading when the user moves on finishes into its detached
  // host, never over the page that replaced it, and what it started (a live connection, a timer) is stopped at once.
  const host = h('div', { class: 'view' });
  main.replaceChildren(host);
  const stop = (await view.render(host, { user, params: found.params, query, go, onLoggedIn })) ?? null;
  if (ticket !== rendering) {
    stop?.();
    return;
  }
  cleanup = stop;
  const heading = main.querySelector('h1');
  document.title = `${heading?.textContent ?? ''} · ${t('app.name')}`;
  // The new page's heading takes the focus, unless the user has already put it somewhere else while the page loaded
  // (e.g. tabbed to a menu link): that is never taken away.
  const focused = document.activeElement;
  const userMovedOn = focused && focused !== focusedAtStart && focused !== document.body && !main.contains(focused);
  if (!main.contains(focused) && heading && !userMovedOn) {
    heading.setAttribute('tabindex', '-1');
    heading.focus();
  }
}

function drawShell(path) {
  const nav = document.getElementById('nav');
  nav.hidden = !user;
  document.getElementById('logout').hidden = !user;
  fill(document.getElementById('who'), user ? t('app.signedInAs', { name: user.displayName || user.email, role: word('role', user.role) }) : '');
  const links = routes.filter(r => r.nav && allowed(r, user)).map(r =>
    h('li', {}, h('a', { href: `#/${r.path}`, 'aria-current': `${path}/`.startsWith(`${r.path}/`) ? 'page' : null }, t(r.nav))));
  fill(document.getElementById('nav-links'), links);
  drawCalendarBanner();
  const toggle = document.getElementById('lang-toggle');
  toggle.textContent = isEnglish() ? '中文' : 'English';
  toggle.lang = isEnglish() ? 'zh-CN' : 'en';
  toggle.title = t('app.switchLanguage');
}

/** Supervisors and administrators see when the coming 90 days reach a year without a published holiday notice. */
function drawCalendarBanner() {
  const banner = document.getElementById('calendar-banner');
  const warnings = user?.calendarWarnings ?? [];
  banner.hidden = warnings.length === 0;
  fill(banner, warnings.map(w => h('p', {}, t(`banner.calendar.${w.status}`, { year: w.year }))));
}

async function onLoggedIn(next) {
  await loadUser();
  go(next && match(next) ? next : homeOf(user) ?? '');
}

async function logout() {
  await api('/api/auth/logout', { method: 'POST' }).catch(() => {});
  user = null;
  go('login');
}

function start() {
  applyStaticText();
  document.querySelector('.skip-link').addEventListener('click', event => {
    event.preventDefault();
    document.getElementById('main').focus();
  });
  document.getElementById('lang-toggle').addEventListener('click', () => setLanguage(isEnglish() ? 'zh-CN' : 'en'));
  document.getElementById('logout').addEventListener('click', logout);
  onLanguageChange(() => { render(); announce(t('app.name')); });
  window.addEventListener('hashchange', render);
  window.addEventListener('dispatch:calendar-changed', async () => {
    if (!user) return;
    user.calendarWarnings = await calendarWarnings().catch(() => user.calendarWarnings);
    drawCalendarBanner();
  });
  window.addEventListener('dispatch:unauthenticated', () => {
    if (!user) return;
    user = null;
    go(`login?next=${encodeURIComponent(parseHash().path)}`);
  });
  render();
}

start();
