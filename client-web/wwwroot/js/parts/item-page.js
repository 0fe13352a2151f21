// The page of one clocked item (a ticket, a legal-aid case or a rehab visit): facts, clocks, actions with checked forms, history.
import { api, ApiProblem } from '../api.js';
import { announce, fill, h } from '../dom.js';
import { t, word } from '../i18n.js';
import { clockBadge, dateTime } from '../format.js';
import { checkedForm } from './checked-form.js';
import { workDetail, workEvents, workPanel } from './item-work.js';
import { attachmentDetail, attachmentsPanel } from './item-attachments.js';

/**
 * config: { url, title(item), facts(item) -> [[label, value]...] (async), clockNames, actionGroup, eventGroup,
 * offered(item, user), formFor(action, item) -> specs, eventDetail(entry), conflictField(problem) }.
 * Optional: factsHeading, notices(item) -> texts above the facts, panel(item) -> an element below them,
 * form(action, item) -> a form with checked-form's interface instead of specs, ownForm(action, item, { onCancel }) -> { el, focus }
 * for an action that is not a POST to the item (or null), formShown(action, form, item), unitOf(item) -> the handling unit's
 * code, for the unit's own work on the item (notes, 承办人: parts/item-work.js); attachments: { hotline } for the item's files
 * (parts/item-attachments.js; hotline: the hotline's operators add files too).
 */
export async function itemPage(main, user, config) {
  const state = { item: null };
  const heading = h('h1', {});
  const notice = h('div', { id: 'item-notice' });
  const facts = h('section', { class: 'panel', 'aria-labelledby': 'facts-heading' });
  const deadlines = h('section', { class: 'panel', 'aria-labelledby': 'deadlines-heading' });
  const actions = h('section', { class: 'panel', id: 'item-actions', 'aria-labelledby': 'actions-heading' });
  const history = h('section', { class: 'panel', 'aria-labelledby': 'history-heading' });
  const panel = h('div', {});
  const work = h('div', {});
  const files = h('div', {});
  main.append(heading, notice, h('div', { class: 'columns' }, h('div', {}, facts, panel, files, history), h('div', {}, deadlines, actions, work)));
  const label = action => word(config.actionGroup, action);
  const closeForm = action => { drawActions(); actions.querySelector(`#act-${action}`)?.focus(); };

  async function load() {
    try {
      const [item, entries] = await Promise.all([api(config.url), api(`${config.url}/history`)]);
      state.item = item;
      heading.textContent = config.title(item);
      const rows = (await config.facts(item)).filter(([, value]) => value !== null && value !== undefined && value !== '');
      fill(facts, h('h2', { id: 'facts-heading' }, config.factsHeading ?? t('item.facts')),
        (config.notices?.(item) ?? []).filter(Boolean).map(text => h('p', { class: 'notice' }, text)),
        h('dl', { class: 'facts' }, rows.map(([name, value]) => [h('dt', {}, name), h('dd', {}, value)])));
      if (config.panel) fill(panel, config.panel(item));
      if (config.unitOf) fill(work, workPanel(item, user, { unitCode: config.unitOf(item), url: config.url, onDone: workDone }));
      if (config.attachments) {
        fill(files, attachmentsPanel(item, user, { url: config.url, unitCode: config.unitOf?.(item), ...config.attachments, onDone: filesDone }));
      }
      drawDeadlines(deadlines, item, config.clockNames);
      drawActions();
      drawHistory(history, entries, config);
    } catch (problem) {
      heading.textContent = t('app.notFound');
      fill(notice, h('p', { class: 'notice failure', role: 'alert' }, problem.text ?? String(problem)));
    }
  }

  async function filesDone(message) {
    fill(notice, h('p', { class: 'notice success', role: 'status' }, message));
    announce(message);
    await load();
    files.querySelector('#attachments-heading')?.focus();
  }

  async function workDone(message) {
    fill(notice, h('p', { class: 'notice success', role: 'status' }, message));
    announce(message);
    await load();
    work.querySelector('#work-heading')?.focus();
  }

  function drawActions(open) {
    const offered = config.offered(state.item, user);
    fill(actions, h('h2', { id: 'actions-heading', tabindex: '-1' }, t('ticket.actions')),
      offered.length
        ? h('div', { class: 'toolbar', role: 'group', 'aria-labelledby': 'actions-heading' },
          offered.map(action => h('button', { type: 'button', id: `act-${action}`, 'aria-expanded': open === action ? 'true' : null, onclick: () => start(action) }, label(action))))
        : h('p', { class: 'empty' }, t('ticket.noActions')),
      h('div', { id: 'action-form' }));
  }

  function start(action) {
    const own = config.ownForm?.(action, state.item, { onCancel: () => closeForm(action) });
    if (own) {
      drawActions(action);
      fill(actions.querySelector('#action-form'), own.el);
      own.focus();
      return;
    }
    const form = config.form ? config.form(action, state.item) : checkedForm(config.formFor(action, state.item));
    if (!form.fields.length) { perform(action, form, null); return; }
    drawActions(action);
    const error = h('p', { class: 'field-error', id: 'action-error', role: 'alert' });
    const el = h('form', { class: 'action-form', novalidate: true, 'aria-label': label(action) },
      h('h3', {}, label(action)), h('div', { class: 'grid' }, form.fields.map(f => f.wrap)), error,
      h('p', { class: 'toolbar' },
        h('button', { type: 'submit', class: 'primary', id: 'action-submit' }, t('form.submit', { action: label(action) })),
        h('button', { type: 'button', onclick: () => closeForm(action) }, t('form.cancel'))));
    el.addEventListener('submit', event => {
      event.preventDefault();
      error.textContent = '';
      error.className = 'field-error';
      if (!form.check()) { error.textContent = t('item.fixFields'); form.focusFirst(); return; }
      perform(action, form, error);
    });
    fill(actions.querySelector('#action-form'), el);
    config.formShown?.(action, form, state.item);
    form.focusFirst();
  }

  async function perform(action, form, error) {
    try {
      state.item = await api(`${config.url}/${action}`, { method: 'POST', body: form.body(), headers: { 'If-Match': `"${state.item.version}"` } });
      const message = t('ticket.done', { action: label(action) });
      fill(notice, h('p', { class: 'notice success', role: 'status' }, message));
      announce(message);
      await load();
      actions.querySelector('#actions-heading').focus();
    } catch (problem) {
      if (problem instanceof ApiProblem && problem.status === 412) {
        await load();
        fill(notice, h('p', { class: 'notice failure', role: 'alert' }, t('item.stale')));
        return;
      }
      const atFields = error ? form.showServerErrors(problem) : false;
      const conflict = config.conflictField?.(problem);
      const bad = conflict && form.fields.find(f => f.spec.name === conflict);
      if (bad) bad.control.setAttribute('aria-invalid', 'true');
      const text = atFields ? t('item.fixFields') : problem.text;
      if (!error) { fill(notice, h('p', { class: 'notice failure', role: 'alert' }, text)); return; }
      // A refusal that is not about one field (a double booking, a closed window) stands out as a notice in the form.
      error.className = atFields ? 'field-error' : 'notice failure';
      error.textContent = text;
      form.focusFirst();
    }
  }

  await load();
}

function drawDeadlines(section, item, names) {
  const clocks = names.map(name => [name, item.deadlines?.[name]]).filter(([, c]) => c);
  fill(section, h('h2', { id: 'deadlines-heading' }, t('ticket.deadlines')),
    clocks.length ? h('dl', { class: 'facts' }, clocks.map(([name, c]) => [
      h('dt', {}, word('clockName', name)),
      h('dd', {}, clockBadge(c.state), ' ', t(c.stoppedAt ? 'item.stopped' : 'ticket.due', { time: dateTime(c.stoppedAt ?? c.dueAt) }),
        c.pausedHours ? ` · ${t('ticket.paused', { h: c.pausedHours })}` : '', c.extended ? ` · ${t('ticket.extended', { what: c.extended.split(' + ').map(lengthText).join(' + ') })}` : '',
        ` · ${t('item.rule', { length: lengthText(c.length) })}`)]))
      : h('p', { class: 'empty' }, t('item.noClocks')));
}

function drawHistory(section, entries, config) {
  fill(section, h('h2', { id: 'history-heading' }, t('ticket.history')),
    h('ol', { class: 'history' }, entries.map(e => h('li', {},
      h('strong', {}, word(config.eventGroup, e.type)), ' ',
      h('time', { datetime: e.occurredAt }, dateTime(e.occurredAt)), ' · ',
      e.actor.role === 'system' ? t('event.automatic') : word('role', e.actor.role),
      detail(e.type === 'attachment_added' ? attachmentDetail(e) : workEvents.includes(e.type) ? workDetail(e) : config.eventDetail(e))))));
}

const lengthText = length => {
  const [amount, unit] = String(length ?? '').split(' ');
  return unit ? `${amount} ${word('timeUnit', unit)}` : amount;
};

const detail = parts => {
  const shown = (parts ?? []).filter(Boolean);
  return shown.length ? h('p', { class: 'hint' }, shown.join(' · ')) : null;
};

/** A link to the ticket an item was opened from. */
export const ticketLink = link => (link ? h('a', { href: `#/tickets/${link.ticketId}` }, link.ticketNumber) : null);
