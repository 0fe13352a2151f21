// One home-rehabilitation visit: acceptance (受理), window, worker, clocks, the provider's actions (double booking shown clearly), history.
import { h } from '../dom.js';
import { api } from '../api.js';
import { t, word } from '../i18n.js';
import { dateTime } from '../format.js';
import { countyName, unitName } from '../reference.js';
import { itemPage, ticketLink } from '../parts/item-page.js';
import { offeredVisitActions, visitForm } from '../parts/visit-actions.js';
import { revealable } from '../parts/reveal.js';
import { routingText } from '../parts/routing-text.js';
import { ordersFact } from '../parts/supervision-orders.js';

export async function render(main, { params, user }) {
  await itemPage(main, user, {
    url: `/api/rehab-visits/${encodeURIComponent(params.id)}`,
    title: item => t('visit.title', { number: item.number }),
    facts: v => facts(v, user),
    clockNames: ['firstVisit', 'window', 'record'],
    actionGroup: 'visitAction',
    eventGroup: 'visitEvent',
    offered: offeredVisitActions,
    formFor: (action, item) => (action === 'assign' && offer.visit === item.id && offer.roster ? assignForm(offer.free) : visitForm(action, item)),
    eventDetail,
    conflictField: problem => (problem.code.startsWith('worker_') ? 'workerId' : null),
    unitOf: item => item.providerCode,
    attachments: {},
  });
}

/**
 * The free workers of the provider's roster for the visit's window, read with the visit (facts): 派人 becomes a choice
 * among them. A provider without a roster yet still types the worker's id and name.
 */
const offer = { visit: null, roster: false, free: [] };

async function readOffer(v, user) {
  Object.assign(offer, { visit: v.id, roster: false, free: [] });
  if (!v.windowStart || !offeredVisitActions(v, user).includes('assign')) return;
  const base = `/api/rehab-providers/${encodeURIComponent(v.providerCode)}/workers`;
  const [roster, free] = await Promise.all([api(base), api(`${base}/free?visit=${encodeURIComponent(v.id)}`)]);
  Object.assign(offer, { roster: roster.length > 0, free });
}

const assignForm = free => [{
  name: 'workerId', label: t('visit.form.freeWorker'), kind: 'choice', required: true,
  hint: free.length ? t('visit.form.freeWorker.hint') : t('visit.form.noFreeWorker'),
  options: free.map(w => ({ value: w.workerId, label: t('visit.form.freeWorker.option', { name: w.name, id: w.workerId, n: w.bookedThisWeek }) })),
}];

export const windowText = (start, end) => (start ? `${dateTime(start)}–${dateTime(end).slice(-5)}` : '—');

async function facts(v, user) {
  await readOffer(v, user);
  const p = v.person ?? {};
  const url = `/api/rehab-visits/${encodeURIComponent(v.id)}`;
  return [
    [t('col.status'), word('visitStatus', v.status)],
    [t('visit.serviceType'), word('serviceType', v.serviceType)],
    [t('visit.person'), p.name],
    [t('ticket.phone'), revealable(url, 'personPhone', p.phone, user)],
    [t('ticket.residentId'), revealable(url, 'residentId', p.residentId, user)],
    [t('ticket.certificate'), revealable(url, 'disabilityCertificate', p.disabilityCertificate, user)],
    [t('ticket.place'), [await countyName(v.countyCode), p.address].filter(Boolean).join(' · ')],
    [t('visit.provider'), await unitName(v.providerCode)],
    [t('visit.window'), v.windowStart ? windowText(v.windowStart, v.windowEnd) : t('visit.noWindow')],
    [t('visit.worker'), v.workerId ? `${v.workerName}（${v.workerId}）` : t('visit.noWorker')],
    [t('visit.plan'), v.planId ? h('a', { href: `#/rehab-plans/${v.planId}`, id: 'plan-link' }, t('visit.planSequence', { n: v.planSequence })) : null],
    [t('item.ticket'), ticketLink(v.ticket)],
    [t('visit.requestedAt'), dateTime(v.requestedAt)],
    [t('visit.acceptedAt'), v.acceptedAt ? dateTime(v.acceptedAt) : (v.status === 'requested' ? t('visit.notAccepted') : null)],
    [t('visit.askedWindow'), v.askedWindowStart ? windowText(v.askedWindowStart, v.askedWindowEnd) : null],
    [t('visit.checkedInAt'), v.checkedInAt ? dateTime(v.checkedInAt) : null],
    [t('visit.completedAt'), v.completedAt ? dateTime(v.completedAt) : null],
    [t('visit.form.notes'), v.recordNotes],
    [t('visit.form.missReason'), v.missedReason],
    [t('visit.form.cancelReason'), v.cancelReason],
    [t('visit.reschedules'), v.reschedules?.length ? v.reschedules.map(r => `${windowText(r.toStart, r.toEnd)}（${r.reason}）`).join('；') : null],
    [t('form.note'), v.note],
    [t('orders.label'), ordersFact(v.supervisionOrders, 'visit-orders')],
  ];
}

function eventDetail(entry) {
  const d = entry.data ?? {};
  return [
    d.serviceType && word('serviceType', d.serviceType), d.windowStart && windowText(d.windowStart, d.windowEnd),
    d.workerName && `${d.workerName}（${d.workerId}）`, d.clock && word('clockName', d.clock),
    d.level && word('supervisionLevel', d.level), d.cause && word('supervisionCause', d.cause), d.reply, d.reason, d.notes, d.note, routingText(d.routing),
  ];
}
