// Times in Asia/Shanghai, rates as percentages, and the clock state in colour and words.
import { h } from './dom.js';
import { isEnglish, t, word } from './i18n.js';

const zone = 'Asia/Shanghai';

export function dateTime(iso) {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(isEnglish() ? 'en-GB' : 'zh-CN', {
    timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false,
  }).format(new Date(iso));
}

export function time(iso) {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(isEnglish() ? 'en-GB' : 'zh-CN', { timeZone: zone, hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false })
    .format(new Date(iso));
}

export function shortDate(iso) {
  return new Intl.DateTimeFormat(isEnglish() ? 'en-GB' : 'zh-CN', { timeZone: zone, month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

/** Today (or the month) in Shanghai as yyyy-MM-dd / yyyy-MM. */
export function shanghaiDate(date = new Date()) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

export const percent = rate => (rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`);

export const count = n => (n === null || n === undefined ? '—' : Number(n).toLocaleString(isEnglish() ? 'en' : 'zh-CN'));

/** A clock badge: the colour carries meaning only together with its word. */
export function clockBadge(state, suspended = false) {
  const shown = suspended ? 'paused' : state || 'none';
  return h('span', { class: `clock clock-${shown}` }, word('clock', shown));
}

/** The deadline a list row runs against: sign-for while dispatched, handling once signed, callback once resolved. */
export function currentDue(summary) {
  if (summary.status === 'dispatched') return summary.signDueAt;
  if (summary.status === 'resolved') return summary.callbackDueAt;
  return summary.handlingDueAt ?? summary.dueAt;
}
