// Sign-in with e-mail and password (and the authenticator code when the account uses one); the server sets the session
// cookie. A temporary password is changed right here before anything else; a role that must use two-factor sign-in
// without it set up goes on to the account page to enrol.
import { api, ApiProblem } from '../api.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { passwordChangeForm } from '../parts/password-change.js';

export function render(main, { query, onLoggedIn }) {
  const error = h('p', { id: 'login-error', class: 'field-error', role: 'alert' });
  const email = h('input', { id: 'login-email', type: 'email', name: 'email', autocomplete: 'username', required: true, 'aria-describedby': 'login-error' });
  const password = h('input', { id: 'login-password', type: 'password', name: 'password', autocomplete: 'current-password', required: true });
  const code = h('input', { id: 'login-code', type: 'text', name: 'code', autocomplete: 'one-time-code', inputmode: 'numeric', maxlength: '20' });
  const useRecovery = h('input', { id: 'login-use-recovery', type: 'checkbox' });
  const codeField = h('div', { class: 'field', id: 'login-code-field', hidden: true },
    h('label', { for: code.id }, t('login.code')), code,
    h('p', { class: 'hint' }, h('label', { for: useRecovery.id }, useRecovery, ' ', t('login.useRecovery'))));
  const submit = h('button', { type: 'submit', class: 'primary' }, t('login.submit'));
  const form = h('form', { class: 'panel login', novalidate: true },
    h('h1', {}, t('login.title')),
    h('div', { class: 'field' }, h('label', { for: 'login-email' }, t('login.email')), email),
    h('div', { class: 'field' }, h('label', { for: 'login-password' }, t('login.password')), password),
    codeField,
    error,
    h('p', {}, submit));
  const wrap = h('div', { class: 'login-wrap' }, form);

  const finish = async () => {
    const me = await api('/api/auth/me');
    if (me.mustChangePassword) {
      showPasswordChange(password.value);
      return;
    }
    await onLoggedIn(me.twoFactorEnrolmentRequired ? 'account' : query.get('next'));
  };

  function showPasswordChange(currentPassword) {
    const change = passwordChangeForm({
      idPrefix: 'first', currentPassword, title: t('login.change.title'), intro: t('login.change.intro'),
      onChanged: () => finish(),
    });
    wrap.replaceChildren(change.el);
    change.focus();
  }

  form.addEventListener('submit', async event => {
    event.preventDefault();
    submit.disabled = true;
    submit.textContent = t('login.busy');
    error.textContent = '';
    const body = { email: email.value, password: password.value };
    if (!codeField.hidden && code.value.trim()) body[useRecovery.checked ? 'recoveryCode' : 'twoFactorCode'] = code.value.trim();
    try {
      await api('/api/auth/login?useCookies=true', { method: 'POST', body });
      await finish();
    } catch (problem) {
      submit.disabled = false;
      submit.textContent = t('login.submit');
      if (problem instanceof ApiProblem && problem.code === 'two_factor_required') {
        codeField.hidden = false;
        error.textContent = problem.text;
        code.focus();
        return;
      }
      error.textContent = problem instanceof ApiProblem ? problem.text : String(problem);
      const field = codeField.hidden ? email : code;
      field.setAttribute('aria-invalid', 'true');
      field.focus();
    }
  });
  main.append(wrap);
  // Signed in already but the temporary password is still unchanged (e.g. after a reload).
  if (query.get('change') === '1') showPasswordChange(null);
  else email.focus();
}
