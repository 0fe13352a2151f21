// 交办单: the ticket as a printable dispatch slip for the handling unit (number, received, caller masked, content, unit,
// deadlines, the dispatcher's instructions), and the written notices of the petition procedure (受理 / 不予受理告知书,
// 答复意见书, 延期告知). The print stylesheet lays them out on A4, one document per page.
import { api } from '../api.js';
import { h } from '../dom.js';
import { t, word } from '../i18n.js';
import { dateTime } from '../format.js';
import { countyName, unitName } from '../reference.js';

/** The caller's name as a slip shows it: the family name, the rest masked (张**). */
const maskedName = name => {
  const chars = [...(name ?? '')];
  return chars.length ? chars[0] + '*'.repeat(Math.max(1, chars.length - 1)) : '';
};

export async function render(main, { params }) {
  const url = `/api/tickets/${encodeURIComponent(params.id)}`;
  let ticket;
  let history;
  try {
    [ticket, history] = await Promise.all([api(url), api(`${url}/history`)]);
  } catch (problem) {
    main.append(h('h1', {}, t('app.notFound')), h('p', { class: 'notice failure', role: 'alert' }, problem.text));
    return;
  }
  const dispatched = [...history].reverse().find(e => e.type === 'dispatched' || e.type === 'transferred');
  const unit = ticket.unitCode ? await unitName(ticket.unitCode) : null;
  const print = h('button', { type: 'button', class: 'primary', id: 'slip-print', onclick: () => window.print() }, t('slip.print'));
  main.append(
    h('h1', { class: 'no-print' }, t('slip.title', { number: ticket.number })),
    h('p', { class: 'toolbar no-print' }, print, h('a', { class: 'button', href: `#/tickets/${ticket.id}` }, t('slip.back'))),
    slip(ticket, unit, dispatched, await countyName(ticket.countyCode)),
    ...petitionNotices(ticket, unit));
}

function slip(v, unit, dispatched, county) {
  const d = v.deadlines ?? {};
  const rows = [
    [t('slip.number'), v.number, t('slip.received'), dateTime(v.receivedAt)],
    [t('slip.caller'), maskedName(v.callerName), t('slip.phone'), v.callerPhone || '—'],
    [t('slip.contact'), word('contactMethod', v.contactMethod), t('slip.guardian'),
      v.guardian ? `${maskedName(v.guardian.name)}（${word('guardianRelation', v.guardian.relation)}） ${v.guardian.phone}` : '—'],
    [t('slip.channel'), word('channel', v.channel), t('slip.place'), [county, v.townCode].filter(Boolean).join(' ')],
    [t('slip.kind'), `${word('kind', v.kind)} · ${word('topic', v.topic)}`, t('slip.urgency'), word('urgency', v.urgency)],
    [t('slip.unit'), unit ?? '—', t('slip.dispatchedAt'), dispatched ? dateTime(dispatched.occurredAt) : '—'],
    [t('slip.signBy'), d.signFor ? dateTime(d.signFor.dueAt) : '—', t('slip.handleBy'), d.handling ? dateTime(d.handling.dueAt) : '—'],
  ];
  return h('article', { class: 'slip panel', id: 'dispatch-slip', 'aria-labelledby': 'slip-heading' },
    h('header', { class: 'slip-head' },
      h('p', { class: 'slip-org' }, t('slip.org')),
      h('h2', { id: 'slip-heading' }, t('slip.heading')),
      h('p', { class: 'slip-no' }, t('slip.no', { number: v.number }))),
    h('table', { class: 'slip-table' },
      h('caption', { class: 'visually-hidden' }, t('slip.heading')),
      h('tbody', {},
        rows.map(([a, x, b, y]) => h('tr', {}, h('th', { scope: 'row' }, a), h('td', {}, x), h('th', { scope: 'row' }, b), h('td', {}, y))),
        h('tr', {}, h('th', { scope: 'row' }, t('slip.title2')), h('td', { colspan: '3' }, v.title)),
        h('tr', { class: 'slip-content' }, h('th', { scope: 'row' }, t('slip.content')), h('td', { colspan: '3' }, v.content)),
        h('tr', {}, h('th', { scope: 'row' }, t('slip.instructions')),
          h('td', { colspan: '3' }, dispatched?.data?.note || t('slip.instructions.default'))),
        h('tr', { class: 'slip-sign' }, h('th', { scope: 'row' }, t('slip.signedBy')), h('td', {}, ''),
          h('th', { scope: 'row' }, t('slip.signedAt')), h('td', {}, '')))),
    h('p', { class: 'slip-foot' }, t('slip.foot')));
}

/** The written notices the petition procedure produced so far, each its own page. */
function petitionNotices(v, unit) {
  const p = v.petition;
  if (!p) return [];
  const docs = [];
  const decision = p.acceptance;
  if (decision) {
    docs.push(notice(v, decision.accepted ? 'slip.notice.accepted' : 'slip.notice.notAccepted', unit, decision.notice, [
      decision.accepted ? t('slip.notice.acceptedText', { number: v.number }) : t('slip.notice.notAcceptedText', {
        number: v.number, reason: word('notAcceptedReason', decision.reasonCode),
      }),
      decision.note,
    ]));
  }
  (v.extensions ?? []).filter(e => e.approved !== null && e.notice).forEach(e => docs.push(notice(v, 'slip.notice.extension', unit, e.notice, [
    t(e.approved ? 'slip.notice.extensionApproved' : 'slip.notice.extensionRefused', { number: v.number, amount: e.amount }), e.reason,
  ])));
  if (p.answerNotice) {
    docs.push(notice(v, p.stage === 'petition' ? 'slip.notice.reply' : 'slip.notice.reviewReply', unit, p.answerNotice, [
      v.reply, p.outcome ? word('reviewOutcome', p.outcome) : null, p.reviewWindowEndsAt ? t('slip.notice.reviewWindow', { until: dateTime(p.reviewWindowEndsAt) }) : null,
    ]));
  }
  return docs;
}

function notice(v, titleKey, unit, sent, paragraphs) {
  const id = `notice-${titleKey.split('.').pop()}-${sent?.sentOn ?? ''}`;
  return h('article', { class: 'slip slip-notice panel', id, 'aria-labelledby': `${id}-heading` },
    h('header', { class: 'slip-head' },
      h('h2', { id: `${id}-heading` }, t(titleKey)),
      h('p', { class: 'slip-no' }, t('slip.no', { number: v.number }))),
    h('p', {}, t('slip.notice.to', { name: maskedName(v.callerName) })),
    paragraphs.filter(Boolean).map(text => h('p', { class: 'slip-paragraph' }, text)),
    h('p', { class: 'slip-sender' }, unit ?? ''),
    h('p', { class: 'slip-sender' }, sent ? t('slip.notice.sent', { date: sent.sentOn, method: word('noticeMethod', sent.method) }) : ''));
}
