// One ticket: its facts, deadlines, the actions this user may take, and its history.
import { api, ApiProblem, ticketAction } from '../api.js';
import { announce, fill, h } from '../dom.js';
import { pick, t, word } from '../i18n.js';
import { clockBadge, dateTime } from '../format.js';
import { countyName, loadUnits, unitName, unitNameNow } from '../reference.js';
import { showError } from '../parts/fields.js';
import { actionForm, actionLabel, offeredActions } from '../parts/action-forms.js';
import { linksPanel, offeredReferrals, referralForm } from '../parts/ticket-referrals.js';

export async function render(main, { params, user, go }) {
  const units = await loadUnits();
  const state = { ticket: null };
  const heading = h('h1', {});
  const notice = h('div', { id: 'ticket-notice' });
  const facts = h('section', { class: 'panel', 'aria-labelledby': 'facts-heading' });
  const deadlines = h('section', { class: 'panel', 'aria-labelledby': 'deadlines-heading' });
  const actions = h('section', { class: 'panel', id: 'ticket-actions', 'aria-labelledby': 'actions-heading' });
  const history = h('section', { class: 'panel', 'aria-labelledby': 'history-heading' });
  const links = h('div', {});
  main.append(heading, notice, h('div', { class: 'columns' }, h('div', {}, facts, links, history), h('div', {}, deadlines, actions)));

  async function load() {
    try {
      const [ticket, entries] = await Promise.all([api(`/api/tickets/${params.id}`), api(`/api/tickets/${params.id}/history`)]);
      state.ticket = ticket;
      heading.textContent = t('ticket.title', { number: ticket.number });
      await drawFacts(facts, ticket);
      drawDeadlines(deadlines, ticket);
      fill(links, linksPanel(ticket));
      drawActions();
      drawHistory(history, entries);
    } catch (problem) {
      heading.textContent = t('app.notFound');
      fill(notice, h('p', { class: 'notice failure', role: 'alert' }, problem.text ?? String(problem)));
    }
  }

  function drawActions(open) {
    const offered = [...offeredActions(state.ticket, user), ...offeredReferrals(state.ticket, user)];
    const formArea = h('div', { id: 'action-form' });
    fill(actions, h('h2', { id: 'actions-heading', tabindex: '-1' }, t('ticket.actions')),
      offered.length
        ? h('div', { class: 'toolbar', role: 'group', 'aria-labelledby': 'actions-heading' },
          offered.map(action => h('button', { type: 'button', id: `act-${action}`, 'aria-expanded': open === action ? 'true' : null, onclick: () => start(action) }, actionLabel(action))))
        : h('p', { class: 'empty' }, t('ticket.noActions')),
      formArea);
  }

  function start(action) {
    if (offeredReferrals(state.ticket, user).includes(action)) {
      drawActions(action);
      const referral = referralForm(action, state.ticket, { go, onCancel: () => { drawActions(); actions.querySelector(`#act-${action}`)?.focus(); } });
      fill(actions.querySelector('#action-form'), referral.el);
      referral.focus();
      return;
    }
    const form = actionForm(action, state.ticket, units);
    if (!form.fields.length) { perform(action, form, null); return; }
    drawActions(action);
    const area = actions.querySelector('#action-form');
    const error = h('p', { class: 'field-error', role: 'alert' });
    const el = h('form', { class: 'action-form', novalidate: true, 'aria-label': actionLabel(action) },
      h('h3', {}, actionLabel(action)), form.fields.map(f => f.wrap), error,
      h('p', { class: 'toolbar' },
        h('button', { type: 'submit', class: 'primary' }, t('form.submit', { action: actionLabel(action) })),
        h('button', { type: 'button', onclick: () => { drawActions(); actions.querySelector(`#act-${action}`)?.focus(); } }, t('form.cancel'))));
    el.addEventListener('submit', event => { event.preventDefault(); perform(action, form, error); });
    fill(area, el);
    if (action === 'dispatch') showSuggestion(state.ticket, form.fields[0].control);
    (form.fields[0].control ?? form.fields[0].inputs[0]).focus();
  }

  async function perform(action, form, error) {
    form.fields.forEach(f => f.control && showError(f, ''));
    try {
      state.ticket = await ticketAction(state.ticket, action, form.body());
      const message = t('ticket.done', { action: actionLabel(action) });
      fill(notice, h('p', { class: 'notice success', role: 'status' }, message));
      announce(message);
      await load();
      actions.querySelector('#actions-heading').focus();
    } catch (problem) {
      if (problem instanceof ApiProblem && problem.status === 412) {
        await load();
        fill(notice, h('p', { class: 'notice failure', role: 'alert' }, t('ticket.stale')));
        return;
      }
      const byName = Object.fromEntries(form.fields.map(f => [f.control?.name ?? f.inputs?.[0]?.name, f]));
      problem.fieldErrors?.forEach(e => byName[e.field] && showError(byName[e.field], pick(e.zh, e.en)));
      const text = problem.fieldErrors?.length ? problem.fieldErrors.map(e => pick(e.zh, e.en)).join(' ') : problem.text;
      if (error) error.textContent = text;
      else fill(notice, h('p', { class: 'notice failure', role: 'alert' }, text));
    }
  }

  await load();
}

/** Names the unit automatic dispatch would choose in the first option of the unit select. */
async function showSuggestion(v, select) {
  const q = new URLSearchParams({ countyCode: v.countyCode, kind: v.kind, topic: v.topic, ...(v.townCode ? { townCode: v.townCode } : {}) });
  try {
    const unit = await api(`/api/routing-suggestion?${q}`);
    select.options[0].textContent = t('intake.unit.autoWith', { name: await unitName(unit.unitCode) });
  } catch { /* no rule applies: the operator chooses */ }
}

async function drawFacts(section, v) {
  const row = (label, value) => (value === null || value === undefined || value === '' ? null : [h('dt', {}, label), h('dd', {}, value)]);
  const place = [await countyName(v.countyCode), v.townCode].filter(Boolean).join(' · ');
  fill(section, h('h2', { id: 'facts-heading' }, t('ticket.facts')),
    v.suspended ? h('p', { class: 'notice' }, t('ticket.suspendedBecause', { reason: word('suspendReason', v.suspendReason) })) : null,
    v.awaitingRuling ? h('p', { class: 'notice' }, t('ticket.awaitingRuling')) : null,
    h('dl', { class: 'facts' },
      row(t('col.status'), word('status', v.status)),
      row(t('col.title'), v.title),
      row(t('col.kind'), `${word('kind', v.kind)} · ${word('topic', v.topic)} · ${word('urgency', v.urgency)} · ${word('channel', v.channel)}`),
      row(t('ticket.caller'), v.callerName),
      row(t('ticket.phone'), v.callerPhone),
      row(t('ticket.residentId'), v.residentId),
      row(t('ticket.certificate'), v.disabilityCertificate),
      row(t('ticket.place'), place),
      row(t('ticket.address'), v.address),
      row(t('ticket.content'), v.content),
      row(t('ticket.unit'), v.unitCode ? await unitName(v.unitCode) : null),
      row(t('ticket.received'), dateTime(v.receivedAt)),
      row(t('ticket.reply'), v.reply),
      row(t('ticket.satisfaction'), v.satisfaction ? word('satisfaction', v.satisfaction) : null),
      row(t('ticket.returns'), v.returnCount || null),
      row(t('ticket.repeat'), v.repeatCount || null)));
}

function drawDeadlines(section, v) {
  const clocks = ['signFor', 'handling', 'callback'].map(name => [name, v.deadlines?.[name]]).filter(([, c]) => c);
  fill(section, h('h2', { id: 'deadlines-heading' }, t('ticket.deadlines')),
    clocks.length ? h('dl', { class: 'facts' }, clocks.map(([name, c]) => [
      h('dt', {}, word('clockName', name)),
      h('dd', {}, clockBadge(c.state), ' ', t('ticket.due', { time: dateTime(c.dueAt) }),
        c.pausedHours ? ` · ${t('ticket.paused', { h: c.pausedHours })}` : '',
        c.extended ? ` · ${t('ticket.extended', { what: c.extended })}` : '')])) : h('p', { class: 'empty' }, t('dash.empty')));
}

function drawHistory(section, entries) {
  fill(section, h('h2', { id: 'history-heading' }, t('ticket.history')),
    h('ol', { class: 'history' }, entries.map(e => h('li', {},
      h('strong', {}, word('event', e.type)), ' ',
      h('time', { datetime: e.occurredAt }, dateTime(e.occurredAt)), ' · ',
      e.actor.role === 'system' ? t('event.automatic') : word('role', e.actor.role),
      details(e)))));
}

function details(entry) {
  if (entry.type === 'registered') return null;
  const d = entry.data ?? {};
  const parts = [
    d.unitCode && unitNameNow(d.unitCode), d.toUnit && `→ ${unitNameNow(d.toUnit)}`,
    d.reasonCode && word(entry.type === 'returned' ? 'returnReason' : 'suspendReason', d.reasonCode),
    d.clock && word('clockName', d.clock), d.satisfaction && word('satisfaction', d.satisfaction),
    d.reached === false && t('form.no'), d.approved !== undefined && t(d.approved ? 'form.approve' : 'form.reject'),
    d.reply, d.reason, d.note, d.intoNumber,
  ].filter(Boolean);
  return parts.length ? h('p', { class: 'hint' }, parts.join(' · ')) : null;
}
