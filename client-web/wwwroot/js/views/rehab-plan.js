// 康复计划: one plan's person, provider and schedule, every visit of it with its status, ending it (终止计划), its history.
import { api } from '../api.js';
import { fill, h } from '../dom.js';
import { t, word } from '../i18n.js';
import { dateTime } from '../format.js';
import { countyName, textLimits, unitName } from '../reference.js';
import { itemPage } from '../parts/item-page.js';
import { visitTable } from '../parts/item-tables.js';
import { revealable } from '../parts/reveal.js';
import { routingText } from '../parts/routing-text.js';

/** Mirrors RehabPlanRules.MayEnd; the server still decides. */
const mayEnd = (plan, user) => plan.status === 'active'
  && (user.role === 'admin' || user.role === 'operator' || (user.role === 'unit_staff' && user.unitCode === plan.providerCode));

export async function render(main, { params, user }) {
  const url = `/api/rehab-plans/${encodeURIComponent(params.id)}`;
  await itemPage(main, user, {
    url,
    title: plan => t('plan.title', { service: word('serviceType', plan.serviceType), person: plan.person?.name ?? '' }),
    facts: plan => facts(plan, user, url),
    clockNames: [],
    actionGroup: 'planAction',
    eventGroup: 'planEvent',
    offered: (plan, who) => (mayEnd(plan, who) ? ['end'] : []),
    formFor: () => [{ name: 'reason', label: t('plan.endReason'), kind: 'long', required: true, max: textLimits().note, hint: t('plan.endReason.hint') }],
    panel: visitsPanel,
    eventDetail: entry => [entry.data?.reason, routingText(entry.data?.routing)],
  });
}

async function facts(plan, user, url) {
  const p = plan.person ?? {};
  return [
    [t('col.status'), word('planStatus', plan.status)],
    [t('visit.serviceType'), word('serviceType', plan.serviceType)],
    [t('visit.person'), p.name],
    [t('ticket.phone'), revealable(url, 'personPhone', p.phone, user)],
    [t('ticket.place'), [await countyName(p.countyCode), p.address].filter(Boolean).join(' · ')],
    [t('visit.provider'), await unitName(plan.providerCode)],
    [t('plan.schedule'), t('plan.scheduleText', { frequency: word('frequency', plan.frequency), n: plan.count, minutes: plan.windowMinutes })],
    [t('plan.createdAt'), dateTime(plan.createdAt)],
    [t('plan.endedAt'), plan.endedAt ? `${dateTime(plan.endedAt)}（${plan.endReason}）` : null],
  ];
}

/** Every visit of the plan with its current status, read from the visit list (the plan itself knows only the windows). */
function visitsPanel(plan) {
  const section = h('section', { class: 'panel', id: 'plan-visits', 'aria-labelledby': 'plan-visits-heading' },
    h('h2', { id: 'plan-visits-heading' }, t('plan.visits', { n: plan.visits.length })), h('p', { class: 'hint' }, t('app.loading')));
  api(`/api/rehab-visits?plan=${encodeURIComponent(plan.id)}&pageSize=100`)
    .then(page => {
      const rows = [...page.items].sort((a, b) => (a.planSequence ?? 0) - (b.planSequence ?? 0));
      fill(section, h('h2', { id: 'plan-visits-heading' }, t('plan.visits', { n: plan.visits.length })),
        visitTable(t('plan.visits.caption'), rows) ?? h('p', { class: 'empty' }, t('plan.visits.none')));
    })
    .catch(problem => fill(section, h('h2', { id: 'plan-visits-heading' }, t('plan.visits', { n: plan.visits.length })),
      h('p', { class: 'notice failure', role: 'alert' }, problem.text ?? String(problem))));
  return section;
}

