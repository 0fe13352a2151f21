// The form that changes the signed-in user's password: on the sign-in page (temporary password) and the account page.
import { api, ApiProblem } from '../api.js';
import { h } from '../dom.js';
import { isEnglish, t } from '../i18n.js';

/** currentPassword: when known (just typed to sign in), not asked again. */
export function passwordChangeForm({ idPrefix, currentPassword, title, intro, onChanged }) {
  const current = h('input', { id: `${idPrefix}-current-password`, type: 'password', autocomplete: 'current-password' });
  const next = h('input', { id: `${idPrefix}-new-password`, type: 'password', autocomplete: 'new-password', 'aria-describedby': `${idPrefix}-password-rules` });
  const repeat = h('input', { id: `${idPrefix}-repeat-password`, type: 'password', autocomplete: 'new-password' });
  const error = h('p', { id: `${idPrefix}-password-error`, class: 'field-error', role: 'alert' });
  const submit = h('button', { type: 'submit', class: 'primary', id: `${idPrefix}-password-submit` }, t('password.submit'));
  const form = h('form', { class: 'panel', novalidate: true, id: `${idPrefix}-password-form` },
    h('h2', { tabindex: '-1' }, title),
    intro ? h('p', {}, intro) : null,
    currentPassword ? null : h('div', { class: 'field' }, h('label', { for: current.id }, t('password.current')), current),
    h('div', { class: 'field' }, h('label', { for: next.id }, t('password.new')), next,
      h('p', { class: 'hint', id: `${idPrefix}-password-rules` }, t('password.rules'))),
    h('div', { class: 'field' }, h('label', { for: repeat.id }, t('password.repeat')), repeat),
    error,
    h('p', {}, submit));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    error.textContent = '';
    if (next.value !== repeat.value) {
      error.textContent = t('password.mismatch');
      repeat.setAttribute('aria-invalid', 'true');
      repeat.focus();
      return;
    }
    submit.disabled = true;
    try {
      await api('/api/auth/password', { method: 'POST', body: { currentPassword: currentPassword ?? current.value, newPassword: next.value } });
      await onChanged();
    } catch (problem) {
      const fields = problem instanceof ApiProblem ? problem.fieldErrors.map(f => (isEnglish() ? f.en : f.zh)) : [];
      error.textContent = fields.length ? fields.join(' ') : problem.text ?? String(problem);
      next.setAttribute('aria-invalid', 'true');
      next.focus();
    } finally {
      submit.disabled = false;
    }
  });
  return { el: form, focus: () => (currentPassword ? next : current).focus() };
}
