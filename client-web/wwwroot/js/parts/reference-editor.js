// The add / edit form of the reference-data pages (units, towns, routing rules): a checked form in an action-form
// panel with its heading focused, errors from the server at their fields or above the buttons, Escape-free cancel.
import { api } from '../api.js';
import { fill, h } from '../dom.js';
import { t } from '../i18n.js';
import { checkedForm } from './checked-form.js';

/**
 * Fills box with a form. options: { id, title, specs, submitLabel, method, url, body(values), onSaved(saved), onCancel,
 * prepare(form) }. prepare may fill selects and set values once the fields exist.
 */
export function referenceEditor(box, { id, title, specs, submitLabel, method, url, body = v => v, onSaved, onCancel, prepare }) {
  const form = checkedForm(specs);
  prepare?.(form);
  const error = h('div', { id: `${id}-error`, role: 'alert' });
  const heading = h('h3', { id: `${id}-heading`, tabindex: '-1' }, title);
  const el = h('form', { class: 'action-form', id, novalidate: true, 'aria-labelledby': heading.id },
    heading, h('div', { class: 'grid' }, form.fields.map(f => f.wrap)), error,
    h('p', { class: 'toolbar' },
      h('button', { type: 'submit', class: 'primary', id: `${id}-save` }, submitLabel),
      h('button', { type: 'button', id: `${id}-cancel`, onclick: onCancel }, t('form.cancel'))));
  el.addEventListener('submit', async event => {
    event.preventDefault();
    error.replaceChildren();
    if (!form.check()) { fill(error, h('p', { class: 'notice failure' }, t('item.fixFields'))); form.focusFirst(); return; }
    let saved;
    try {
      saved = await api(url, { method, body: body(form.body()) });
    } catch (problem) {
      fill(error, h('p', { class: 'notice failure' }, form.showServerErrors(problem) ? t('item.fixFields') : problem.text));
      form.focusFirst();
      return;
    }
    await onSaved(saved);
  });
  fill(box, el);
  heading.focus();
  return form;
}

/** Adds options ([value, label]) to a form's select and chooses value; the first option (empty) is relabelled. */
export function fillSelect(control, options, value, emptyLabel) {
  if (emptyLabel && control.options[0]?.value === '') control.options[0].textContent = emptyLabel;
  control.append(...options.map(([v, label]) => h('option', { value: v }, label)));
  if (value !== undefined && value !== null) control.value = value;
}
