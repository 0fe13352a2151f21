// A new deadline-rule version as a form: the day it takes effect, why, and the rule document (the shape of a file in
// deploy/reference-data/sla-rules/, without version and effectiveFrom) as editable JSON pre-filled from the latest
// version. Required fields are checked as you go; the server checks the rest and its field errors show at the fields.
import { fill, h } from '../dom.js';
import { pick, t } from '../i18n.js';
import { shanghaiDate } from '../format.js';
import { field, showError } from './fields.js';

/** latest: the newest version from GET /api/sla-rules; returns { el, showServerErrors(problem), focusFirst() }. */
export function rulesForm(latest, { onPreview, onEdit }) {
  const date = field({ name: 'rules-effectiveFrom', label: t('rules.form.effectiveFrom'), hint: t('rules.form.effectiveFrom.hint'), required: true,
    control: h('input', { type: 'date', value: defaultDate(latest.effectiveFrom) }) });
  const reason = field({ name: 'rules-reason', label: t('rules.form.reason'), hint: t('rules.form.reason.hint'), required: true, wide: true,
    control: h('input', { type: 'text', autocomplete: 'off', maxlength: '500' }) });
  const documentField = field({ name: 'rules-document', label: t('rules.form.document'), hint: t('rules.form.document.hint', { version: latest.version }),
    required: true, wide: true, control: h('textarea', { rows: 24, spellcheck: 'false', lang: 'en' }) });
  documentField.control.value = JSON.stringify(documentOf(latest), null, 2); // a textarea takes its text as a property
  const fields = [
    { ...date, key: 'rules.effectiveFrom', label: t('rules.form.effectiveFrom') },
    { ...reason, key: 'reason', label: t('rules.form.reason') },
    { ...documentField, key: 'rules', label: t('rules.form.document'), json: true },
  ];
  fields.forEach(f => f.error.setAttribute('role', 'alert')); // the server's word on a field is announced where it appears
  const summary = h('div', { id: 'rules-form-error', role: 'alert' });
  const el = h('form', { class: 'action-form', id: 'rules-form', novalidate: true, 'aria-labelledby': 'rules-form-heading' },
    h('h3', { id: 'rules-form-heading' }, t('rules.form.title', { version: latest.version + 1 })),
    h('p', { class: 'hint' }, t('rules.form.about')),
    h('div', { class: 'grid' }, date.wrap, reason.wrap, documentField.wrap),
    summary,
    h('p', { class: 'toolbar' }, h('button', { type: 'submit', class: 'primary', id: 'rules-preview' }, t('rules.form.preview'))));
  fields.forEach(f => {
    const recheck = () => { f.touched = true; showError(f, problemOf(f)); };
    f.control.addEventListener('change', recheck);
    f.control.addEventListener('blur', () => { if (f.touched) recheck(); });
  });
  el.addEventListener('input', () => onEdit?.());
  el.addEventListener('submit', event => {
    event.preventDefault();
    summarize('');
    const problems = fields.map(f => { f.touched = true; const message = problemOf(f); showError(f, message); return message; });
    if (problems.some(Boolean)) { summarize(t('item.fixFields')); focusInvalid(); return; }
    onPreview(body());
  });

  function problemOf(f) {
    const value = f.control.value.trim();
    if (!value) return t('v.required', { field: f.label });
    if (f.json) {
      try {
        const parsed = JSON.parse(value);
        if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return t('rules.v.object');
      } catch (error) {
        return t('rules.v.json', { message: error.message });
      }
    }
    return '';
  }

  function body() {
    return {
      reason: reason.control.value.trim(),
      rules: { effectiveFrom: date.control.value, ...JSON.parse(documentField.control.value) },
    };
  }

  const focusInvalid = () => (fields.find(f => f.control.getAttribute('aria-invalid') === 'true') ?? fields[0]).control.focus();

  /** Each field error at its field: effectiveFrom at the date, reason at the reason, anything about the rules at the JSON. */
  function showServerErrors(problem) {
    const errors = problem.fieldErrors ?? [];
    errors.forEach(e => {
      const f = fields.find(x => x.key === e.field) ?? (e.field.startsWith('rules') ? fields[2] : null);
      if (f) showError(f, pick(e.zh, e.en));
    });
    summarize(errors.length ? t('item.fixFields') : problem.text,
      errors.filter(e => !e.field.startsWith('rules') && e.field !== 'reason').map(e => pick(e.zh, e.en)));
    focusInvalid();
  }

  function summarize(text, others = []) {
    fill(summary, text ? h('p', {}, text) : null, others.length ? h('ul', {}, others.map(m => h('li', {}, m))) : null);
    summary.className = text ? 'notice failure' : '';
  }

  return { el, showServerErrors, focusFirst: () => date.control.focus() };
}

/** Tomorrow in Shanghai, or the day after the latest version when that is later: a version must follow every other. */
function defaultDate(latestFrom) {
  const tomorrow = shanghaiDate(new Date(Date.now() + 24 * 3600 * 1000));
  const next = new Date(`${latestFrom}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  const afterLatest = next.toISOString().slice(0, 10);
  return afterLatest > tomorrow ? afterLatest : tomorrow;
}

/** A version's rules back in the file shape: ticketRules by kind/urgency, then the named clocks of the other items. */
export function documentOf(version) {
  const length = c => ({ amount: Number(c.amount), unit: c.unit });
  const withNote = (entry, r) => (r.note ? { ...entry, note: r.note } : entry);
  const named = item => version.rules.filter(r => r.item === item).map(r => {
    const c = r.clocks[0];
    const entry = withNote({ clock: r.name, ...length(c), source: r.source }, r);
    return r.from ? { ...entry, from: r.from } : entry;
  });
  return {
    warningAtPercent: version.warningAtPercent,
    ticketRules: version.rules.filter(r => r.item === 'ticket').map(r => {
      const [kind, urgency] = r.name.split('/');
      const clocks = Object.fromEntries(r.clocks.map(c => [c.clock, length(c)]));
      return withNote({ kind, urgency, ...clocks, source: r.source }, r);
    }),
    petitionRules: named('petition'),
    legalAidRules: named('legalAid'),
    rehabRules: named('rehab'),
  };
}
