// 法律援助申请: an application registered at a station for a walk-in (or calling) applicant; the case page takes it on.
import { api, newIdempotencyKey } from '../api.js';
import { announce, fill, h } from '../dom.js';
import { pick, t, word } from '../i18n.js';
import { intakeLimits, loadCounties, loadUnits, nameOf, textLimits } from '../reference.js';
import { field, showError } from '../parts/fields.js';
import { certificateMessage, length, phoneProblem, residentIdMessage } from '../parts/intake-rules.js';
import { caseVocabulary } from '../parts/case-actions.js';

const minSummary = 5;

// One Idempotency-Key per application: a double submit, or a retry after a lost answer, returns the same case.
let key = newIdempotencyKey();

export async function render(main, context) {
  const { user } = context;
  const [counties, units] = await Promise.all([loadCounties(), loadUnits()]);
  const stations = units.filter(u => u.kind === 'legal_aid' && u.active);
  const own = user.role === 'unit_staff' ? stations.find(u => u.code === user.unitCode) : null;
  const f = buildFields(counties, stations, own);
  const summary = h('div', { id: 'case-new-summary', tabindex: '-1' });
  const submit = h('button', { type: 'submit', class: 'primary', id: 'case-new-submit' }, t('caseNew.submit'));
  const form = h('form', { id: 'case-new-form', novalidate: true, 'aria-labelledby': 'case-new-heading' }, summary,
    h('fieldset', {}, h('legend', {}, t('caseNew.applicant')), h('div', { class: 'grid' },
      f.name.wrap, f.phone.wrap, f.residentId.wrap, f.disabilityCertificate.wrap, f.countyCode.wrap, f.townCode.wrap, f.address.wrap)),
    h('fieldset', {}, h('legend', {}, t('caseNew.matter')), h('div', { class: 'grid' },
      f.caseType.wrap, f.stationCode.wrap, f.cityLevel.wrap, f.summary.wrap, f.opposingParty.wrap)),
    h('p', {}, submit));
  main.append(h('h1', { id: 'case-new-heading' }, t('caseNew.title')), h('p', { class: 'hint' }, t('caseNew.intro')), h('div', { class: 'panel' }, form));

  const touched = new Set();
  const check = name => showError(f[name], problemOf(name, values(f)));
  form.addEventListener('input', event => {
    const name = event.target.name;
    if (name === 'countyCode') fillTowns(f.townCode.control, counties, f.countyCode.control.value);
    if (name === 'summary') f.summary.counter.textContent = t('intake.count', { n: length(f.summary.control.value), max: textLimits().longText });
    if (touched.has(name)) check(name);
  });
  form.addEventListener('focusout', event => {
    const name = event.target.name;
    if (!f[name]) return;
    touched.add(name);
    check(name);
  });
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const v = values(f);
    const problems = Object.keys(f).map(name => [name, problemOf(name, v)]);
    problems.forEach(([name, message]) => { touched.add(name); showError(f[name], message); });
    const bad = problems.filter(([, message]) => message);
    if (bad.length) { showSummary(summary, f, bad); return; }
    fill(summary);
    submit.disabled = true;
    submit.textContent = t('caseNew.busy');
    try {
      const opened = await api('/api/legal-aid-cases', { method: 'POST', body: bodyOf(v, own), headers: { 'Idempotency-Key': key } });
      key = newIdempotencyKey();
      done(main, opened, context);
    } catch (problem) {
      submit.disabled = false;
      submit.textContent = t('caseNew.submit');
      const atFields = (problem.fieldErrors ?? []).map(e => [e.field.replace(/^applicant\./, ''), pick(e.zh, e.en)]);
      atFields.forEach(([name, message]) => f[name] && showError(f[name], message));
      showSummary(summary, f, atFields.length ? atFields : [['', problem.text]]);
    }
  });
  f.name.control.focus();
}

function buildFields(counties, stations, own) {
  const input = attrs => h('input', { type: 'text', autocomplete: 'off', ...attrs });
  const limits = intakeLimits();
  const f = {
    name: field({ name: 'name', label: t('caseNew.name'), required: true, control: input({ maxlength: limits.callerName * 2 }) }),
    phone: field({ name: 'phone', label: t('caseNew.phone'), hint: t('caseNew.phone.hint'), required: true, control: input({ type: 'tel', inputmode: 'tel' }) }),
    residentId: field({ name: 'residentId', label: t('intake.residentId'), hint: t('caseNew.residentId.hint'), control: input({ maxlength: 18, spellcheck: 'false' }) }),
    disabilityCertificate: field({ name: 'disabilityCertificate', label: t('intake.disabilityCertificate'), hint: t('intake.disabilityCertificate.hint'),
      control: input({ maxlength: 20, spellcheck: 'false' }) }),
    countyCode: field({ name: 'countyCode', label: t('intake.countyCode'), required: true,
      control: h('select', {}, h('option', { value: '' }, t('intake.choose')), counties.map(c => h('option', { value: c.code }, nameOf(c)))) }),
    townCode: field({ name: 'townCode', label: t('intake.townCode'), control: h('select', {}, h('option', { value: '' }, t('intake.town.any'))) }),
    address: field({ name: 'address', label: t('intake.address'), control: input({ maxlength: limits.address * 2 }) }),
    caseType: field({ name: 'caseType', label: t('case.caseType'), required: true, control: h('select', {}, h('option', { value: '' }, t('intake.choose')),
      caseVocabulary.caseType.map(code => h('option', { value: code }, word('caseType', code)))) }),
    stationCode: field({ name: 'stationCode', label: t('caseNew.station'), control: own
      ? h('select', { disabled: true }, h('option', { value: own.code }, t('caseNew.station.own', { name: nameOf(own) })))
      : h('select', {}, h('option', { value: '' }, t('caseNew.station.auto')), stations.map(u => h('option', { value: u.code }, nameOf(u)))) }),
    cityLevel: field({ name: 'cityLevel', label: t('case.open.cityLevel'), control: h('input', { type: 'checkbox' }) }),
    summary: field({ name: 'summary', label: t('case.summary'), hint: t('caseNew.summary.hint'), required: true, wide: true, control: h('textarea', { rows: 5 }) }),
    opposingParty: field({ name: 'opposingParty', label: t('case.opposingParty'), hint: t('caseNew.opposingParty.hint'), control: input({ maxlength: 100 }) }),
  };
  f.cityLevel.wrap.classList.add('checkbox');
  f.cityLevel.wrap.prepend(f.cityLevel.control);
  f.cityLevel.wrap.hidden = Boolean(own);
  f.summary.counter = h('p', { class: 'hint', id: 'f-summary-count', 'aria-live': 'off' }, t('intake.count', { n: 0, max: textLimits().longText }));
  f.summary.wrap.insertBefore(f.summary.counter, f.summary.error);
  return f;
}

function fillTowns(select, counties, countyCode) {
  const towns = counties.find(c => c.code === countyCode)?.towns ?? [];
  fill(select, h('option', { value: '' }, t('intake.town.any')), towns.map(town => h('option', { value: town.code }, nameOf(town))));
}

function values(f) {
  return Object.fromEntries(Object.entries(f).map(([name, x]) => [name, x.control.type === 'checkbox' ? x.control.checked : x.control.value.trim()]));
}

/** The server's rules (PersonRules, LegalAidOpening) mirrored for feedback while typing; the server stays the judge. */
function problemOf(name, v) {
  const value = v[name];
  const limits = intakeLimits();
  const tooLong = (max, label) => (length(value) > max ? t('v.tooLong', { field: label, n: max }) : '');
  switch (name) {
    case 'name': return value ? tooLong(limits.callerName, t('caseNew.name')) : t('v.required', { field: t('caseNew.name') });
    case 'phone': {
      if (!value) return t('v.required', { field: t('caseNew.phone') });
      const code = phoneProblem(value);
      return code === 'service_number' ? t('v.serviceNumber') : code ? t('v.phone') : '';
    }
    case 'residentId': return residentIdMessage(value);
    case 'disabilityCertificate': return certificateMessage(value, v.residentId);
    case 'countyCode': case 'caseType': return value ? '' : t('v.required', { field: t(name === 'caseType' ? 'case.caseType' : 'intake.countyCode') });
    case 'address': return tooLong(limits.address, t('intake.address'));
    case 'opposingParty': return tooLong(50, t('case.opposingParty'));
    case 'summary': {
      if (!value) return t('v.required', { field: t('case.summary') });
      return length(value) < minSummary ? t('v.tooShort', { field: t('case.summary'), n: minSummary }) : tooLong(textLimits().longText, t('case.summary'));
    }
    default: return '';
  }
}

function bodyOf(v, own) {
  const text = s => s || null;
  return {
    applicant: {
      name: v.name, phone: v.phone, residentId: text(v.residentId.toUpperCase()), disabilityCertificate: text(v.disabilityCertificate.toUpperCase()),
      countyCode: v.countyCode, townCode: text(v.townCode), address: text(v.address),
    },
    caseType: v.caseType, summary: v.summary, stationCode: own ? own.code : text(v.stationCode), cityLevel: own ? null : v.cityLevel,
    opposingParty: text(v.opposingParty),
  };
}

function showSummary(summary, f, problems) {
  fill(summary, h('div', { class: 'error-summary', role: 'alert' },
    h('h2', {}, t('caseNew.errors', { n: problems.length })),
    h('ul', {}, problems.map(([name, message]) => h('li', {},
      f[name] ? h('a', { href: `#f-${name}`, onclick: e => { e.preventDefault(); f[name].control.focus(); } }, message) : message)))));
  const first = problems.find(([name]) => f[name]);
  (first ? f[first[0]].control : summary).focus();
}

function done(main, opened, context) {
  const message = t('caseNew.done', { number: opened.number });
  const open = h('a', { class: 'button primary', id: 'case-new-open', href: `#/legal-aid-cases/${opened.id}` }, t('caseNew.open'));
  const next = h('button', { type: 'button', id: 'case-new-next', onclick: () => { main.replaceChildren(); render(main, context); } }, t('caseNew.next'));
  fill(main, h('h1', {}, t('caseNew.title')),
    h('div', { class: 'notice success', id: 'case-new-done', role: 'status' }, h('p', {}, message), h('p', { class: 'toolbar' }, open, next)));
  announce(message);
  open.focus();
}
