// 用户管理: administrators find accounts, create them (the temporary password is shown once), disable and re-enable,
// change role and scope, reset a password or a lost second factor, and read an account's change history; below, the
// Open311 API keys of the online channel.
import { api } from '../api.js';
import { announce, fill, h } from '../dom.js';
import { isEnglish, t, word } from '../i18n.js';
import { dateTime } from '../format.js';
import { cityCode, countyNameNow, loadCounties, loadUnits, unitNameNow } from '../reference.js';
import { open311KeysPanel } from '../parts/open311-keys.js';

const roles = ['operator', 'unit_staff', 'supervisor', 'admin'];

export async function render(main) {
  const [counties, units] = await Promise.all([loadCounties().catch(() => []), loadUnits().catch(() => [])]);
  const areas = [{ code: cityCode() ?? '330400', label: t('users.city') }, ...counties.map(c => ({ code: c.code, label: countyNameNow(c.code) }))];
  const notice = h('div', { id: 'users-notice' });
  const listPanel = h('section', { class: 'panel', 'aria-labelledby': 'users-list-heading' });
  const detail = h('section', { class: 'panel', id: 'users-detail', hidden: true, 'aria-labelledby': 'users-detail-heading' });
  const filters = { q: '', role: '', area: '', disabled: '' };
  const say = (text, kind) => {
    fill(notice, h('p', { class: `notice ${kind}`, role: kind === 'failure' ? 'alert' : 'status' }, text));
    announce(text, kind === 'failure' ? 'alert' : 'polite');
  };
  const scopeText = u => (u.role === 'supervisor' ? areas.find(a => a.code === u.areaCode)?.label ?? u.areaCode
    : u.role === 'unit_staff' ? `${unitNameNow(u.unitCode)}${u.unitHead ? ` (${t('users.unitHead')})` : ''}` : '—');
  const statusText = u => [u.disabled ? t('users.status.disabled') : t('users.status.enabled'),
    u.mustChangePassword ? t('users.status.mustChange') : null, u.twoFactorEnabled ? t('users.status.twoFactor') : null].filter(Boolean).join(' · ');

  main.append(h('h1', {}, t('users.title')), h('p', { class: 'hint' }, t('users.intro')), notice,
    createPanel(), listPanel, detail, open311KeysPanel());
  await loadList();

  function select(id, options, value = '') {
    return h('select', { id }, options.map(([v, label]) => h('option', { value: v, selected: v === value }, label)));
  }

  /** Role, area and unit fields that show only what the chosen role takes. */
  function scopeFields(prefix, current = {}) {
    const role = select(`${prefix}-role`, roles.map(r => [r, word('role', r)]), current.role ?? 'operator');
    const area = select(`${prefix}-area`, [['', '—'], ...areas.map(a => [a.code, a.label])], current.areaCode ?? '');
    const unit = select(`${prefix}-unit`, [['', '—'], ...units.map(u => [u.code, unitNameNow(u.code)])], current.unitCode ?? '');
    const head = h('input', { type: 'checkbox', id: `${prefix}-head`, checked: Boolean(current.unitHead) });
    const areaField = h('div', { class: 'field' }, h('label', { for: area.id }, t('users.area')), area);
    const unitField = h('div', { class: 'field' }, h('label', { for: unit.id }, t('users.unit')), unit,
      h('label', { for: head.id }, head, ' ', t('users.unitHead')));
    const sync = () => { areaField.hidden = role.value !== 'supervisor'; unitField.hidden = role.value !== 'unit_staff'; };
    role.addEventListener('change', sync);
    sync();
    return {
      el: [h('div', { class: 'field' }, h('label', { for: role.id }, t('users.role')), role), areaField, unitField],
      value: () => ({
        role: role.value,
        areaCode: role.value === 'supervisor' ? area.value || null : null,
        unitCode: role.value === 'unit_staff' ? unit.value || null : null,
        unitHead: role.value === 'unit_staff' && head.checked,
      }),
    };
  }

  function fieldErrorsText(problem) {
    return [problem.text, ...(problem.fieldErrors ?? []).map(e => (isEnglish() ? e.en : e.zh))].join(' ');
  }

  function createPanel() {
    const email = h('input', { id: 'users-new-email', type: 'email', autocomplete: 'off', required: true });
    const name = h('input', { id: 'users-new-name', type: 'text', maxlength: '100', required: true });
    const scope = scopeFields('users-new');
    const error = h('p', { id: 'users-new-error', class: 'field-error', role: 'alert' });
    const result = h('div', { id: 'users-new-result' });
    const form = h('form', { novalidate: true },
      h('div', { class: 'field' }, h('label', { for: email.id }, t('users.email')), email),
      h('div', { class: 'field' }, h('label', { for: name.id }, t('users.name')), name),
      scope.el, error,
      h('p', {}, h('button', { type: 'submit', class: 'primary', id: 'users-new-submit' }, t('users.create'))));
    form.addEventListener('submit', async event => {
      event.preventDefault();
      error.textContent = '';
      try {
        const created = await api('/api/admin/users', { method: 'POST', body: { email: email.value, displayName: name.value, ...scope.value() } });
        fill(result, temporaryPassword(created, 'users.created'));
        form.reset();
        await loadList();
      } catch (problem) {
        error.textContent = fieldErrorsText(problem);
      }
    });
    return h('section', { class: 'panel', 'aria-labelledby': 'users-new-heading' },
      h('h2', { id: 'users-new-heading' }, t('users.new')), form, result);
  }

  function temporaryPassword(issued, key) {
    return h('div', { class: 'notice success', role: 'status' },
      h('p', {}, t(key, { email: issued.user.email })),
      h('p', {}, t('users.temporaryPassword'), ' ', h('code', { id: 'users-temp-password' }, issued.temporaryPassword)),
      h('p', { class: 'hint' }, t('users.temporaryPassword.once')));
  }

  async function loadList() {
    const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v !== ''));
    query.set('pageSize', '100');
    let page;
    try {
      page = await api(`/api/admin/users?${query}`);
    } catch (problem) {
      say(problem.text, 'failure');
      return;
    }
    const q = h('input', { id: 'users-q', type: 'search', value: filters.q, maxlength: '100' });
    const role = select('users-filter-role', [['', t('users.all')], ...roles.map(r => [r, word('role', r)])], filters.role);
    const area = select('users-filter-area', [['', t('users.all')], ...areas.map(a => [a.code, a.label])], filters.area);
    const disabled = select('users-filter-disabled', [['', t('users.all')], ['false', t('users.status.enabled')], ['true', t('users.status.disabled')]], filters.disabled);
    const search = h('form', { class: 'toolbar', role: 'search', novalidate: true },
      h('div', { class: 'field' }, h('label', { for: q.id }, t('users.search')), q),
      h('div', { class: 'field' }, h('label', { for: role.id }, t('users.role')), role),
      h('div', { class: 'field' }, h('label', { for: area.id }, t('users.area')), area),
      h('div', { class: 'field' }, h('label', { for: disabled.id }, t('users.status')), disabled),
      h('button', { type: 'submit', id: 'users-search' }, t('users.find')));
    search.addEventListener('submit', async event => {
      event.preventDefault();
      Object.assign(filters, { q: q.value.trim(), role: role.value, area: area.value, disabled: disabled.value });
      await loadList();
    });
    fill(listPanel, h('h2', { id: 'users-list-heading' }, t('users.list', { n: page.total })), search,
      h('div', { class: 'table-wrap' }, h('table', { id: 'users-table' },
        h('caption', {}, t('users.list.caption')),
        h('thead', {}, h('tr', {}, ['users.email', 'users.name', 'users.role', 'users.scope', 'users.status', 'users.actions'].map(k => h('th', { scope: 'col' }, t(k))))),
        h('tbody', {}, page.items.map(u => h('tr', { dataset: { email: u.email } },
          h('th', { scope: 'row' }, u.email), h('td', {}, u.displayName), h('td', {}, word('role', u.role)),
          h('td', {}, scopeText(u)), h('td', {}, statusText(u)),
          h('td', {}, h('button', { type: 'button', class: 'users-open', onclick: () => open(u.id) }, t('users.manage')))))))));
  }

  async function open(id) {
    const [u, events] = await Promise.all([api(`/api/admin/users/${id}`), api(`/api/admin/users/${id}/history`)]);
    const result = h('div', { id: 'users-detail-result' });
    const act = async (path, method, body, onDone) => {
      try {
        const answer = await api(`/api/admin/users/${id}/${path}`, { method, body });
        await loadList();
        await open(id);
        onDone?.(answer);
      } catch (problem) {
        fill(result, h('p', { class: 'notice failure', role: 'alert' }, fieldErrorsText(problem)));
      }
    };
    // Disabling ends the user's sessions, so it asks once more in place.
    const confirmDisable = button => button.replaceWith(h('span', { class: 'confirm' }, t('users.disable.confirm', { email: u.email }), ' ',
      h('button', { type: 'button', class: 'danger', id: 'users-disable-confirm',
        onclick: () => act('disable', 'POST', undefined, () => say(t('users.disabled', { email: u.email }), 'success')) }, t('users.disable'))));
    // Resetting the second factor ends the user's sessions too: the same confirmation in place.
    const confirmTwoFactorReset = button => button.replaceWith(h('span', { class: 'confirm' }, t('users.reset2fa.confirm', { email: u.email }), ' ',
      h('button', { type: 'button', class: 'danger', id: 'users-reset-2fa-confirm',
        onclick: () => act('reset-two-factor', 'POST', undefined, () => say(t('users.reset2fa.done', { email: u.email }), 'success')) }, t('users.reset2fa'))));
    const scope = scopeFields('users-edit', u);
    const roleForm = h('form', { novalidate: true }, h('h3', {}, t('users.changeRole')), scope.el,
      h('p', {}, h('button', { type: 'submit', id: 'users-role-save' }, t('users.save'))));
    roleForm.addEventListener('submit', event => {
      event.preventDefault();
      act('role', 'PUT', scope.value(), () => say(t('users.roleChanged', { email: u.email }), 'success'));
    });
    fill(detail,
      h('h2', { id: 'users-detail-heading', tabindex: '-1' }, `${u.displayName} · ${u.email}`),
      h('p', { id: 'users-detail-status' }, `${word('role', u.role)} · ${scopeText(u)} · ${statusText(u)}`),
      h('p', { class: 'toolbar' },
        u.disabled
          ? h('button', { type: 'button', id: 'users-enable', onclick: () => act('enable', 'POST', undefined, () => say(t('users.enabled', { email: u.email }), 'success')) }, t('users.enable'))
          : h('button', { type: 'button', id: 'users-disable', onclick: event => confirmDisable(event.currentTarget) }, t('users.disable')),
        h('button', { type: 'button', id: 'users-reset', onclick: () => act('reset-password', 'POST', undefined,
          issued => fill(detail.querySelector('#users-detail-result'), temporaryPassword(issued, 'users.resetDone'))) }, t('users.reset')),
        u.twoFactorEnabled
          ? h('button', { type: 'button', id: 'users-reset-2fa', onclick: event => confirmTwoFactorReset(event.currentTarget) }, t('users.reset2fa'))
          : null),
      result, roleForm,
      h('h3', {}, t('users.history')),
      h('div', { class: 'table-wrap' }, h('table', { id: 'users-history' },
        h('caption', {}, t('users.history.caption', { email: u.email })),
        h('thead', {}, h('tr', {}, ['users.col.when', 'users.col.who', 'users.col.what', 'users.col.change', 'users.col.address'].map(k => h('th', { scope: 'col' }, t(k))))),
        h('tbody', {}, [...events].reverse().map(e => h('tr', {},
          h('th', { scope: 'row' }, dateTime(e.occurredAt)), h('td', {}, e.actorEmail), h('td', {}, t(`users.action.${e.action}`)),
          h('td', {}, changeText(e.before, e.after)), h('td', {}, e.clientAddress ?? '—')))))));
    detail.hidden = false;
    detail.querySelector('#users-detail-heading').focus();
  }

  function changeText(before, after) {
    if (!after) return '—';
    return Object.keys(after).filter(k => JSON.stringify(before?.[k]) !== JSON.stringify(after[k]))
      .map(k => `${k}: ${before ? `${before[k] ?? '—'} → ` : ''}${after[k] ?? '—'}`).join('; ') || '—';
  }
}
