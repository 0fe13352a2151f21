// 通知发送记录: the outbox of SMS and e-mails, newest first, with status, attempts, the next attempt, the masked recipient
// and the item; administrators see all and retry a message given up (dead); supervisors see their scope's, a unit's head
// the unit's (the server filters). The message texts below the list.
import { api } from '../api.js';
import { announce, fill, h } from '../dom.js';
import { isEnglish, t } from '../i18n.js';
import { dateTime } from '../format.js';
import { pager } from '../parts/pager.js';

const PAGE_SIZE = 20;
const itemPages = { ticket: 'tickets', legal_aid_case: 'legal-aid-cases', rehab_visit: 'rehab-visits' };
const statuses = ['pending', 'sending', 'sent', 'failed', 'dead'];
const channels = ['sms', 'email'];

export async function render(main, { user }) {
  const admin = user.role === 'admin';
  const state = { page: 1 };
  const body = h('div', { id: 'notifications' });
  const templates = h('div', { id: 'notification-templates' });
  const status = choice('notify-status', t('notify.status'), statuses.map(s => [s, t(`notify.state.${s}`)]));
  const channel = choice('notify-channel', t('notify.channel'), channels.map(c => [c, t(`notify.channel.${c}`)]));
  const item = h('input', { id: 'notify-item', type: 'text', maxlength: 64, autocomplete: 'off' });
  const form = h('form', { class: 'toolbar', id: 'notify-filters' },
    status.field, channel.field,
    h('div', { class: 'field' }, h('label', { for: item.id }, t('notify.item')), item),
    h('button', { type: 'submit', class: 'primary', id: 'notify-apply' }, t('notify.apply')));
  form.addEventListener('submit', event => { event.preventDefault(); state.page = 1; load(); });
  main.append(h('h1', {}, t('notify.title')), h('p', { class: 'hint' }, t(admin ? 'notify.intro' : 'notify.introScoped')), form,
    h('div', { class: 'panel' }, body),
    h('h2', {}, t('notify.templates')), h('div', { class: 'panel' }, templates));

  async function load() {
    const q = new URLSearchParams({ page: String(state.page), pageSize: String(PAGE_SIZE) });
    if (status.control.value) q.set('status', status.control.value);
    if (channel.control.value) q.set('channel', channel.control.value);
    if (item.value.trim()) q.set('item', item.value.trim());
    try {
      const found = await api(`/api/notifications?${q}`);
      fill(body, table(found) ?? h('p', { class: 'empty' }, t('notify.empty')), pager('notify', found, next => { state.page = next; load(); }));
      announce(t('notify.caption', { n: found.total }));
    } catch (problem) {
      fill(body, h('p', { class: 'notice failure', role: 'alert' }, problem.text));
    }
  }

  async function retry(message) {
    try {
      await api(`/api/notifications/${message.id}/retry`, { method: 'POST' });
      announce(t('notify.retried', { number: message.itemNumber }));
      await load();
    } catch (problem) {
      announce(problem.text, 'assertive');
    }
  }

  function table(found) {
    if (!found.items.length) return null;
    const headers = ['notify.col.created', 'notify.col.item', 'notify.col.template', 'notify.channel', 'notify.col.recipient',
      'notify.status', 'notify.col.attempts', 'notify.col.next', 'notify.col.error', 'notify.col.action'];
    return h('div', { class: 'table-wrap' }, h('table', {},
      h('caption', {}, t('notify.caption', { n: found.total })),
      h('thead', {}, h('tr', {}, headers.map(key => h('th', { scope: 'col' }, t(key))))),
      h('tbody', {}, found.items.map(m => h('tr', {},
        h('td', {}, dateTime(m.createdAt)),
        h('th', { scope: 'row' }, h('a', { href: `#/${itemPages[m.itemType] ?? 'tickets'}/${m.itemId}` }, m.itemNumber)),
        h('td', { title: [isEnglish() ? m.subjectEn : m.subjectZh, isEnglish() ? m.textEn : m.textZh].filter(Boolean).join('\n') }, m.template),
        h('td', {}, t(`notify.channel.${m.channel}`)),
        h('td', {}, m.recipient),
        h('td', {}, t(`notify.state.${m.status}`)),
        h('td', {}, String(m.attempts)),
        h('td', {}, m.nextAttemptAt ? dateTime(m.nextAttemptAt) : '—'),
        h('td', {}, m.lastError ?? ''),
        h('td', {}, admin && m.status === 'dead'
          ? h('button', { type: 'button', id: `notify-retry-${m.id}`, onclick: () => retry(m) }, t('notify.retry'))
          : ''))))));
  }

  async function loadTemplates() {
    try {
      const all = await api('/api/notifications/templates');
      fill(templates, h('div', { class: 'table-wrap' }, h('table', {},
        h('caption', {}, t('notify.templates')),
        h('thead', {}, h('tr', {}, ['notify.col.template', 'notify.channel', 'notify.col.to', 'notify.col.zh', 'notify.col.en']
          .map(key => h('th', { scope: 'col' }, t(key))))),
        h('tbody', {}, all.map(x => h('tr', {},
          h('th', { scope: 'row' }, x.id), h('td', {}, t(`notify.channel.${x.channel}`)), h('td', {}, x.recipient),
          h('td', { lang: 'zh-CN', class: 'pre-line' }, withSubject(x.subjectZh, x.zh)), h('td', { lang: 'en', class: 'pre-line' }, withSubject(x.subjectEn, x.en))))))));
    } catch (problem) {
      fill(templates, h('p', { class: 'notice failure', role: 'alert' }, problem.text));
    }
  }

  await Promise.all([load(), loadTemplates()]);
}

/** An e-mail's subject in bold above its body; an SMS's text alone. */
function withSubject(subject, text) {
  return subject ? [h('strong', {}, subject), h('br'), text] : text;
}

function choice(id, label, options) {
  const control = h('select', { id }, h('option', { value: '' }, t('search.any')), options.map(([value, text]) => h('option', { value }, text)));
  return { control, field: h('div', { class: 'field' }, h('label', { for: id }, label), control) };
}
