// Sign-in with e-mail and password; the server sets the session cookie.
import { api, ApiProblem } from '../api.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';

export function render(main, { query, onLoggedIn }) {
  const error = h('p', { id: 'login-error', class: 'field-error', role: 'alert' });
  const email = h('input', { id: 'login-email', type: 'email', name: 'email', autocomplete: 'username', required: true, 'aria-describedby': 'login-error' });
  const password = h('input', { id: 'login-password', type: 'password', name: 'password', autocomplete: 'current-password', required: true });
  const submit = h('button', { type: 'submit', class: 'primary' }, t('login.submit'));
  const form = h('form', { class: 'panel login', novalidate: true },
    h('h1', {}, t('login.title')),
    h('div', { class: 'field' }, h('label', { for: 'login-email' }, t('login.email')), email),
    h('div', { class: 'field' }, h('label', { for: 'login-password' }, t('login.password')), password),
    error,
    h('p', {}, submit));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    submit.disabled = true;
    submit.textContent = t('login.busy');
    error.textContent = '';
    try {
      await api('/api/auth/login?useCookies=true', { method: 'POST', body: { email: email.value, password: password.value } });
      await onLoggedIn(query.get('next'));
    } catch (problem) {
      error.textContent = problem instanceof ApiProblem ? problem.text : String(problem);
      submit.disabled = false;
      submit.textContent = t('login.submit');
      email.setAttribute('aria-invalid', 'true');
      email.focus();
    }
  });
  main.append(h('div', { class: 'login-wrap' }, form));
  email.focus();
}
