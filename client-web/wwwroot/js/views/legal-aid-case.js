// One legal-aid case: facts, the four statutory clocks, the actions the station (or reviewer) may take, the history.
import { t, word } from '../i18n.js';
import { dateTime } from '../format.js';
import { countyName, unitName, unitNameNow } from '../reference.js';
import { itemPage, ticketLink } from '../parts/item-page.js';
import { caseForm, offeredCaseActions } from '../parts/case-actions.js';
import { revealable } from '../parts/reveal.js';

export async function render(main, { params, user }) {
  await itemPage(main, user, {
    url: `/api/legal-aid-cases/${encodeURIComponent(params.id)}`,
    title: item => t('case.title', { number: item.number }),
    facts: c => facts(c, user),
    clockNames: ['decision', 'assignment', 'agreement', 'objectionReview'],
    actionGroup: 'caseAction',
    eventGroup: 'caseEvent',
    offered: offeredCaseActions,
    formFor: caseForm,
    eventDetail,
  });
}

async function facts(c, user) {
  const a = c.applicant ?? {};
  const url = `/api/legal-aid-cases/${encodeURIComponent(c.id)}`;
  const yes = value => (value ? t('form.yesPlain') : null);
  return [
    [t('col.status'), [word('caseStatus', c.status), c.documentsPending ? ` · ${t('case.documentsPending')}` : ''].join('')],
    [t('case.caseType'), word('caseType', c.caseType)],
    [t('case.applicant'), a.name],
    [t('ticket.phone'), revealable(url, 'applicantPhone', a.phone, user)],
    [t('ticket.residentId'), revealable(url, 'residentId', a.residentId, user)],
    [t('ticket.certificate'), revealable(url, 'disabilityCertificate', a.disabilityCertificate, user)],
    [t('ticket.place'), [await countyName(c.countyCode), a.address].filter(Boolean).join(' · ')],
    [t('case.station'), await unitName(c.stationCode)],
    [t('case.cityLevel'), yes(c.cityLevel)],
    [t('case.summary'), c.summary],
    [t('item.ticket'), ticketLink(c.ticket)],
    [t('case.appliedAt'), dateTime(c.appliedAt)],
    [t('case.acceptedAt'), c.acceptedAt ? dateTime(c.acceptedAt) : null],
    [t('case.documents'), c.documentRequests?.length ? c.documentRequests.map(d =>
      `${d.documents}（${dateTime(d.requestedAt)}${d.receivedAt ? ` → ${dateTime(d.receivedAt)}` : ''}）`).join('；') : null],
    [t('case.decidedAt'), c.decidedAt ? dateTime(c.decidedAt) : null],
    [t('case.form.reasons'), c.refusalReasons],
    [t('case.objectionWindow'), c.objectionWindowEndsAt ? dateTime(c.objectionWindowEndsAt) : null],
    [t('case.objection'), c.objection ? [c.objection.grounds, c.objection.decision && word('objectionDecision', c.objection.decision), c.objection.note]
      .filter(Boolean).join(' · ') : null],
    [t('case.handler'), c.handler ? [c.handler.name, word('handlerKind', c.handler.kind), c.handler.organisation, c.handler.phone].filter(Boolean).join(' · ') : null],
    [t('case.form.signedOn'), c.agreementSignedOn],
    [t('case.progress'), c.progress?.length ? c.progress.map(p => `${dateTime(p.at)} ${p.note}`).join('；') : null],
    [t('case.form.outcome'), c.outcome ? `${word('outcome', c.outcome)} · ${c.outcomeSummary ?? ''}` : null],
    [t('case.archivedAt'), c.archivedAt ? dateTime(c.archivedAt) : null],
  ];
}

function eventDetail(entry) {
  const d = entry.data ?? {};
  return [
    d.stationCode && unitNameNow(d.stationCode), d.caseType && word('caseType', d.caseType), d.clock && word('clockName', d.clock),
    d.documents, d.reasons, d.grounds, d.decision && word('objectionDecision', d.decision),
    d.name && [d.name, d.kind && word('handlerKind', d.kind)].filter(Boolean).join(' '), d.signedOn,
    d.outcome && word('outcome', d.outcome), d.summary && entry.type !== 'opened' ? d.summary : null, d.note,
  ];
}
