// The single-page shell: who is signed in, role-aware navigation, hash routes, language switch.
import { api } from './api.js';
import { announce, fill, h } from './dom.js';
import { applyStaticText, isEnglish, onLanguageChange, setLanguage, t, word } from './i18n.js';

const everyone = ['operator', 'unit_staff', 'supervisor', 'admin'];
const routes = [
  { path: 'login', view: () => import('./views/login.js'), open: true },
  { path: 'intake', nav: 'nav.intake', roles: ['operator', 'admin'], view: () => import('./views/intake.js') },
  { path: 'queue', nav: 'nav.queue', roles: ['operator', 'admin', 'supervisor'], view: () => import('./views/queue.js') },
  { path: 'worklist', nav: 'nav.worklist', roles: ['unit_staff', 'admin', 'supervisor'], view: () => import('./views/worklist.js') },
  { path: 'dashboard', nav: 'nav.dashboard', roles: everyone, view: () => import('./views/dashboard.js') },
  { path: 'tickets/:id', roles: everyone, view: () => import('./views/ticket.js') },
];
const homes = { operator: 'intake', unit_staff: 'worklist', supervisor: 'dashboard', admin: 'dashboard' };

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
  try { user = await api('/api/auth/me'); } catch { user = null; }
  return user;
}

async function render() {
  const ticket = ++rendering;
  cleanup?.();
  cleanup = null;
  const { path, query } = parseHash();
  if (!user && path !== 'login' && !(await loadUser())) {
    go(`login?next=${encodeURIComponent(path)}`);
    return;
  }
  if (!path) { go(homes[user?.role] ?? 'login'); return; }
  const found = match(path);
  const main = document.getElementById('main');
  drawShell(path);
  if (!found || (found.route.roles && !found.route.roles.includes(user?.role))) {
    fill(main, h('h1', { tabindex: '-1' }, t('app.notFound')));
    return;
  }
  fill(main, h('p', {}, t('app.loading')));
  const view = await found.route.view();
  if (ticket !== rendering) return;
  main.replaceChildren();
  cleanup = (await view.render(main, { user, params: found.params, query, go, onLoggedIn })) ?? null;
  const heading = main.querySelector('h1');
  document.title = `${heading?.textContent ?? ''} · ${t('app.name')}`;
  if (!main.contains(document.activeElement) && heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus();
  }
}

function drawShell(path) {
  const nav = document.getElementById('nav');
  nav.hidden = !user;
  document.getElementById('logout').hidden = !user;
  fill(document.getElementById('who'), user ? t('app.signedInAs', { name: user.displayName || user.email, role: word('role', user.role) }) : '');
  const links = routes.filter(r => r.nav && user && r.roles.includes(user.role)).map(r =>
    h('li', {}, h('a', { href: `#/${r.path}`, 'aria-current': path.split('/')[0] === r.path ? 'page' : null }, t(r.nav))));
  fill(document.getElementById('nav-links'), links);
  const toggle = document.getElementById('lang-toggle');
  toggle.textContent = isEnglish() ? '中文' : 'English';
  toggle.lang = isEnglish() ? 'zh-CN' : 'en';
  toggle.title = t('app.switchLanguage');
}

async function onLoggedIn(next) {
  await loadUser();
  go(next && match(next) ? next : homes[user?.role] ?? '');
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
  window.addEventListener('dispatch:unauthenticated', () => {
    if (!user) return;
    user = null;
    go(`login?next=${encodeURIComponent(parseHash().path)}`);
  });
  render();
}

start();
