// What each ticket action asks for, and which roles may take it (mirrors the server's role gates; the server still decides).
import { h } from '../dom.js';
import { pick, t, word } from '../i18n.js';
import { nameOf } from '../reference.js';
import { dateTime } from '../format.js';
import { field, radioGroup, showError, vocabulary, vocabularySelect } from './fields.js';

const dispatcher = ['operator', 'admin'];
const unit = ['unit_staff', 'admin'];
const supervisor = ['supervisor', 'admin'];

/** Failed callback attempts before the written notice (the server's CallbackAttempts.Limit). */
export const CALLBACK_ATTEMPTS = 3;

export const actionRoles = {
  answer: dispatcher, dispatch: [...dispatcher, 'supervisor'], sign: unit, return: unit, transfer: [...unit, 'operator'],
  suspend: unit, resume: [...unit, 'operator'], 'extension-requests': unit, 'extension-decisions': supervisor, resolve: unit,
  callback: dispatcher, reopen: dispatcher, close: dispatcher, merge: dispatcher, supervise: supervisor,
  acceptance: unit, review: dispatcher, 'supervision-reply': unit, remind: [...dispatcher, 'supervisor'],
};

/** The actions this user may offer on this ticket: the ticket's allowed actions filtered by role. */
export function offeredActions(ticket, user) {
  return (ticket.allowedActions ?? []).filter(action => {
    if (!roleMay(action, ticket, user)) return false;
    if (action === 'dispatch' && user.role === 'supervisor') return ticket.awaitingRuling;
    return true;
  }).concat(headDecides(ticket, user) ? ['extension-decisions'] : []);
}

/** A petition's extension is decided by the head (负责人) of the handling unit, not by a supervisor. */
function headDecides(ticket, user) {
  return Boolean(ticket.petition) && (ticket.allowedActions ?? []).includes('extension-decisions')
    && user.role === 'unit_staff' && user.unitHead && user.unitCode === ticket.unitCode;
}

/** Roles filter; a petition's extension decision belongs to the unit head alone. */
function roleMay(action, ticket, user) {
  if (action === 'extension-decisions' && ticket.petition) return false;
  return actionRoles[action]?.includes(user.role);
}

/** Today in Jiaxing as yyyy-MM-dd: written notices default to being sent today. */
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

/** How a written notice reached the petitioner: method, day sent and an optional reference (e.g. a postal tracking number). */
function noticeFields({ legend }) {
  const method = field({ name: 'notice.method', label: legend, required: true, control: vocabularySelect('noticeMethod', vocabulary.noticeMethod) });
  const sentOn = field({ name: 'notice.sentOn', label: t('form.notice.sentOn'), required: true, control: h('input', { type: 'date', value: today() }) });
  const reference = field({ name: 'notice.reference', label: t('form.notice.reference'), control: h('input', { type: 'text', maxlength: '100' }) });
  return {
    fields: [method, sentOn, reference],
    body: () => ({ method: method.control.value || null, sentOn: sentOn.control.value || null, reference: reference.control.value.trim() || null }),
  };
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
      const petition = action === 'resolve' ? ticket.petition : null;
      const reply = text('reply', t(petition ? 'form.writtenReply' : 'form.reply'), { required: true, long: true });
      if (!petition) return { fields: [reply], body: () => ({ reply: value(reply) }) };
      const reviewing = petition.stage !== 'petition';
      const outcome = reviewing
        ? radioGroup({ name: 'outcome', legend: t('form.outcome'), group: 'reviewOutcome', values: vocabulary.reviewOutcome, required: true })
        : null;
      const notice = noticeFields({ legend: t('form.notice.method') });
      return {
        fields: [reply, ...(outcome ? [outcome] : []), ...notice.fields],
        body: () => ({ reply: value(reply), notice: notice.body(), ...(outcome ? { outcome: orNull(outcome.value()) } : {}) }),
      };
    }
    case 'acceptance': {
      const decision = radioGroup({ name: 'accepted', legend: t('form.acceptance'), group: 'acceptance', values: ['true', 'false'], checked: 'true' });
      const reason = field({ name: 'reasonCode', label: t('form.notAcceptedReason'), control: vocabularySelect('notAcceptedReason', vocabulary.notAcceptedReason) });
      const note = text('note', t('form.noticeText'), { long: true });
      const notice = noticeFields({ legend: t('form.notice.method') });
      return {
        fields: [decision, reason, note, ...notice.fields],
        body: () => {
          const accepted = decision.value() === 'true';
          return { accepted, reasonCode: accepted ? null : orNull(value(reason)), note: orNull(value(note)), notice: notice.body() };
        },
      };
    }
    case 'review': {
      const content = text('content', t('form.reviewRequest'), { required: true, long: true });
      const channel = field({ name: 'channel', label: t('intake.channel'), required: true, control: vocabularySelect('channel', vocabulary.channel) });
      const arrived = field({ name: 'answerReceivedOn', label: t('form.answerReceivedOn'), hint: t('form.answerReceivedOn.hint'), control: h('input', { type: 'date' }) });
      return {
        fields: [content, channel, arrived],
        body: () => ({ content: orNull(value(content)), channel: orNull(value(channel)), answerReceivedOn: orNull(value(arrived)) }),
      };
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
      const notice = ticket.petition ? noticeFields({ legend: t('form.notice.extension') }) : null;
      return {
        fields: [decision, note, ...(notice?.fields ?? [])],
        body: () => ({ requestId: pending?.requestId ?? null, approved: decision.value() === 'true', note: orNull(value(note)), ...(notice ? { notice: notice.body() } : {}) }),
      };
    }
    case 'callback': {
      const reached = radioGroup({ name: 'reached', legend: t('form.reached'), group: 'reached', values: ['true', 'false'], checked: 'true' });
      reached.inputs.forEach((input, i) => { input.nextSibling.textContent = t(i === 0 ? 'form.yes' : 'form.no'); });
      const satisfaction = field({ name: 'satisfaction', label: t('form.satisfaction'), control: vocabularySelect('satisfaction', vocabulary.satisfaction) });
      const note = text('note', t('form.note'), { long: true });
      // The last failed attempt the rule allows records the written notice sent to the caller instead.
      const notice = ticket.callbackNoticeDue ? noticeFields({ legend: t('form.notice.callback') }) : null;
      if (notice) {
        const [method] = notice.fields;
        method.wrap.append(h('p', { class: 'hint', id: 'callback-notice-hint' }, t('form.notice.callback.hint', { limit: CALLBACK_ATTEMPTS })));
        method.control.setAttribute('aria-describedby', `callback-notice-hint ${method.control.getAttribute('aria-describedby')}`);
      }
      const showNotice = () => notice?.fields.forEach(f => { f.wrap.hidden = reached.value() === 'true'; });
      reached.inputs.forEach(input => input.addEventListener('change', showNotice));
      showNotice();
      return {
        fields: [reached, satisfaction, note, ...(notice?.fields ?? [])],
        body: () => {
          const isReached = reached.value() === 'true';
          return {
            reached: isReached, satisfaction: isReached ? orNull(value(satisfaction)) : null, note: orNull(value(note)),
            ...(notice && !isReached ? { notice: notice.body() } : {}),
          };
        },
      };
    }
    case 'merge': {
      // Operators know tickets by number; the server finds the ticket in the user's scope.
      const into = field({ name: 'intoNumber', label: t('form.intoNumber'), hint: t('intake.intoNumber.hint'), required: true,
        control: h('input', { type: 'text', maxlength: '40', autocomplete: 'off', spellcheck: 'false' }) });
      return { fields: [into], body: () => ({ intoNumber: orNull(value(into)) }) };
    }
    case 'supervision-reply': {
      // The open orders, oldest first: the first is chosen, as it is due soonest at the same level.
      const open = (ticket.supervisionOrders ?? []).filter(o => o.state === 'open' || o.state === 'overdue');
      const order = field({ name: 'orderId', label: t('orders.which'), required: true, control: h('select', {},
        open.map(o => h('option', { value: o.orderId }, t('orders.option', { cause: word('supervisionCause', o.cause), due: dateTime(o.dueAt) })))) });
      const reply = text('reply', t('orders.reply'), { required: true, long: true });
      return { fields: [order, reply], body: () => ({ orderId: orNull(value(order)), reply: orNull(value(reply)) }) };
    }
    case 'remind': {
      const note = text('note', t('form.remindNote'), { required: true, long: true });
      return { fields: [note], body: () => ({ note: orNull(value(note)) }) };
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
