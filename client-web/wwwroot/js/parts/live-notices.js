// 实时通知: what happens to a unit's work while its worklist is open — a new item, dispatch or transfer to the unit, a warning,
// an overdue clock, a supervision order and its escalation, an operator's reminder (催办) — pushed over the supervision hub (scope unit:<code>). The list reloads itself,
// a badge counts the notices not yet acknowledged, the newest are listed, and a live region announces each.
import { announce, fill, h } from '../dom.js';
import { pick, t, word } from '../i18n.js';
import { time } from '../format.js';
import { connectLive } from '../dashboard/live.js';

const noticeChanges = ['registered', 'dispatched', 'atRisk', 'overdue', 'reopened'];
// Cases and visits are titled by their type on the live feed (never by a person's name); tickets by their own title.
const typeGroups = { legal_aid_case: 'caseType', rehab_visit: 'serviceType' };
const titleOf = item => (typeGroups[item.itemType] ? word(typeGroups[item.itemType], item.title) : item.title ?? '');
const kept = 5;

/**
 * Watches one unit. onChange() runs (at most once per half second) when the unit's list may have changed; onAny(), when
 * given, on every statsChanged or itemChanged of the unit (the caller debounces). Returns
 * { element, stop }: the element holds the status line, the badge, the acknowledge button and the newest notices.
 */
export async function watchUnit(unitCode, onChange, onAny) {
  const notices = [];
  let unread = 0;
  let pending;
  const status = h('span', { class: 'connection', id: 'notices-status' }, t('dash.live.connecting'));
  const badge = h('span', { class: 'badge notice-count', id: 'notices-badge', hidden: true });
  const acknowledge = h('button', { type: 'button', id: 'notices-read', hidden: true, onclick: () => { unread = 0; draw(); } }, t('notices.read'));
  const list = h('ol', { class: 'notices', id: 'notices-list', 'aria-label': t('notices.title') });
  const element = h('section', { class: 'panel live-notices', 'aria-labelledby': 'notices-heading' },
    h('h2', { id: 'notices-heading' }, t('notices.title'), ' ', badge), h('p', {}, status, ' ', acknowledge), list);

  function draw() {
    badge.hidden = unread === 0;
    badge.textContent = t('notices.unread', { n: unread });
    acknowledge.hidden = unread === 0;
    fill(list, notices.length ? notices.map(n => h('li', { class: n.urgent ? 'urgent' : null }, h('time', {}, time(n.at)), ' ', n.text))
      : h('li', { class: 'empty' }, t('notices.none')));
  }

  function notice(text, at, urgent) {
    notices.unshift({ text, at: at ?? new Date().toISOString(), urgent });
    notices.splice(kept);
    unread += 1;
    draw();
    announce(text, urgent ? 'alert' : 'polite');
    clearTimeout(pending);
    pending = setTimeout(onChange, 500);
  }

  draw();
  const live = await connectLive(`unit:${unitCode}`, {
    snapshot: () => {},
    statsChanged: () => onAny?.(),
    itemChanged: m => {
      onAny?.();
      if (!noticeChanges.includes(m.change) || m.item?.unitCode !== unitCode) return;
      notice(t(`notices.${m.change}`, { number: m.item.number, title: titleOf(m.item) }), m.at, m.change === 'overdue');
    },
    alert: m => {
      if (m.kind === 'reminder') {
        notice(t('notices.reminder', { number: m.item?.number ?? '', message: pick(m.messageZh, m.messageEn) }), m.at, false);
        return;
      }
      if (m.kind !== 'supervision') return;
      notice(t('notices.supervision', { number: m.item?.number ?? '', message: pick(m.messageZh, m.messageEn) }), m.at, true);
    },
    status: s => { status.textContent = t(`dash.live.${s}`); },
  }).catch(() => { status.textContent = t('dash.live.disconnected'); return null; });
  return { element, stop: () => { clearTimeout(pending); live?.stop(); } };
}

/**
 * The notices panel of a worklist page inside container: watch(unitCode) follows the unit on screen
 * (a new watch when the page's unit picker changes unit), stop() ends it when the page goes; onAny as for watchUnit.
 */
export function noticesPanel(container, onChange, onAny) {
  let watching = null;
  let unitOnScreen = null;
  return {
    async watch(unitCode) {
      watching?.stop();
      watching = null;
      unitOnScreen = unitCode;
      fill(container);
      if (!unitCode) return;
      const watcher = await watchUnit(unitCode, onChange, onAny);
      if (unitCode !== unitOnScreen) { watcher.stop(); return; }
      watching = watcher;
      fill(container, watcher.element);
    },
    stop: () => watching?.stop(),
  };
}
