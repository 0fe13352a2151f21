// One ticket on the shared item page: facts, deadlines, the actions this user may take (referrals too), the links, history.
import { api } from '../api.js';
import { h } from '../dom.js';
import { t, word } from '../i18n.js';
import { dateTime } from '../format.js';
import { countyName, loadUnits, unitName, unitNameNow } from '../reference.js';
import { itemPage } from '../parts/item-page.js';
import { CALLBACK_ATTEMPTS, offeredActions, ticketForm } from '../parts/action-forms.js';
import { linksPanel, offeredReferrals, referralForm } from '../parts/ticket-referrals.js';
import { revealable } from '../parts/reveal.js';
import { routingText } from '../parts/routing-text.js';
import { ordersFact } from '../parts/supervision-orders.js';

export async function render(main, { params, user, go }) {
  const units = await loadUnits();
  await itemPage(main, user, {
    url: `/api/tickets/${encodeURIComponent(params.id)}`,
    title: item => t('ticket.title', { number: item.number }),
    factsHeading: t('ticket.facts'),
    facts: v => facts(v, user),
    notices: v => [
      v.suspended && t('ticket.suspendedBecause', { reason: word('suspendReason', v.suspendReason) }),
      v.awaitingRuling && t('ticket.awaitingRuling'),
      v.petition?.concludedBy && t('petition.concludedBy', { number: v.petition.concludedBy }),
      v.petition?.final && t('petition.final'),
    ],
    panel: linksPanel,
    clockNames: ['signFor', 'acceptance', 'handling', 'callback'],
    actionGroup: 'action',
    eventGroup: 'event',
    offered: (item, who) => [...offeredActions(item, who), ...offeredReferrals(item, who)],
    form: (action, item) => ticketForm(action, item, units),
    ownForm: (action, item, { onCancel }) => (offeredReferrals(item, user).includes(action) ? referralForm(action, item, { go, onCancel }) : null),
    formShown: (action, form, item) => { if (action === 'dispatch') showSuggestion(item, form.fields[0].control); },
    eventDetail,
    unitOf: item => item.unitCode,
    attachments: { hotline: true },
  });
}

/** Names the unit automatic dispatch would choose in the first option of the unit select. */
async function showSuggestion(v, select) {
  const q = new URLSearchParams({ countyCode: v.countyCode, kind: v.kind, topic: v.topic, ...(v.townCode ? { townCode: v.townCode } : {}) });
  try {
    const unit = await api(`/api/routing-suggestion?${q}`);
    select.options[0].textContent = t('intake.unit.autoWith', { name: await unitName(unit.unitCode) });
  } catch { /* no rule applies: the operator chooses */ }
}

async function facts(v, user) {
  const url = `/api/tickets/${encodeURIComponent(v.id)}`;
  return [
    [t('col.status'), word('status', v.status)],
    [t('col.title'), v.title],
    [t('col.kind'), `${word('kind', v.kind)} · ${word('topic', v.topic)} · ${word('urgency', v.urgency)} · ${word('channel', v.channel)}`],
    [t('ticket.caller'), v.callerName],
    [t('ticket.phone'), revealable(url, 'callerPhone', v.callerPhone, user)],
    [t('ticket.residentId'), revealable(url, 'residentId', v.residentId, user)],
    [t('ticket.certificate'), revealable(url, 'disabilityCertificate', v.disabilityCertificate, user)],
    [t('ticket.contactMethod'), h('span', { id: 'ticket-contact-method' }, word('contactMethod', v.contactMethod))],
    [t('intake.otherContact'), revealable(url, 'otherContact', v.otherContact, user)],
    [t('ticket.guardian'), v.guardian ? h('span', { id: 'ticket-guardian' }, `${v.guardian.name}（${word('guardianRelation', v.guardian.relation)}） `,
      revealable(url, 'guardianPhone', v.guardian.phone, user)) : null],
    [t('ticket.place'), [await countyName(v.countyCode), v.townCode].filter(Boolean).join(' · ')],
    [t('ticket.address'), v.address],
    [t('ticket.content'), v.content],
    [t('ticket.unit'), v.unitCode ? await unitName(v.unitCode) : null],
    [t('ticket.received'), dateTime(v.receivedAt)],
    [t('ticket.reply'), v.reply],
    [t('ticket.satisfaction'), v.satisfaction ? word('satisfaction', v.satisfaction) : null],
    [t('ticket.callbacks'), callbackFact(v)],
    [t('ticket.callbackNotice'), callbackNotice(v)],
    [t('ticket.returns'), v.returnCount || null],
    [t('ticket.repeat'), v.repeatCount || null],
    [t('orders.label'), ordersFact(v.supervisionOrders, 'ticket-orders')],
    ...petitionFacts(v.petition),
    [t('slip.label'), h('a', { href: `#/tickets/${encodeURIComponent(v.id)}/slip`, id: 'slip-link' }, t(v.petition ? 'slip.openWithNotices' : 'slip.open'))],
  ];
}

/** While a callback is owed: the failed attempts and when the next may be made. */
function callbackFact(v) {
  if (!v.failedCallbacks && !v.nextCallbackAt) return null;
  return [v.failedCallbacks ? t('ticket.callbackFailed', { n: v.failedCallbacks, limit: CALLBACK_ATTEMPTS }) : null,
    v.nextCallbackAt ? t('ticket.nextCallback', { at: dateTime(v.nextCallbackAt) }) : null].filter(Boolean).join(' · ');
}

/** The written notice (书面告知) recorded with the last failed callback attempt. */
function callbackNotice(v) {
  const n = [...(v.callbacks ?? [])].reverse().find(c => c.notice)?.notice;
  return n ? t('petition.noticeSent', { method: word('noticeMethod', n.method), date: n.sentOn, reference: n.reference ?? '' }) : null;
}

/** The petition procedure (信访): stage, the acceptance decision, the written answer, the review asked of it. */
function petitionFacts(p) {
  if (!p) return [];
  const link = (id, number) => h('a', { href: `#/tickets/${encodeURIComponent(id)}` }, number);
  const notice = n => n && t('petition.noticeSent', { method: word('noticeMethod', n.method), date: n.sentOn, reference: n.reference ?? '' });
  const decision = p.acceptance;
  return [
    [t('petition.stage'), word('petitionStage', p.stage)],
    [t('petition.reviewOf'), p.reviewOfId ? link(p.reviewOfId, p.reviewOfNumber) : null],
    [t('petition.decision'), decision && [word('acceptance', String(decision.accepted)),
      decision.reasonCode && word('notAcceptedReason', decision.reasonCode), dateTime(decision.decidedAt)].filter(Boolean).join(' · ')],
    [t('petition.decisionNotice'), decision && notice(decision.notice)],
    [t('petition.answerNotice'), notice(p.answerNotice)],
    [t('petition.outcome'), p.outcome && word('reviewOutcome', p.outcome)],
    [t('petition.reviewWindow'), p.reviewWindowEndsAt && dateTime(p.reviewWindowEndsAt)],
    [t('petition.reviewedBy'), p.reviewedBy && h('span', {}, `${word('petitionStage', p.reviewedBy.stage)} `, link(p.reviewedBy.id, p.reviewedBy.number))],
  ];
}

function eventDetail(entry) {
  if (entry.type === 'registered') return [];
  const d = entry.data ?? {};
  return [
    d.unitCode && unitNameNow(d.unitCode), d.toUnit && `→ ${unitNameNow(d.toUnit)}`,
    d.reasonCode && word({ returned: 'returnReason', acceptance_decided: 'notAcceptedReason' }[entry.type] ?? 'suspendReason', d.reasonCode),
    d.clock && word('clockName', d.clock), d.satisfaction && word('satisfaction', d.satisfaction),
    entry.type === 'acceptance_decided' && word('acceptance', String(d.accepted)), d.outcome && word('reviewOutcome', d.outcome),
    d.stage && word('petitionStage', d.stage), d.number,
    d.notice && t('petition.noticeSent', { method: word('noticeMethod', d.notice.method), date: d.notice.sentOn, reference: d.notice.reference ?? '' }),
    d.reached === false && t('form.no'), d.nextAttemptAt && t('ticket.nextCallback', { at: dateTime(d.nextAttemptAt) }), d.approved !== undefined && d.approved !== null && t(d.approved ? 'form.approve' : 'form.reject'),
    d.level && word('supervisionLevel', d.level), d.cause && word('supervisionCause', d.cause),
    d.reply, d.reason, d.note, d.intoNumber, routingText(d.routing),
  ];
}
