// What each ticket action asks for, and which roles may take it (mirrors the server's role gates; the server still decides).
import { h } from '../dom.js';
import { pick, t, word } from '../i18n.js';
import { nameOf } from '../reference.js';
import { field, radioGroup, showError, vocabulary, vocabularySelect } from './fields.js';

const dispatcher = ['operator', 'admin'];
const unit = ['unit_staff', 'admin'];
const supervisor = ['supervisor', 'admin'];

export const actionRoles = {
  answer: dispatcher, dispatch: [...dispatcher, 'supervisor'], sign: unit, return: unit, transfer: [...unit, 'operator'],
  suspend: unit, resume: [...unit, 'operator'], 'extension-requests': unit, 'extension-decisions': supervisor, resolve: unit,
  callback: dispatcher, reopen: dispatcher, close: dispatcher, merge: dispatcher, supervise: supervisor,
};

/** The actions this user may offer on this ticket: the ticket's allowed actions filtered by role. */
export function offeredActions(ticket, user) {
  return (ticket.allowedActions ?? []).filter(action => {
    if (!actionRoles[action]?.includes(user.role)) return false;
    if (action === 'dispatch' && user.role === 'supervisor') return ticket.awaitingRuling;
    return true;
  });
}

const text = (name, label, { required = false, long = false } = {}) =>
  field({ name, label, required, wide: long, control: long ? h('textarea', { rows: 3 }) : h('input', { type: 'text' }) });

function unitChoice(units, { automatic }) {
  return field({ name: 'unitCode', label: t('form.unit'), required: !automatic, control: h('select', {},
    h('option', { value: '' }, automatic ? t('intake.unit.auto') : t('intake.choose')),
    units.filter(u => u.active).map(u => h('option', { value: u.code }, nameOf(u)))) });
}

/** Fields of an action's form; each returns { fields: [...], body() }. An action with no fields runs at once. */
export function actionForm(action, ticket, units) {
  const value = f => f.value ? f.value() : f.control.value.trim();
  const orNull = s => s || null;
  switch (action) {
    case 'answer': case 'resolve': {
      const reply = text('reply', t('form.reply'), { required: true, long: true });
      return { fields: [reply], body: () => ({ reply: value(reply) }) };
    }
    case 'dispatch': case 'transfer': {
      const target = unitChoice(units, { automatic: action === 'dispatch' });
      const note = text('note', t('form.note'));
      return { fields: [target, note], body: () => ({ unitCode: orNull(value(target)), note: orNull(value(note)) }) };
    }
    case 'return': case 'suspend': {
      const reason = field({ name: 'reasonCode', label: t('form.reasonCode'), required: true,
        control: vocabularySelect(action === 'return' ? 'returnReason' : 'suspendReason', vocabulary[action === 'return' ? 'returnReason' : 'suspendReason']) });
      const note = text('note', t('form.noteRequired'), { long: true });
      return { fields: [reason, note], body: () => ({ reasonCode: orNull(value(reason)), note: orNull(value(note)) }) };
    }
    case 'extension-requests': {
      const amount = field({ name: 'amount', label: t('form.amount'), required: true, control: h('input', { type: 'number', min: '1', step: '1', value: '5' }) });
      const counted = /working/.test(ticket.deadlines?.handling?.length ?? 'working') ? ['working_days', 'working_hours'] : ['calendar_days', 'hours'];
      const timeUnit = field({ name: 'unit', label: t('form.timeUnit'), required: true, control: vocabularySelect('timeUnit', counted, { empty: false }) });
      const reason = text('reason', t('form.reason'), { required: true, long: true });
      return { fields: [amount, timeUnit, reason], body: () => ({ amount: Number(value(amount)) || null, unit: value(timeUnit), reason: orNull(value(reason)) }) };
    }
    case 'extension-decisions': {
      const pending = ticket.extensions?.find(e => e.approved === null);
      const decision = radioGroup({ name: 'approved', legend: t('form.approved'), group: 'decision', values: ['true', 'false'], checked: 'true' });
      decision.inputs.forEach((input, i) => { input.nextSibling.textContent = t(i === 0 ? 'form.approve' : 'form.reject'); });
      const note = text('note', t('form.note'), { long: true });
      return { fields: [decision, note], body: () => ({ requestId: pending?.requestId ?? null, approved: decision.value() === 'true', note: orNull(value(note)) }) };
    }
    case 'callback': {
      const reached = radioGroup({ name: 'reached', legend: t('form.reached'), group: 'reached', values: ['true', 'false'], checked: 'true' });
      reached.inputs.forEach((input, i) => { input.nextSibling.textContent = t(i === 0 ? 'form.yes' : 'form.no'); });
      const satisfaction = field({ name: 'satisfaction', label: t('form.satisfaction'), control: vocabularySelect('satisfaction', vocabulary.satisfaction) });
      const note = text('note', t('form.note'), { long: true });
      return { fields: [reached, satisfaction, note], body: () => ({ reached: reached.value() === 'true', satisfaction: orNull(value(satisfaction)), note: orNull(value(note)) }) };
    }
    case 'merge': {
      const into = text('intoTicketId', t('form.into'), { required: true });
      return { fields: [into], body: () => ({ intoTicketId: orNull(value(into)) }) };
    }
    case 'supervise': {
      const note = text('note', t('form.note'), { required: true, long: true });
      return { fields: [note], body: () => ({ note: orNull(value(note)) }) };
    }
    case 'resume': case 'reopen': case 'close': {
      const note = text('note', t('form.note'), { long: true });
      return { fields: [note], body: () => ({ note: orNull(value(note)) }) };
    }
    default:
      return { fields: [], body: () => ({}) };
  }
}

/** An action's form with checked-form's interface, for the item page: the server checks, its field errors show at the fields. */
export function ticketForm(action, ticket, units) {
  const form = actionForm(action, ticket, units);
  const nameOfField = f => f.control?.name ?? f.inputs?.[0]?.name;
  return {
    ...form,
    check: () => { form.fields.forEach(f => f.control && showError(f, '')); return true; },
    focusFirst: () => (form.fields[0]?.control ?? form.fields[0]?.inputs[0])?.focus(),
    showServerErrors(problem) {
      const shown = (problem.fieldErrors ?? []).map(e => {
        const f = form.fields.find(x => nameOfField(x) === e.field);
        if (f) showError(f, pick(e.zh, e.en));
        return Boolean(f);
      });
      return shown.some(Boolean);
    },
  };
}
