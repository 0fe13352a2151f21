// Labelled form controls with a hint and an error line, wired for screen readers (aria-describedby, aria-invalid).
import { h } from '../dom.js';
import { t, word } from '../i18n.js';

/** A field: { wrap, control, error }. control is an input, select or textarea built from the options. */
export function field({ name, label, hint, required = false, wide = false, control }) {
  const id = `f-${name}`;
  const hintId = hint ? `${id}-hint` : null;
  const errorId = `${id}-error`;
  control.id = id;
  control.name = name;
  control.setAttribute('aria-describedby', [hintId, errorId].filter(Boolean).join(' '));
  if (required) control.setAttribute('aria-required', 'true');
  const error = h('p', { id: errorId, class: 'field-error' });
  const wrap = h('div', { class: wide ? 'field wide' : 'field' },
    h('label', { for: id, class: required ? 'req' : null }, label),
    control,
    hint ? h('p', { id: hintId, class: 'hint' }, hint) : null,
    error);
  return { wrap, control, error };
}

export function showError(f, message) {
  f.error.textContent = message ?? '';
  if (!f.control) return; // a radio group: the message alone
  if (message) f.control.setAttribute('aria-invalid', 'true');
  else f.control.removeAttribute('aria-invalid');
}

/** A select of vocabulary values with translated labels; an empty first option when a choice is required. */
export function vocabularySelect(group, values, { empty = true } = {}) {
  return h('select', {},
    empty ? h('option', { value: '' }, t('intake.choose')) : null,
    values.map(value => h('option', { value }, word(group, value))));
}

/** A radio group as a fieldset with a legend; returns { wrap, inputs, value() }. */
export function radioGroup({ name, legend, group, values, checked, required = false }) {
  const inputs = values.map(value => h('input', { type: 'radio', name, value, id: `f-${name}-${value}`, checked: value === checked }));
  const error = h('p', { id: `f-${name}-error`, class: 'field-error' });
  const wrap = h('fieldset', { class: 'field', 'aria-describedby': error.id },
    h('legend', { class: required ? 'req' : null }, legend),
    h('div', { class: 'radios' }, inputs.map((input, i) => h('label', { for: input.id }, input, word(group, values[i])))),
    error);
  return { wrap, inputs, error, value: () => inputs.find(i => i.checked)?.value ?? '' };
}

export const vocabulary = {
  channel: ['phone', 'online', 'letter', 'visit', 'app'],
  kind: ['inquiry', 'help', 'complaint', 'suggestion', 'petition', 'praise'],
  topic: ['rehabilitation', 'education', 'employment', 'social_security', 'care_services', 'accessibility',
    'rights_protection', 'certificates', 'assistive_devices', 'other'],
  urgency: ['normal', 'urgent'],
  contactMethod: ['voice', 'text', 'video', 'guardian', 'letter', 'none'],
  guardianRelation: ['guardian', 'agent', 'family', 'other'],
  returnReason: ['not_our_jurisdiction', 'not_our_responsibility', 'wrong_county', 'insufficient_information', 'duplicate', 'other'],
  suspendReason: ['awaiting_citizen_documents', 'awaiting_citizen_contact', 'awaiting_other_agency', 'legal_proceedings', 'force_majeure', 'other'],
  satisfaction: ['satisfied', 'basically_satisfied', 'unsatisfied'],
  timeUnit: ['working_days', 'working_hours', 'calendar_days', 'hours'],
  notAcceptedReason: ['legal_channel', 'not_petition_matter', 'in_progress', 'concluded', 'other'],
  noticeMethod: ['mail', 'in_person', 'electronic', 'sms'],
  reviewOutcome: ['upheld', 'changed'],
};
