// Action forms described as data and checked as you type: required fields, lengths, number ranges.
// The server still decides; its field errors are shown at the same fields (showServerErrors).
import { h } from '../dom.js';
import { pick, t } from '../i18n.js';
import { field, showError, vocabularySelect } from './fields.js';

/**
 * spec: { name, label, kind: text|long|select|choice|date|datetime|time|number|checkbox, required, max, min, group, values, options, value, hint }
 * (choice: a select of options [{ value, label }] read at run time).
 * Returns { fields, check(), body(), focusFirst(), showServerErrors(problem) }.
 */
export function checkedForm(specs) {
  const fields = specs.map(build);
  const check = f => {
    const message = problemOf(f.spec, rawValue(f));
    showError(f, message);
    return !message;
  };
  fields.forEach(f => {
    const recheck = () => { if (f.touched) check(f); };
    f.control.addEventListener('input', () => { f.touched = true; check(f); });
    f.control.addEventListener('change', () => { f.touched = true; check(f); });
    f.control.addEventListener('blur', recheck);
  });
  return {
    fields,
    check: () => fields.map(f => { f.touched = true; return check(f); }).every(Boolean),
    body: () => Object.fromEntries(fields.map(f => [f.spec.name, valueOf(f)])),
    focusFirst: () => (fields.find(f => f.control.getAttribute('aria-invalid') === 'true') ?? fields[0])?.control.focus(),
    /** Puts the server's field errors beside their fields; answers whether any field took one. */
    showServerErrors(problem) {
      let shown = false;
      problem.fieldErrors?.forEach(e => {
        const f = fields.find(x => x.spec.name === e.field);
        if (f) { showError(f, pick(e.zh, e.en)); shown = true; }
      });
      return shown;
    },
  };
}

function build(spec) {
  const control = controlOf(spec);
  const built = field({ name: spec.name, label: spec.label, hint: spec.hint, required: spec.required, wide: spec.kind === 'long', control });
  if (spec.kind === 'checkbox') {
    built.wrap.classList.add('checkbox');
    built.wrap.prepend(control);
  }
  return { ...built, spec, touched: false };
}

function controlOf(spec) {
  switch (spec.kind) {
    case 'long': return h('textarea', { rows: 3, value: spec.value ?? '' });
    case 'select': return vocabularySelect(spec.group, spec.values, { empty: !spec.value });
    case 'choice': return h('select', {}, h('option', { value: '' }, t('intake.choose')),
      spec.options.map(o => h('option', { value: o.value, selected: o.value === spec.value }, o.label)));
    case 'date': return h('input', { type: 'date', value: spec.value ?? '' });
    case 'datetime': return h('input', { type: 'datetime-local', value: spec.value ?? '', step: '60' });
    case 'time': return h('input', { type: 'time', value: spec.value ?? '', step: '60' });
    case 'number': return h('input', { type: 'number', step: '1', min: spec.min, max: spec.max, value: spec.value ?? '' });
    case 'checkbox': return h('input', { type: 'checkbox', checked: Boolean(spec.value) });
    default: return h('input', { type: 'text', value: spec.value ?? '', autocomplete: 'off' });
  }
}

const rawValue = f => (f.spec.kind === 'checkbox' ? f.control.checked : f.control.value.trim());

function problemOf(spec, value) {
  if (spec.kind === 'checkbox') return '';
  if (!value) return spec.required ? t('v.required', { field: spec.label }) : '';
  if (spec.kind === 'number') {
    const n = Number(value);
    if (!Number.isInteger(n) || (spec.min !== undefined && n < spec.min) || (spec.max !== undefined && n > spec.max)) {
      return t('v.range', { field: spec.label, min: spec.min, max: spec.max });
    }
    return '';
  }
  if (spec.max && [...value].length > spec.max) return t('v.tooLong', { field: spec.label, n: spec.max });
  if (spec.pattern && !spec.pattern.test(value)) return spec.patternMessage;
  return '';
}

/** What the API gets: null for empty, numbers as numbers, a local Jiaxing time with its +08:00 offset. */
function valueOf(f) {
  const value = rawValue(f);
  if (f.spec.kind === 'checkbox') return value;
  if (!value) return null;
  if (f.spec.kind === 'number') return Number(value);
  if (f.spec.kind === 'datetime') return `${value.length === 16 ? `${value}:00` : value}+08:00`;
  return value;
}

/** yyyy-MM-ddTHH:mm of an instant in Jiaxing time, for a datetime-local field. */
export function localDateTime(iso) {
  if (!iso) return '';
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false,
  }).formatToParts(new Date(iso));
  const p = Object.fromEntries(parts.map(x => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour === '24' ? '00' : p.hour}:${p.minute}`;
}
