// The State Council notice of one year as a form: holiday blocks and make-up working days as rows that can be added and
// removed, the notice text and the reason. Pre-filled from the year as it stands, so the administrator edits, not retypes.
// Required fields are checked as you go; the server checks the rest and its field errors show at the same fields.
import { fill, h } from '../dom.js';
import { pick, t } from '../i18n.js';
import { field, showError } from './fields.js';
import { blocksOf } from './calendar-days.js';

/** view: GET /api/calendars/{year}; returns { el, body(), check(), showServerErrors(problem), focusFirst(), focusInvalid() }. */
export function yearForm(view, { onPreview, onCancel, onEdit }) {
  const year = view.year;
  const rows = {
    blocks: blocksOf(view.daysOff).map(({ name, nameEn, from, to }) => ({ name, nameEn, from, to })),
    makeUps: view.makeUpWorkingDays.map(({ date, name, nameEn }) => ({ date, name, nameEn: nameEn ?? '' })),
  };
  if (!rows.blocks.length) rows.blocks.push({ name: '', nameEn: '', from: '', to: '' });
  let fields = [];
  const blocksError = h('p', { id: 'workcal-blocks-error', class: 'field-error' });
  const blockList = h('div', { id: 'workcal-blocks' });
  const makeUpList = h('div', { id: 'workcal-makeups' });
  const source = field({ name: 'workcal-source', label: t('workcal.form.source'), hint: t('workcal.form.source.hint', { year }), required: true, wide: true,
    control: h('textarea', { rows: 4 }) });
  source.control.value = view.status === 'official' ? view.source ?? '' : ''; // a textarea takes its text as a property, not an attribute
  const reason = field({ name: 'workcal-reason', label: t('workcal.form.reason'), hint: t('workcal.form.reason.hint'), required: true, wide: true,
    control: h('input', { type: 'text', autocomplete: 'off' }) });
  const fixed = [keyed(source, 'source', { required: true, label: t('workcal.form.source') }),
    keyed(reason, 'reason', { required: true, label: t('workcal.form.reason') })];
  const summary = h('div', { id: 'workcal-form-error', role: 'alert' });
  const dateControl = value => h('input', { type: 'date', value: value ?? '', min: `${year}-01-01`, max: `${year}-12-31` });

  const el = h('form', { class: 'action-form', id: 'workcal-form', novalidate: true, 'aria-labelledby': 'workcal-form-heading' },
    h('h3', { id: 'workcal-form-heading' }, t('workcal.form.title', { year })),
    h('p', { class: 'hint' }, t(`workcal.form.prefilled.${view.status}`, { year })),
    h('fieldset', { 'aria-describedby': blocksError.id }, h('legend', { class: 'req' }, t('workcal.form.blocks')), blocksError, blockList,
      h('button', { type: 'button', id: 'workcal-add-block', onclick: () => add('blocks', { name: '', nameEn: '', from: '', to: '' }) }, t('workcal.form.addBlock'))),
    h('fieldset', {}, h('legend', {}, t('workcal.form.makeUps')), h('p', { class: 'hint' }, t('workcal.form.makeUps.hint')), makeUpList,
      h('button', { type: 'button', id: 'workcal-add-makeup', onclick: () => add('makeUps', { date: '', name: '', nameEn: '' }) }, t('workcal.form.addMakeUp'))),
    h('div', { class: 'grid' }, source.wrap, reason.wrap),
    summary,
    h('p', { class: 'toolbar' },
      h('button', { type: 'submit', class: 'primary', id: 'workcal-preview' }, t('workcal.form.preview')),
      h('button', { type: 'button', id: 'workcal-cancel', onclick: onCancel }, t('form.cancel'))));
  el.addEventListener('input', () => onEdit?.());
  el.addEventListener('submit', event => {
    event.preventDefault();
    summarize('');
    if (!check()) { summarize(t('item.fixFields')); focusInvalid(); return; }
    onPreview(body());
  });

  /** A field with the name the server gives it in fieldErrors, and what the browser checks before sending. */
  function keyed(f, key, rules = {}) {
    const entry = { ...f, key, rules };
    const recheck = () => { entry.touched = true; showError(entry, problemOf(entry)); };
    f.control.addEventListener('change', recheck);
    f.control.addEventListener('blur', () => { if (entry.touched) recheck(); });
    return entry;
  }

  function problemOf({ control, rules }) {
    const value = control.value.trim();
    if (!value) return rules.required ? t('v.required', { field: rules.label }) : '';
    if (rules.inYear && !value.startsWith(`${year}-`)) return t('workcal.v.inYear', { year });
    if (rules.notBefore && rules.notBefore() && value < rules.notBefore()) return t('workcal.v.toBeforeFrom');
    return '';
  }

  function drawRows() {
    fields = [];
    fill(blockList, rows.blocks.map((block, i) => {
      const at = `holidayBlocks[${i}]`;
      const name = field({ name: `workcal-block-${i}-name`, label: t('workcal.form.blockName'), required: true, control: h('input', { type: 'text', value: block.name, maxlength: '50' }) });
      const nameEn = field({ name: `workcal-block-${i}-nameEn`, label: t('workcal.form.blockNameEn'), control: h('input', { type: 'text', value: block.nameEn, maxlength: '50', lang: 'en' }) });
      const from = field({ name: `workcal-block-${i}-from`, label: t('workcal.form.from'), required: true, control: dateControl(block.from) });
      const to = field({ name: `workcal-block-${i}-to`, label: t('workcal.form.to'), required: true, control: dateControl(block.to) });
      const rowError = h('p', { id: `workcal-block-${i}-error`, class: 'field-error' });
      fields.push(keyed(name, `${at}.name`, { required: true, label: t('workcal.form.blockName') }), keyed(nameEn, `${at}.nameEn`),
        keyed(from, `${at}.from`, { required: true, inYear: true, label: t('workcal.form.from') }),
        keyed(to, `${at}.to`, { required: true, inYear: true, label: t('workcal.form.to'), notBefore: () => from.control.value }),
        { key: at, error: rowError, control: null });
      return h('fieldset', { class: 'row', 'aria-describedby': rowError.id },
        h('legend', {}, t('workcal.form.block', { n: i + 1 })),
        h('div', { class: 'grid' }, name.wrap, nameEn.wrap, from.wrap, to.wrap), rowError,
        h('button', { type: 'button', class: 'danger', id: `workcal-block-${i}-remove`, onclick: () => remove('blocks', i) },
          t('workcal.form.removeBlock', { n: i + 1 })));
    }));
    fill(makeUpList, rows.makeUps.length ? rows.makeUps.map((day, i) => {
      const at = `makeUpWorkingDays[${i}]`;
      const date = field({ name: `workcal-makeup-${i}-date`, label: t('workcal.form.makeUpDate', { n: i + 1 }), required: true, control: dateControl(day.date) });
      const name = field({ name: `workcal-makeup-${i}-name`, label: t('workcal.form.makeUpName'), control: h('input', { type: 'text', value: day.name, maxlength: '50' }) });
      const nameEn = field({ name: `workcal-makeup-${i}-nameEn`, label: t('workcal.form.blockNameEn'), control: h('input', { type: 'text', value: day.nameEn, maxlength: '50', lang: 'en' }) });
      fields.push(keyed(date, `${at}.date`, { required: true, inYear: true, label: t('workcal.form.makeUpDate', { n: i + 1 }) }),
        keyed(name, `${at}.name`), keyed(nameEn, `${at}.nameEn`));
      return h('div', { class: 'grid row' }, date.wrap, name.wrap, nameEn.wrap,
        h('p', { class: 'toolbar' }, h('button', { type: 'button', class: 'danger', id: `workcal-makeup-${i}-remove`, onclick: () => remove('makeUps', i) },
          t('workcal.form.removeMakeUp', { n: i + 1 }))));
    }) : h('p', { class: 'empty' }, t('workcal.form.noMakeUps')));
  }

  /** Keeps what was typed in the rows before they are drawn again. */
  function collect() {
    rows.blocks = rows.blocks.map((_, i) => Object.fromEntries(['name', 'nameEn', 'from', 'to'].map(k => [k, valueAt(`holidayBlocks[${i}].${k}`)])));
    rows.makeUps = rows.makeUps.map((_, i) => Object.fromEntries(['date', 'name', 'nameEn'].map(k => [k, valueAt(`makeUpWorkingDays[${i}].${k}`)])));
  }

  const valueAt = key => fields.find(f => f.key === key)?.control.value.trim() ?? '';

  function add(list, row) {
    collect();
    rows[list].push(row);
    drawRows();
    onEdit?.();
    const n = rows[list].length - 1;
    el.querySelector(list === 'blocks' ? `#f-workcal-block-${n}-name` : `#f-workcal-makeup-${n}-date`).focus();
  }

  function remove(list, index) {
    collect();
    rows[list].splice(index, 1);
    drawRows();
    onEdit?.();
    el.querySelector(list === 'blocks' ? '#workcal-add-block' : '#workcal-add-makeup').focus();
  }

  const all = () => [...fields, ...fixed];

  function check() {
    showError({ error: blocksError }, rows.blocks.length ? '' : t('workcal.v.noBlocks'));
    const results = all().map(f => {
      const message = f.control ? problemOf(f) : '';
      f.touched = true;
      showError(f, message);
      return !message;
    });
    return rows.blocks.length > 0 && results.every(Boolean);
  }

  function body() {
    collect();
    const orNull = s => s || null;
    return {
      holidayBlocks: rows.blocks.map(b => ({ name: b.name, nameEn: orNull(b.nameEn), from: b.from, to: b.to })),
      makeUpWorkingDays: rows.makeUps.map(d => ({ date: d.date, name: orNull(d.name), nameEn: orNull(d.nameEn) })),
      source: source.control.value.trim(),
      reason: reason.control.value.trim(),
    };
  }

  function focusInvalid() {
    (all().find(f => f.control?.getAttribute('aria-invalid') === 'true')?.control ?? el.querySelector('#workcal-add-block')).focus();
  }

  /** Puts each field error at its field (a block's own error under the block); the others are listed in the summary. */
  function showServerErrors(problem) {
    const elsewhere = [];
    (problem.fieldErrors ?? []).forEach(e => {
      const f = e.field === 'holidayBlocks' ? { error: blocksError } : all().find(x => x.key === e.field);
      if (f) showError(f, pick(e.zh, e.en)); else elsewhere.push(pick(e.zh, e.en));
    });
    summarize(problem.fieldErrors?.length ? t('item.fixFields') : problem.text, elsewhere);
    focusInvalid();
  }

  /** The form's own message under the fields: what to do, and the errors that belong to no field. */
  function summarize(text, others = []) {
    fill(summary, text ? h('p', {}, text) : null, others.length ? h('ul', {}, others.map(m => h('li', {}, m))) : null);
    summary.className = text ? 'notice failure' : '';
  }

  drawRows();
  return { el, body, check, showServerErrors, focusFirst: () => fields[0]?.control.focus(), focusInvalid };
}
