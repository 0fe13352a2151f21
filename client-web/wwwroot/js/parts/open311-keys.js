// Open311 接口密钥: administrators issue a key for a web form or partner site (the key is shown once), see every key by
// its hint and revoke one for good.
import { api } from '../api.js';
import { announce, fill, h } from '../dom.js';
import { t } from '../i18n.js';
import { dateTime } from '../format.js';

export function open311KeysPanel() {
  const panel = h('section', { class: 'panel', id: 'open311-keys', 'aria-labelledby': 'open311-keys-heading' });
  const result = h('div', { id: 'open311-keys-result' });
  const list = h('div', { id: 'open311-keys-list' });
  const name = h('input', { id: 'open311-key-name', type: 'text', maxlength: '100', required: true, autocomplete: 'off' });
  const error = h('p', { id: 'open311-key-error', class: 'field-error', role: 'alert' });
  const form = h('form', { novalidate: true },
    h('div', { class: 'field' }, h('label', { for: name.id }, t('open311.name')), name,
      h('p', { class: 'hint', id: 'open311-key-name-hint' }, t('open311.name.hint'))),
    error,
    h('p', {}, h('button', { type: 'submit', class: 'primary', id: 'open311-key-issue' }, t('open311.issue'))));
  name.setAttribute('aria-describedby', 'open311-key-name-hint');
  form.addEventListener('submit', async event => {
    event.preventDefault();
    error.textContent = '';
    try {
      const issued = await api('/api/admin/open311-keys', { method: 'POST', body: { name: name.value } });
      fill(result, h('div', { class: 'notice success', role: 'status' },
        h('p', {}, t('open311.issued', { name: issued.key.name })),
        h('p', {}, t('open311.key'), ' ', h('code', { id: 'open311-key-value' }, issued.apiKey)),
        h('p', { class: 'hint' }, t('open311.key.once'))));
      form.reset();
      await load();
    } catch (problem) {
      error.textContent = [problem.text, ...(problem.fieldErrors ?? []).map(e => t('open311.fieldError', { zh: e.zh, en: e.en }))].join(' ');
    }
  });
  panel.append(h('h2', { id: 'open311-keys-heading' }, t('open311.title')), h('p', { class: 'hint' }, t('open311.intro')), form, result, list);
  load();
  return panel;

  async function load() {
    let keys;
    try {
      keys = await api('/api/admin/open311-keys');
    } catch (problem) {
      fill(list, h('p', { class: 'notice failure', role: 'alert' }, problem.text));
      return;
    }
    fill(list, h('div', { class: 'table-wrap' }, h('table', { id: 'open311-keys-table' },
      h('caption', {}, t('open311.list.caption', { n: keys.length })),
      h('thead', {}, h('tr', {}, ['open311.name', 'open311.hint', 'open311.created', 'open311.status', 'open311.actions']
        .map(k => h('th', { scope: 'col' }, t(k))))),
      h('tbody', {}, keys.map(k => h('tr', { dataset: { id: k.id } },
        h('th', { scope: 'row' }, k.name), h('td', {}, h('code', {}, k.hint)),
        h('td', {}, `${dateTime(k.createdAt)} · ${k.createdBy}`),
        h('td', {}, k.revoked ? t('open311.revoked', { when: dateTime(k.revokedAt), who: k.revokedBy }) : t('open311.active')),
        h('td', {}, k.revoked ? '—' : h('button', { type: 'button', class: 'open311-revoke', onclick: e => confirmRevoke(e.currentTarget, k) },
          t('open311.revoke')))))))));
  }

  // Revoking stops the site's requests at once and cannot be undone: it asks once more in place.
  function confirmRevoke(button, key) {
    const confirm = h('button', { type: 'button', class: 'danger', id: 'open311-revoke-confirm', onclick: async () => {
      try {
        await api(`/api/admin/open311-keys/${key.id}/revoke`, { method: 'POST' });
        const text = t('open311.revokedNow', { name: key.name });
        fill(result, h('p', { class: 'notice success', role: 'status' }, text));
        announce(text, 'polite');
      } catch (problem) {
        fill(result, h('p', { class: 'notice failure', role: 'alert' }, problem.text));
      }
      await load();
    } }, t('open311.revoke'));
    button.replaceWith(h('span', { class: 'confirm' }, t('open311.revoke.confirm', { name: key.name }), ' ', confirm));
    confirm.focus();
  }
}
