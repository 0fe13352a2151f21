// 康复计划: one plan's person, provider and schedule, every visit of it with its status, amending (调整计划), pausing (暂停),
// resuming (恢复) and ending it (终止计划), its history.
import { api } from '../api.js';
import { fill, h } from '../dom.js';
import { t, word } from '../i18n.js';
import { dateTime, shanghaiDate } from '../format.js';
import { countyName, textLimits, unitName } from '../reference.js';
import { itemPage } from '../parts/item-page.js';
import { visitTable } from '../parts/item-tables.js';
import { revealable } from '../parts/reveal.js';
import { routingText } from '../parts/routing-text.js';

/** Mirrors RehabPlanRules.MayEnd (the same people amend, pause and resume); the server still decides. */
const mayChange = (plan, user) => plan.status !== 'ended'
  && (user.role === 'admin' || user.role === 'operator' || (user.role === 'unit_staff' && user.unitCode === plan.providerCode));

/** What a plan offers: amend and pause while active, resume while paused, end until it has ended. */
const offeredPlanActions = (plan, user) => {
  if (!mayChange(plan, user)) return [];
  return plan.status === 'paused' ? ['resume', 'end'] : ['amend', 'pause', 'end'];
};

const reason = (label, hint) => ({ name: 'reason', label, kind: 'long', required: true, max: textLimits().note, hint });

function planForm(action, plan) {
  switch (action) {
    case 'amend':
      return [
        { name: 'count', label: t('plan.f.count'), kind: 'number', min: 1, max: 52, value: plan.count, hint: t('plan.amend.count.hint') },
        { name: 'frequency', label: t('plan.schedule'), kind: 'choice', value: plan.frequency,
          options: ['weekly', 'fortnightly'].map(value => ({ value, label: word('frequency', value) })) },
        { name: 'timeOfDay', label: t('plan.amend.time'), kind: 'time', hint: t('plan.amend.time.hint') },
        { name: 'windowMinutes', label: t('visit.form.minutes'), kind: 'number', min: 30, max: 480, value: plan.windowMinutes },
        reason(t('plan.amend.reason'), t('plan.amend.reason.hint')),
      ];
    case 'pause':
      return [
        { name: 'from', label: t('plan.pause.from'), kind: 'date', required: true, value: shanghaiDate() },
        { name: 'until', label: t('plan.pause.until'), kind: 'date', hint: t('plan.pause.until.hint') },
        reason(t('plan.pause.reason'), t('plan.pause.reason.hint')),
      ];
    case 'resume':
      return [reason(t('plan.resume.reason'), t('plan.resume.reason.hint', { n: plan.pausedVisits }))];
    default:
      return [reason(t('plan.endReason'), t('plan.endReason.hint'))];
  }
}

const sequences = list => (list ?? []).map(n => t('plan.sequence', { n })).join('、');

/** The history line of a change: what it did to the visits, by their place in the plan. */
function changeDetail(entry) {
  const d = entry.data ?? {};
  switch (entry.type) {
    case 'amended':
      return [d.reason,
        d.fromCount !== d.count ? t('plan.change.count', { from: d.fromCount, to: d.count }) : null,
        d.fromFrequency !== d.frequency ? t('plan.change.frequency', { from: word('frequency', d.fromFrequency), to: word('frequency', d.frequency) }) : null,
        d.timeOfDay ? t('plan.change.time', { time: d.timeOfDay }) : null,
        d.fromWindowMinutes !== d.windowMinutes ? t('plan.change.minutes', { from: d.fromWindowMinutes, to: d.windowMinutes }) : null,
        d.added?.length ? t('plan.change.added', { list: sequences(d.added.map(v => v.sequence)) }) : null,
        d.moved?.length ? t('plan.change.moved', { list: sequences(d.moved.map(v => v.sequence)) }) : null,
        d.cancelled?.length ? t('plan.change.cancelled', { list: sequences(d.cancelled) }) : null];
    case 'paused':
      return [d.reason, t('plan.pausedText', { from: d.from, until: d.until ?? t('plan.pause.open') }),
        d.cancelled?.length ? t('plan.change.cancelled', { list: sequences(d.cancelled) }) : null];
    case 'resumed':
      return [d.reason, d.added?.length ? t('plan.change.added', { list: sequences(d.added.map(v => v.sequence)) }) : null];
    case 'change_applied':
      return [d.unassigned?.length ? t('plan.change.unassigned', { list: sequences(d.unassigned) }) : null];
    default:
      return [d.reason, routingText(d.routing)];
  }
}

/** The last change's moved visits whose worker could not keep the new window: they need a worker again. */
const notices = plan => {
  const last = plan.changes?.at(-1);
  return last?.unassigned?.length ? [t('plan.notice.unassigned', { list: sequences(last.unassigned) })] : [];
};

export async function render(main, { params, user }) {
  const url = `/api/rehab-plans/${encodeURIComponent(params.id)}`;
  await itemPage(main, user, {
    url,
    title: plan => t('plan.title', { service: word('serviceType', plan.serviceType), person: plan.person?.name ?? '' }),
    facts: plan => facts(plan, user, url),
    clockNames: [],
    actionGroup: 'planAction',
    eventGroup: 'planEvent',
    offered: offeredPlanActions,
    formFor: planForm,
    notices,
    panel: visitsPanel,
    eventDetail: changeDetail,
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
    [t('plan.paused'), plan.status === 'paused'
      ? `${t('plan.pausedText', { from: plan.pausedFrom, until: plan.pausedUntil ?? t('plan.pause.open') })}（${plan.pauseReason}）` : null],
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

