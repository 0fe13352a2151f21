// One ticket on the shared item page: facts, deadlines, the actions this user may take (referrals too), the links, history.
import { api } from '../api.js';
import { t, word } from '../i18n.js';
import { dateTime } from '../format.js';
import { countyName, loadUnits, unitName, unitNameNow } from '../reference.js';
import { itemPage } from '../parts/item-page.js';
import { offeredActions, ticketForm } from '../parts/action-forms.js';
import { linksPanel, offeredReferrals, referralForm } from '../parts/ticket-referrals.js';

export async function render(main, { params, user, go }) {
  const units = await loadUnits();
  await itemPage(main, user, {
    url: `/api/tickets/${encodeURIComponent(params.id)}`,
    title: item => t('ticket.title', { number: item.number }),
    factsHeading: t('ticket.facts'),
    facts,
    notices: v => [
      v.suspended && t('ticket.suspendedBecause', { reason: word('suspendReason', v.suspendReason) }),
      v.awaitingRuling && t('ticket.awaitingRuling'),
    ],
    panel: linksPanel,
    clockNames: ['signFor', 'handling', 'callback'],
    actionGroup: 'action',
    eventGroup: 'event',
    offered: (item, who) => [...offeredActions(item, who), ...offeredReferrals(item, who)],
    form: (action, item) => ticketForm(action, item, units),
    ownForm: (action, item, { onCancel }) => (offeredReferrals(item, user).includes(action) ? referralForm(action, item, { go, onCancel }) : null),
    formShown: (action, form, item) => { if (action === 'dispatch') showSuggestion(item, form.fields[0].control); },
    eventDetail,
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

async function facts(v) {
  return [
    [t('col.status'), word('status', v.status)],
    [t('col.title'), v.title],
    [t('col.kind'), `${word('kind', v.kind)} · ${word('topic', v.topic)} · ${word('urgency', v.urgency)} · ${word('channel', v.channel)}`],
    [t('ticket.caller'), v.callerName],
    [t('ticket.phone'), v.callerPhone],
    [t('ticket.residentId'), v.residentId],
    [t('ticket.certificate'), v.disabilityCertificate],
    [t('ticket.place'), [await countyName(v.countyCode), v.townCode].filter(Boolean).join(' · ')],
    [t('ticket.address'), v.address],
    [t('ticket.content'), v.content],
    [t('ticket.unit'), v.unitCode ? await unitName(v.unitCode) : null],
    [t('ticket.received'), dateTime(v.receivedAt)],
    [t('ticket.reply'), v.reply],
    [t('ticket.satisfaction'), v.satisfaction ? word('satisfaction', v.satisfaction) : null],
    [t('ticket.returns'), v.returnCount || null],
    [t('ticket.repeat'), v.repeatCount || null],
  ];
}

function eventDetail(entry) {
  if (entry.type === 'registered') return [];
  const d = entry.data ?? {};
  return [
    d.unitCode && unitNameNow(d.unitCode), d.toUnit && `→ ${unitNameNow(d.toUnit)}`,
    d.reasonCode && word(entry.type === 'returned' ? 'returnReason' : 'suspendReason', d.reasonCode),
    d.clock && word('clockName', d.clock), d.satisfaction && word('satisfaction', d.satisfaction),
    d.reached === false && t('form.no'), d.approved !== undefined && t(d.approved ? 'form.approve' : 'form.reject'),
    d.reply, d.reason, d.note, d.intoNumber,
  ];
}
