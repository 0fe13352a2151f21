// 来电登记: one page to register a call, then dispatch it or answer it on the spot.
import { api, newIdempotencyKey, ticketAction } from '../api.js';
import { announce, debounce, fill, h } from '../dom.js';
import { pick, t, word } from '../i18n.js';
import { loadCounties, loadUnits, nameOf, phoneOptional } from '../reference.js';
import { field, radioGroup, showError, vocabulary, vocabularySelect } from '../parts/fields.js';
import { defaultContact, fieldProblem, length, limits, suggestedContacts } from '../parts/intake-rules.js';
import { callerHistoryPanel, suggestionPanel } from '../parts/intake-side.js';

// Survives a language switch (which redraws the page) until the call is registered.
let draft = freshDraft();

function freshDraft() {
  return { key: newIdempotencyKey(), values: { channel: 'phone', urgency: 'normal', mode: 'dispatch' }, touched: new Set(), registered: null };
}

const serverField = { title: 'titleField', unitCode: 'unitCode', note: 'unitCode', intoNumber: 'intoNumber' };

export async function render(main) {
  const [counties, units] = await Promise.all([loadCounties(), loadUnits()]);
  const f = buildFields(counties, units);
  const summary = h('div', { id: 'intake-summary', tabindex: '-1' });
  const submit = h('button', { type: 'submit', class: 'primary', id: 'intake-submit' }, t('intake.submit'));
  const suggestion = suggestionPanel();
  const history = callerHistoryPanel(number => mergeInto(number));
  const intakeSets = [
    h('fieldset', {}, h('legend', {}, t('intake.caller')), h('div', { class: 'grid' },
      f.callerName.wrap, f.callerPhone.wrap, f.residentId.wrap, f.disabilityCertificate.wrap)),
    h('fieldset', { id: 'intake-contact' }, h('legend', {}, t('intake.contact')), h('div', { class: 'grid' },
      f.contactMethod.wrap, f.otherContact.wrap, f.guardianName.wrap, f.guardianRelation.wrap, f.guardianPhone.wrap)),
    h('fieldset', {}, h('legend', {}, t('intake.place')), h('div', { class: 'grid' }, f.countyCode.wrap, f.townCode.wrap, f.address.wrap)),
    h('fieldset', {}, h('legend', {}, t('intake.request')), h('div', { class: 'grid' },
      f.channel.wrap, f.kind.wrap, f.topic.wrap, f.urgency.wrap, f.titleField.wrap, f.content.wrap)),
  ];
  const form = h('form', { id: 'intake-form', novalidate: true, 'aria-labelledby': 'intake-heading' },
    summary, intakeSets,
    h('fieldset', {}, h('legend', {}, t('intake.handling')), f.mode.wrap, f.unitCode.wrap, f.reply.wrap, f.intoNumber.wrap),
    h('p', {}, submit));
  main.append(h('h1', { id: 'intake-heading' }, t('intake.title')),
    h('div', { class: 'columns' }, h('div', { class: 'panel' }, form), h('aside', {}, suggestion.panel, history.panel)));

  const values = () => readValues(f);
  const check = name => {
    if (!f[name] || !draft.touched.has(name)) return;
    showError(f[name], fieldProblem(name, values()));
  };
  const refreshSide = debounce(() => {
    const v = values();
    history.update(v);
    suggestion.update(v, unit => {
      f.unitCode.control.options[0].textContent = unit ? t('intake.unit.autoWith', { name: nameOf(unit) }) : t('intake.unit.auto');
    });
  }, 350);
  /** The phone is required on a call; the method's automatic choice names what it will be and why. */
  const showContact = () => {
    const v = values();
    const optional = phoneOptional(v.channel);
    f.callerPhone.wrap.querySelector('label').classList.toggle('req', !optional);
    if (optional) f.callerPhone.control.removeAttribute('aria-required');
    else f.callerPhone.control.setAttribute('aria-required', 'true');
    f.callerPhone.hint.textContent = t(optional ? 'intake.callerPhone.optional' : 'intake.callerPhone.hint');
    const auto = defaultContact(v);
    f.contactMethod.control.options[0].textContent = auto ? t('intake.contact.autoWith', { method: word('contactMethod', auto) }) : t('intake.contact.auto');
    const suggested = suggestedContacts(v.disabilityCertificate);
    f.contactMethod.hint.textContent = suggested.length
      ? t('intake.contact.suggested', { methods: suggested.map(m => word('contactMethod', m)).join(t('list.separator')) })
      : t('intake.contact.hint');
  };
  const showMode = () => {
    // A petition follows the procedure (受理, written reply): it is never answered on the spot.
    const petition = f.kind.control.value === 'petition';
    const answerInput = f.mode.inputs.find(i => i.value === 'answer');
    answerInput.disabled = petition;
    if (petition && answerInput.checked) {
      f.mode.inputs.find(i => i.value === 'dispatch').checked = true;
      draft.values.mode = 'dispatch';
    }
    const mode = f.mode.value();
    f.unitCode.wrap.hidden = mode !== 'dispatch';
    f.reply.wrap.hidden = mode !== 'answer';
    f.intoNumber.wrap.hidden = mode !== 'merge';
  };
  /** 并入此单 from the possible duplicates: the call is registered and merged into that ticket on submit. */
  const mergeInto = number => {
    f.mode.inputs.forEach(i => { i.checked = i.value === 'merge'; });
    f.intoNumber.control.value = number;
    Object.assign(draft.values, values());
    showMode();
    showError(f.intoNumber, '');
    announce(t('intake.merge.chosen', { number }));
    submit.focus();
  };

  form.addEventListener('input', event => {
    const name = fieldName(event.target);
    Object.assign(draft.values, values());
    if (name === 'residentId' && draft.values.residentId?.length >= 18) draft.touched.add(name);
    if (name === 'disabilityCertificate' && draft.values.disabilityCertificate?.length >= 20) draft.touched.add(name);
    check(name);
    if (name === 'residentId') check('disabilityCertificate');
    if (name === 'content') f.content.counter.textContent = t('intake.count', { n: length(f.content.control.value), max: limits().content });
    if (name === 'countyCode') fillTowns(f.townCode.control, counties, f.countyCode.control.value);
    if (name === 'mode' || name === 'kind') showMode();
    if (['channel', 'callerPhone', 'disabilityCertificate', 'guardianPhone', 'otherContact', 'address', 'contactMethod'].includes(name)) {
      showContact();
      if (draft.touched.has('contactMethod')) check('contactMethod');
      if (name === 'channel') check('callerPhone');
    }
    if (name === 'guardianPhone') check('guardianName');
    if (name === 'kind') check('contactMethod');
    refreshSide();
  });
  form.addEventListener('focusout', event => {
    const name = fieldName(event.target);
    if (!name || event.target.type === 'radio') return;
    draft.touched.add(name);
    check(name);
  });
  form.addEventListener('submit', event => { event.preventDefault(); send(); });

  async function send() {
    const v = values();
    Object.keys(f).forEach(name => draft.touched.add(name));
    const problems = Object.keys(f).map(name => [name, fieldProblem(name, v)]).filter(([, message]) => message);
    Object.keys(f).forEach(name => showError(f[name], fieldProblem(name, v)));
    if (problems.length) { showSummary(summary, f, problems); return; }
    fill(summary);
    submit.disabled = true;
    submit.textContent = t('intake.busy');
    try {
      draft.registered ??= await api('/api/tickets', { method: 'POST', body: intakeBody(v), headers: { 'Idempotency-Key': draft.key } });
      intakeSets.forEach(set => { set.disabled = true; });
      const ticket = v.mode === 'answer' ? await ticketAction(draft.registered, 'answer', { reply: v.reply.trim() })
        : v.mode === 'merge' ? await ticketAction(draft.registered, 'merge', { intoNumber: v.intoNumber.trim() })
          : await ticketAction(draft.registered, 'dispatch', { unitCode: v.unitCode || null });
      done(main, ticket, units);
    } catch (problem) {
      submit.disabled = false;
      submit.textContent = t('intake.submit');
      showServerProblem(summary, f, problem, v);
    }
  }

  restore(f, counties);
  showMode();
  showContact();
  if (draft.registered) intakeSets.forEach(set => { set.disabled = true; });
  refreshSide();
  f.callerName.control.focus();
}

function buildFields(counties, units) {
  const input = attrs => h('input', { type: 'text', ...attrs });
  const f = {
    callerName: field({ name: 'callerName', label: t('intake.callerName'), required: true, control: input({ autocomplete: 'off', maxlength: limits().callerName * 2 }) }),
    callerPhone: field({ name: 'callerPhone', label: t('intake.callerPhone'), hint: t('intake.callerPhone.hint'), required: true, control: input({ type: 'tel', inputmode: 'tel', autocomplete: 'off' }) }),
    residentId: field({ name: 'residentId', label: t('intake.residentId'), hint: t('intake.residentId.hint'), control: input({ autocomplete: 'off', maxlength: 18, spellcheck: 'false' }) }),
    disabilityCertificate: field({ name: 'disabilityCertificate', label: t('intake.disabilityCertificate'), hint: t('intake.disabilityCertificate.hint'), control: input({ autocomplete: 'off', maxlength: 20, spellcheck: 'false' }) }),
    contactMethod: field({ name: 'contactMethod', label: t('intake.contactMethod'), hint: t('intake.contact.hint'),
      control: h('select', {}, h('option', { value: '' }, t('intake.contact.auto')), vocabulary.contactMethod.map(m => h('option', { value: m }, word('contactMethod', m)))) }),
    otherContact: field({ name: 'otherContact', label: t('intake.otherContact'), hint: t('intake.otherContact.hint'), control: input({ autocomplete: 'off' }) }),
    guardianName: field({ name: 'guardianName', label: t('intake.guardianName'), control: input({ autocomplete: 'off', maxlength: limits().callerName * 2 }) }),
    guardianRelation: field({ name: 'guardianRelation', label: t('intake.guardianRelation'), control: vocabularySelect('guardianRelation', vocabulary.guardianRelation) }),
    guardianPhone: field({ name: 'guardianPhone', label: t('intake.guardianPhone'), control: input({ type: 'tel', inputmode: 'tel', autocomplete: 'off' }) }),
    countyCode: field({ name: 'countyCode', label: t('intake.countyCode'), required: true,
      control: h('select', {}, h('option', { value: '' }, t('intake.choose')), counties.map(c => h('option', { value: c.code }, nameOf(c)))) }),
    townCode: field({ name: 'townCode', label: t('intake.townCode'), control: h('select', {}, h('option', { value: '' }, t('intake.town.any'))) }),
    address: field({ name: 'address', label: t('intake.address'), control: input({ autocomplete: 'off' }) }),
    channel: field({ name: 'channel', label: t('intake.channel'), required: true, control: vocabularySelect('channel', vocabulary.channel, { empty: false }) }),
    kind: field({ name: 'kind', label: t('intake.kind'), required: true, control: vocabularySelect('kind', vocabulary.kind) }),
    topic: field({ name: 'topic', label: t('intake.topic'), required: true, control: vocabularySelect('topic', vocabulary.topic) }),
    urgency: radioGroup({ name: 'urgency', legend: t('intake.urgency'), group: 'urgency', values: vocabulary.urgency, checked: 'normal', required: true }),
    titleField: field({ name: 'titleField', label: t('intake.titleField'), hint: t('intake.titleField.hint'), wide: true, control: input({ autocomplete: 'off' }) }),
    content: field({ name: 'content', label: t('intake.content'), hint: t('intake.count', { n: 0, max: limits().content }), required: true, wide: true, control: h('textarea', { rows: 5 }) }),
    mode: radioGroup({ name: 'mode', legend: t('intake.handling'), group: 'intake.mode', values: ['dispatch', 'answer', 'merge'], checked: 'dispatch' }),
    unitCode: field({ name: 'unitCode', label: t('intake.unit'), control: unitSelect(counties, units) }),
    reply: field({ name: 'reply', label: t('intake.reply'), required: true, control: h('textarea', { rows: 4 }) }),
    intoNumber: field({ name: 'intoNumber', label: t('intake.intoNumber'), hint: t('intake.intoNumber.hint'), required: true,
      control: input({ autocomplete: 'off', maxlength: 40, spellcheck: 'false' }) }),
  };
  f.content.counter = f.content.wrap.querySelector('.hint');
  f.callerPhone.hint = f.callerPhone.wrap.querySelector('.hint');
  f.contactMethod.hint = f.contactMethod.wrap.querySelector('.hint');
  f.urgency.control = f.urgency.inputs[0];
  f.mode.control = f.mode.inputs[0];
  f.mode.wrap.querySelector('legend').classList.add('visually-hidden');
  return f;
}

function unitSelect(counties, units) {
  return h('select', {}, h('option', { value: '' }, t('intake.unit.auto')),
    counties.map(c => {
      const own = units.filter(u => u.countyCode === c.code && u.active);
      return own.length ? h('optgroup', { label: nameOf(c) }, own.map(u => h('option', { value: u.code }, nameOf(u)))) : null;
    }));
}

function fillTowns(select, counties, countyCode) {
  const towns = counties.find(c => c.code === countyCode)?.towns ?? [];
  fill(select, h('option', { value: '' }, t('intake.town.any')), towns.map(town => h('option', { value: town.code }, nameOf(town))));
}

const fieldName = el => (el?.name ?? '');

function readValues(f) {
  const v = {};
  for (const [name, x] of Object.entries(f)) v[name] = x.value ? x.value() : x.control.value;
  return v;
}

function restore(f, counties) {
  const v = draft.values;
  fillTowns(f.townCode.control, counties, v.countyCode);
  for (const [name, x] of Object.entries(f)) {
    if (v[name] === undefined) continue;
    if (x.inputs) x.inputs.forEach(i => { i.checked = i.value === v[name]; });
    else x.control.value = v[name];
  }
  f.content.counter.textContent = t('intake.count', { n: length(v.content ?? ''), max: limits().content });
  draft.touched.forEach(name => f[name] && showError(f[name], fieldProblem(name, readValues(f))));
}

function intakeBody(v) {
  const text = s => (s ?? '').trim() || null;
  return {
    channel: v.channel, kind: v.kind, topic: v.topic, urgency: v.urgency, callerName: text(v.callerName), callerPhone: text(v.callerPhone),
    residentId: text(v.residentId)?.toUpperCase() ?? null, disabilityCertificate: text(v.disabilityCertificate)?.toUpperCase() ?? null,
    countyCode: v.countyCode || null, townCode: v.townCode || null, address: text(v.address), title: text(v.titleField), content: text(v.content),
    contactMethod: v.contactMethod || null, otherContact: text(v.otherContact), guardianName: text(v.guardianName),
    guardianRelation: v.guardianRelation || null, guardianPhone: text(v.guardianPhone),
  };
}

function showSummary(summary, f, problems) {
  fill(summary, h('div', { class: 'error-summary', role: 'alert' },
    h('h2', {}, t('intake.errors', { n: problems.length })),
    h('ul', {}, problems.map(([name, message]) => h('li', {},
      f[name] ? h('a', { href: `#f-${name}`, onclick: e => { e.preventDefault(); f[name].control.focus(); } }, message) : message)))));
  const first = problems.find(([name]) => f[name]);
  (first ? f[first[0]].control : summary).focus();
}

function showServerProblem(summary, f, problem, v) {
  const problems = problem.fieldErrors?.length
    ? problem.fieldErrors.map(e => [serverField[e.field] ?? e.field, pick(e.zh, e.en)])
    : [['', problem.text]];
  problems.forEach(([name, message]) => f[name] && showError(f[name], message));
  if (draft.registered) {
    const action = t(`action.${v.mode === 'answer' || v.mode === 'merge' ? v.mode : 'dispatch'}`);
    problems.unshift(['', t('intake.stepFailed', { number: draft.registered.number, action, message: problem.text })]);
  }
  showSummary(summary, f, problems);
}

function done(main, ticket, units) {
  const unit = units.find(u => u.code === ticket.unitCode);
  const message = ticket.mergedIntoNumber ? t('intake.done.merged', { number: ticket.number, into: ticket.mergedIntoNumber })
    : ticket.status === 'resolved' ? t('intake.done.answered', { number: ticket.number })
      : t('intake.done.dispatched', { number: ticket.number, unit: nameOf(unit) || ticket.unitCode });
  draft = freshDraft();
  const next = h('button', { type: 'button', class: 'primary', id: 'intake-next', onclick: () => { main.replaceChildren(); render(main); } }, t('intake.next'));
  const concluded = ticket.petition?.concludedBy;
  fill(main, h('h1', {}, t('intake.title')),
    concluded ? h('p', { class: 'notice', id: 'intake-concluded', role: 'status' }, t('petition.concludedBy', { number: concluded })) : null,
    h('div', { class: 'notice success', id: 'intake-done' }, h('p', {}, message),
      h('p', { class: 'toolbar' }, next, h('a', { class: 'button', href: `#/tickets/${ticket.id}` }, t('intake.open')))));
  announce(message);
  next.focus();
}
