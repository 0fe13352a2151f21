// A ticket's linked cases and visits, and opening a legal-aid case or requesting a rehab visit from it (转法律援助 / 转上门康复).
import { api, newIdempotencyKey } from '../api.js';
import { announce, fill, h } from '../dom.js';
import { t, word } from '../i18n.js';
import { dateTime } from '../format.js';
import { checkedForm } from './checked-form.js';
import { openCaseForm } from './case-actions.js';
import { openVisitForm } from './visit-actions.js';

const itemRoute = { legal_aid_case: 'legal-aid-cases', rehab_visit: 'rehab-visits', ticket: 'tickets' };

/** The items opened from this ticket, each linking to its page. */
export function linksPanel(ticket) {
  const links = ticket.links ?? [];
  return h('section', { class: 'panel', id: 'ticket-links', 'aria-labelledby': 'links-heading' },
    h('h2', { id: 'links-heading' }, t('links.title')),
    links.length
      ? h('ul', { class: 'links' }, links.map(l => h('li', {},
        h('span', { class: 'item-type' }, word('itemType', l.itemType)), ' ',
        h('a', { href: `#/${itemRoute[l.itemType]}/${l.id}` }, l.number), ' · ',
        l.itemType === 'legal_aid_case' ? word('caseType', l.label) : word('serviceType', l.label), ' · ',
        h('time', { datetime: l.linkedAt }, dateTime(l.linkedAt)))))
      : h('p', { class: 'empty' }, t('links.none')));
}

const referrals = {
  'open-legal-aid': { path: 'legal-aid', form: openCaseForm, route: 'legal-aid-cases' },
  'open-rehab-visit': { path: 'rehab-visits', form: openVisitForm, route: 'rehab-visits' },
};

/** The referrals this user may start: operators and admins both; the handling unit a legal-aid case (TicketReferrals). */
export function offeredReferrals(ticket, user) {
  if (ticket.mergedInto) return [];
  if (user.role === 'operator' || user.role === 'admin') return Object.keys(referrals);
  return user.role === 'unit_staff' && user.unitCode === ticket.unitCode ? ['open-legal-aid'] : [];
}

/** A checked form for one referral; on success goes to the new item's page. */
export function referralForm(name, ticket, { onCancel, go }) {
  const referral = referrals[name];
  const form = checkedForm(referral.form());
  const error = h('p', { class: 'field-error', id: 'referral-error', role: 'alert' });
  const key = newIdempotencyKey();
  const label = word('action', name);
  const el = h('form', { class: 'action-form', novalidate: true, 'aria-label': label },
    h('h3', {}, label), h('p', { class: 'hint' }, t(`links.${name}.hint`)),
    h('div', { class: 'grid' }, form.fields.map(f => f.wrap)), error,
    h('p', { class: 'toolbar' },
      h('button', { type: 'submit', class: 'primary', id: 'referral-submit' }, t('form.submit', { action: label })),
      h('button', { type: 'button', onclick: onCancel }, t('form.cancel'))));
  el.addEventListener('submit', async event => {
    event.preventDefault();
    fill(error);
    if (!form.check()) { error.textContent = t('item.fixFields'); form.focusFirst(); return; }
    const body = form.body();
    if (name === 'open-rehab-visit' && !body.windowStart) delete body.windowMinutes;
    try {
      const item = await api(`/api/tickets/${ticket.id}/${referral.path}`, { method: 'POST', body, headers: { 'Idempotency-Key': key } });
      announce(t('links.opened', { number: item.number }));
      go(`${referral.route}/${item.id}`);
    } catch (problem) {
      error.textContent = form.showServerErrors(problem) ? t('item.fixFields') : problem.text;
      form.focusFirst();
    }
  });
  return { el, focus: () => form.fields[0].control.focus() };
}
