// One legal-aid case: facts, the eligibility checklist, the four statutory clocks, the actions the station (or reviewer) may take, the history.
import { t, word } from '../i18n.js';
import { dateTime } from '../format.js';
import { countyName, loadUnits, nameOf, unitName, unitNameNow } from '../reference.js';
import { announce, fill, h } from '../dom.js';
import { api } from '../api.js';
import { itemPage, ticketLink } from '../parts/item-page.js';
import { caseForm, offeredCaseActions } from '../parts/case-actions.js';
import { revealable } from '../parts/reveal.js';
import { checkedForm } from '../parts/checked-form.js';
import { eligibilityDetail, eligibilityForm, eligibilityPanel } from '../parts/case-eligibility.js';
import { routingText } from '../parts/routing-text.js';
import { ordersFact } from '../parts/supervision-orders.js';

export async function render(main, { params, user }) {
  const stations = (await loadUnits()).filter(u => u.kind === 'legal_aid' && u.active);
  await itemPage(main, user, {
    url: `/api/legal-aid-cases/${encodeURIComponent(params.id)}`,
    title: item => t('case.title', { number: item.number }),
    facts: c => facts(c, user),
    clockNames: ['decision', 'assignment', 'agreement', 'objectionReview'],
    actionGroup: 'caseAction',
    eventGroup: 'caseEvent',
    offered: offeredCaseActions,
    formFor: caseForm,
    form: (action, item) => (action === 'eligibility' ? eligibilityForm(item) : actionForm(action, item)),
    ownForm: (action, item, { onCancel }) => (action === 'transfer' ? transferForm(main, item, stations, onCancel) : null),
    formShown: (action, form, item) => { if (action === 'assign') offerRotation(item, form.fields[0].control); },
    panel: item => (item.eligibility || ['applied', 'under_review'].includes(item.status) ? eligibilityPanel(item) : null),
    eventDetail,
    unitOf: item => item.stationCode,
    attachments: {},
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
    [t('case.opposingParty'), c.opposingParty],
    [t('item.ticket'), ticketLink(c.ticket)],
    [t('case.appliedAt'), dateTime(c.appliedAt)],
    [t('case.acceptedAt'), c.acceptedAt ? dateTime(c.acceptedAt) : null],
    [t('case.documents'), c.documentRequests?.length ? c.documentRequests.map(d =>
      `${d.documents}（${dateTime(d.requestedAt)}${d.respondBy ? ` · ${t('case.respondBy', { date: d.respondBy })}` : ''}${d.receivedAt ? ` → ${dateTime(d.receivedAt)}` : ''}）`).join('；') : null],
    [t('case.transfers'), c.transfers?.length ? c.transfers.map(x =>
      `${unitNameNow(x.fromStation)} → ${unitNameNow(x.toStation)}（${dateTime(x.at)} · ${x.reason}）`).join('；') : null],
    [t('case.withdrawnAt'), c.withdrawnAt ? dateTime(c.withdrawnAt) : null],
    [t('case.terminated'), c.terminatedAt ? [dateTime(c.terminatedAt), word('terminationReason', c.terminationReason), c.terminationNote].filter(Boolean).join(' · ') : null],
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
    [t('orders.label'), ordersFact(c.supervisionOrders, 'case-orders')],
  ];
}

const actionForm = (action, item) => checkedForm(caseForm(action, item));

/**
 * 移送: the other active legal-aid stations by name, and the reason. Once moved the case is no longer this station's,
 * so the page says where it went instead of reloading a case it may not see any more.
 */
function transferForm(main, item, stations, onCancel) {
  const form = checkedForm(caseForm('transfer', item));
  form.fields[0].control.append(...stations.filter(u => u.code !== item.stationCode).map(u => h('option', { value: u.code }, nameOf(u))));
  const error = h('p', { class: 'field-error', id: 'action-error', role: 'alert' });
  const title = t('caseAction.transfer');
  const el = h('form', { class: 'action-form', novalidate: true, 'aria-label': title }, h('h3', {}, title),
    h('div', { class: 'grid' }, form.fields.map(f => f.wrap)), error,
    h('p', { class: 'toolbar' }, h('button', { type: 'submit', class: 'primary', id: 'action-submit' }, t('form.submit', { action: title })),
      h('button', { type: 'button', onclick: onCancel }, t('form.cancel'))));
  el.addEventListener('submit', async event => {
    event.preventDefault();
    error.textContent = '';
    if (!form.check()) { error.textContent = t('item.fixFields'); form.focusFirst(); return; }
    try {
      const moved = await api(`/api/legal-aid-cases/${encodeURIComponent(item.id)}/transfer`,
        { method: 'POST', body: form.body(), headers: { 'If-Match': `"${item.version}"` } });
      const message = t('case.transferred', { number: moved.number, station: unitNameNow(moved.stationCode) });
      const back = h('a', { class: 'button', id: 'case-transferred-back', href: '#/legal-aid-worklist' }, t('case.worklist'));
      fill(main, h('h1', {}, t('case.title', { number: moved.number })),
        h('div', { class: 'notice success', id: 'item-notice', role: 'status' }, h('p', {}, message), h('p', {}, back)));
      announce(message);
      back.focus();
    } catch (problem) {
      const atFields = form.showServerErrors(problem);
      error.textContent = atFields ? t('item.fixFields') : problem.text;
      form.focusFirst();
    }
  });
  return { el, focus: () => form.focusFirst() };
}

/**
 * 轮派: the roster's members for this case, the rotation's pick first and chosen; members who may not take the case are
 * listed, disabled, with the reason (leave, cap, left, a conflict naming the party).
 */
async function offerRotation(item, select) {
  const offer = await api(`/api/legal-aid-cases/${encodeURIComponent(item.id)}/rotation`);
  const entries = [...offer.members].sort((a, b) => (b.member.id === offer.pick) - (a.member.id === offer.pick));
  const text = e => [e.member.name, word('handlerKind', e.member.kind), e.member.organisation,
    t('case.rotation.open', { n: e.openCases, cap: e.member.maxOpenCases }),
    e.member.id === offer.pick ? t('case.rotation.pick') : null,
    e.skip ? word('rotationSkip', e.skip) + (e.conflictParty ? `（${e.conflictParty}${e.conflictCase ? ` · ${e.conflictCase}` : ''}）` : '') : null,
    e.otherField ? t('case.rotation.otherField') : null].filter(Boolean).join(' · ');
  select.append(...entries.map(e => h('option', { value: e.member.id, disabled: Boolean(e.skip) }, text(e))));
  if (!entries.length) select.append(h('option', { value: '', disabled: true }, t('case.rotation.empty')));
  if (offer.pick) select.value = offer.pick;
}

function eventDetail(entry) {
  const d = entry.data ?? {};
  if (entry.type === 'eligibility_recorded') return [...eligibilityDetail(d), d.note];
  if (entry.type === 'transferred') return [`${unitNameNow(d.fromStation)} → ${unitNameNow(d.toStation)}`, d.reason];
  if (entry.type === 'terminated') return [word('terminationReason', d.reason), d.note];
  if (entry.type === 'withdrawn') return [t('case.respondBy', { date: d.respondBy }), d.note];
  return [
    d.stationCode && unitNameNow(d.stationCode), d.caseType && word('caseType', d.caseType), d.clock && word('clockName', d.clock),
    d.documents, d.respondBy && t('case.respondBy', { date: d.respondBy }), d.reasons, d.grounds, d.decision && word('objectionDecision', d.decision),
    d.name && [d.name, d.kind && word('handlerKind', d.kind)].filter(Boolean).join(' '),
    d.memberId ? t(d.rotationPick ? 'case.rotation.picked' : 'case.rotation.chosen') : null, d.reason, d.signedOn,
    d.outcome && word('outcome', d.outcome), d.summary && entry.type !== 'opened' ? d.summary : null,
    d.level && word('supervisionLevel', d.level), d.cause && word('supervisionCause', d.cause), d.reply, d.note, routingText(d.routing),
  ];
}
