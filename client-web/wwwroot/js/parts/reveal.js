// A masked personal value (ID, certificate or phone number) with a small "显示 / Show" control: the user names a
// purpose (and a note), the server logs the reveal and answers the full value, shown in this view only, never kept.
import { api } from '../api.js';
import { h, fill, announce } from '../dom.js';
import { t, pick } from '../i18n.js';
import { loadVocabulary } from '../reference.js';

/** Supervisors never reveal; operators, unit staff (their unit's items) and administrators may. */
export const mayReveal = user => ['operator', 'unit_staff', 'admin'].includes(user?.role);

/**
 * The masked value with its Show control. itemUrl: /api/tickets/{id}...; field: the API's field name (callerPhone,
 * residentId, disabilityCertificate, applicantPhone, personPhone).
 */
export function revealable(itemUrl, field, masked, user) {
  if (masked === null || masked === undefined || masked === '') return null;
  const value = h('span', { class: 'masked', dataset: { field } }, masked);
  if (!mayReveal(user)) return value;
  const wrap = h('span', { class: 'revealable' }, value, ' ');
  const show = h('button', { type: 'button', class: 'link-button reveal-show', dataset: { field }, 'aria-label': t('reveal.showLabel') }, t('reveal.show'));
  show.addEventListener('click', async () => {
    const vocabulary = await loadVocabulary();
    fill(wrap, value, ' ', revealForm(vocabulary.revealPurposes ?? [], field, {
      onCancel: () => fill(wrap, value, ' ', show),
      onSubmit: async (purpose, note, error) => {
        try {
          const answer = await api(`${itemUrl}/reveal`, { method: 'POST', body: { field, purpose, note: note || null } });
          fill(wrap, h('span', { class: 'revealed', dataset: { field } }, answer.value));
          announce(t('reveal.shown'));
        } catch (problem) {
          fill(error, problem.text ?? String(problem));
        }
      },
    }));
  });
  wrap.append(show);
  return wrap;
}

function revealForm(purposes, field, { onCancel, onSubmit }) {
  const id = `reveal-${field}`;
  const select = h('select', { id: `${id}-purpose`, required: true },
    h('option', { value: '' }, t('reveal.choose')),
    purposes.map(p => h('option', { value: p.code }, pick(p.zh, p.en))));
  const note = h('input', { id: `${id}-note`, type: 'text', maxlength: 200, autocomplete: 'off' });
  const error = h('span', { class: 'field-error', role: 'alert' });
  const form = h('form', { class: 'reveal-form', dataset: { field } },
    h('label', { for: select.id }, t('reveal.purpose')), ' ', select, ' ',
    h('label', { for: note.id }, t('reveal.note')), ' ', note, ' ',
    h('button', { type: 'submit', class: 'primary' }, t('reveal.confirm')), ' ',
    h('button', { type: 'button', onclick: onCancel }, t('reveal.cancel')), ' ', error);
  form.addEventListener('submit', event => {
    event.preventDefault();
    if (!select.value) { fill(error, t('reveal.purposeRequired')); select.focus(); return; }
    if (select.value === 'other' && !note.value.trim()) { fill(error, t('reveal.noteRequired')); note.focus(); return; }
    onSubmit(select.value, note.value.trim(), error);
  });
  queueMicrotask(() => select.focus());
  return form;
}
