// 我的账号: change the own password, and set up (or turn off) sign-in with an authenticator app. The shared key and
// the otpauth:// address are shown as text to type or paste into the app.
import { api } from '../api.js';
import { announce, fill, h } from '../dom.js';
import { isEnglish, t } from '../i18n.js';
import { passwordChangeForm } from '../parts/password-change.js';

export async function render(main, { user, onLoggedIn }) {
  const notice = h('div', { id: 'account-notice' });
  const twoFactor = h('section', { class: 'panel', id: 'account-2fa', 'aria-labelledby': 'account-2fa-heading' });
  const say = (text, kind) => {
    fill(notice, h('p', { class: `notice ${kind}`, role: kind === 'failure' ? 'alert' : 'status' }, text));
    announce(text, kind === 'failure' ? 'alert' : 'polite');
  };
  const password = passwordChangeForm({
    idPrefix: 'account', currentPassword: null, title: t('account.password'),
    onChanged: () => say(t('account.passwordChanged'), 'success'),
  });
  main.append(h('h1', {}, t('account.title')), h('p', { class: 'hint' }, `${user.displayName || user.email} · ${user.email}`), notice,
    user.twoFactorEnrolmentRequired ? h('p', { class: 'notice', id: 'account-2fa-required' }, t('account.2fa.mustEnrol')) : null,
    twoFactor, password.el);
  await drawTwoFactor();

  async function drawTwoFactor() {
    let status;
    try {
      status = await api('/api/auth/2fa');
    } catch (problem) {
      fill(twoFactor, h('p', { class: 'notice failure', role: 'alert' }, problem.text));
      return;
    }
    const heading = h('h2', { id: 'account-2fa-heading', tabindex: '-1' }, t('account.2fa'));
    const code = h('input', { id: 'account-2fa-code', type: 'text', inputmode: 'numeric', autocomplete: 'one-time-code', maxlength: '10' });
    const error = h('p', { id: 'account-2fa-error', class: 'field-error', role: 'alert' });
    const codeField = h('div', { class: 'field' }, h('label', { for: code.id }, t('account.2fa.code')), code, error);
    const send = async (path, onDone) => {
      error.textContent = '';
      try {
        onDone(await api(`/api/auth/2fa/${path}`, { method: 'POST', body: { code: code.value } }));
      } catch (problem) {
        error.textContent = problem.fieldErrors?.length ? problem.fieldErrors.map(f => (isEnglish() ? f.en : f.zh)).join(' ') : problem.text;
        code.setAttribute('aria-invalid', 'true');
        code.focus();
      }
    };
    if (status.enabled) {
      const off = h('button', { type: 'button', id: 'account-2fa-disable', onclick: () => send('disable', async () => {
        say(t('account.2fa.disabled'), 'success');
        await drawTwoFactor();
      }) }, t('account.2fa.disable'));
      fill(twoFactor, heading, h('p', { id: 'account-2fa-status' }, t('account.2fa.on', { n: status.recoveryCodesLeft })),
        status.required ? h('p', { class: 'hint' }, t('account.2fa.requiredHint')) : h('div', {}, codeField, h('p', {}, off)));
      return;
    }
    const on = h('button', { type: 'button', class: 'primary', id: 'account-2fa-enable', onclick: () => send('enable', async answer => {
      fill(twoFactor, heading,
        h('p', { class: 'notice success', role: 'status' }, t('account.2fa.enabled')),
        h('p', {}, t('account.2fa.recovery')),
        h('ul', { id: 'account-recovery-codes', class: 'codes' }, answer.codes.map(c => h('li', {}, h('code', {}, c)))),
        h('p', {}, h('button', { type: 'button', class: 'primary', id: 'account-continue', onclick: () => onLoggedIn('') }, t('account.continue'))));
      heading.focus();
    }) }, t('account.2fa.enable'));
    fill(twoFactor, heading,
      h('p', {}, t(status.required ? 'account.2fa.offRequired' : 'account.2fa.off')),
      h('ol', {},
        h('li', {}, t('account.2fa.step1')),
        h('li', {}, t('account.2fa.step2'), ' ', h('code', { id: 'account-2fa-key' }, status.sharedKey),
          h('br'), t('account.2fa.uri'), ' ', h('code', { id: 'account-2fa-uri', class: 'wrap' }, status.authenticatorUri)),
        h('li', {}, t('account.2fa.step3'))),
      codeField, h('p', {}, on));
  }
}
