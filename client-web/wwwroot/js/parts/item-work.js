// The unit's own work on an item page (ticket, legal-aid case, visit): the assignee (承办人) with take / assign / remove,
// and a box for a progress note (办理进展) or an internal comment (内部意见). Who may do what mirrors the server, which decides.
import { api } from '../api.js';
import { fill, h } from '../dom.js';
import { pick, t, word } from '../i18n.js';
import { field, radioGroup, showError } from './fields.js';

/** The history's words for the work events, shared by every item kind. */
export const workEvents = ['note_added', 'assignee_set', 'assignee_cleared'];

/** A work event's detail line in the history: the kind of note and its text, or the assignee's name. */
export function workDetail(entry) {
  const d = entry.data ?? {};
  return entry.type === 'note_added' ? [word('noteKind', d.kind), d.note] : [d.name];
}

/**
 * The panel, or null when the user has no part in the item's work (the hotline reads progress notes in the history).
 * item: the item's view; unitCode: its handling unit; url: the item's API address; onDone(message): reload the page.
 */
export function workPanel(item, user, { unitCode, url, onDone }) {
  const staff = user.role === 'unit_staff' && Boolean(unitCode) && user.unitCode === unitCode;
  const supervisor = user.role === 'supervisor' || user.role === 'admin';
  if (!staff && !supervisor) return null;
  const assignee = item.assignee;
  const mine = staff && assignee?.userId === user.id;
  const names = staff && user.unitHead || supervisor;
  const notice = h('div', { id: 'work-notice' });
  const post = async (action, body, done) => {
    try {
      await api(`${url}/${action}`, { method: 'POST', body, headers: { 'If-Match': `"${item.version}"` } });
      await onDone(done);
    } catch (problem) {
      fill(notice, h('p', { class: 'notice failure', role: 'alert' }, problem.text));
      return problem;
    }
    return null;
  };

  const who = h('p', { id: 'work-assignee' }, `${t('work.assignee')}：`, assignee ? assignee.name : t('work.unassigned'));
  const buttons = [
    staff && !mine && unitCode ? h('button', { type: 'button', id: 'work-take', onclick: () => post('assignee', {}, t('work.taken')) }, t('work.take')) : null,
    assignee && (mine || names) ? h('button', { type: 'button', id: 'work-unassign', onclick: () => post('unassign', undefined, t('work.removed')) },
      t(mine ? 'work.release' : 'work.unassign')) : null,
  ].filter(Boolean);
  const section = h('section', { class: 'panel', id: 'item-work', 'aria-labelledby': 'work-heading' },
    h('h2', { id: 'work-heading', tabindex: '-1' }, t('work.title')), notice, who,
    buttons.length ? h('div', { class: 'toolbar', role: 'group', 'aria-label': t('work.assignee') }, buttons) : null,
    names && unitCode ? assignForm(unitCode, assignee, (userId, name) => post('assignee', { userId }, t('work.assigned', { name }))) : null,
    noteForm(staff || user.role === 'admin', body => post('note', body, t('work.noted'))));
  return section;
}

/** 指定承办人: the unit's active staff by name (GET /api/units/{code}/members). */
function assignForm(unitCode, assignee, assign) {
  const select = h('select', {}, h('option', { value: '' }, t('intake.choose')));
  const member = field({ name: 'work-member', label: t('work.member'), control: select });
  api(`/api/units/${encodeURIComponent(unitCode)}/members`).then(members => select.append(...members.map(m =>
    h('option', { value: m.id, selected: m.id === assignee?.userId }, m.displayName)))).catch(problem => showError(member, problem.text));
  const form = h('form', { class: 'action-form', id: 'work-assign', novalidate: true, 'aria-label': t('work.assign') },
    h('div', { class: 'grid' }, member.wrap),
    h('p', { class: 'toolbar' }, h('button', { type: 'submit', id: 'work-assign-submit' }, t('work.assign'))));
  form.addEventListener('submit', event => {
    event.preventDefault();
    if (!select.value) { showError(member, t('work.chooseMember')); select.focus(); return; }
    showError(member, '');
    assign(select.value, select.selectedOptions[0].textContent);
  });
  return form;
}

/** The notes box: progress notes for the unit (and administrators), internal comments for the unit and supervisors. */
function noteForm(writesProgress, send) {
  const kinds = writesProgress ? ['progress', 'internal'] : ['internal'];
  const kind = radioGroup({ name: 'work-kind', legend: t('work.noteKind'), group: 'noteKind', values: kinds, checked: kinds[0] });
  const hint = h('p', { class: 'hint', id: 'work-kind-hint' }, t('work.noteKind.hint'));
  kind.wrap.append(hint);
  kind.wrap.setAttribute('aria-describedby', `work-kind-hint ${kind.error.id}`);
  const note = field({ name: 'work-note', label: t('work.note'), required: true, wide: true, control: h('textarea', { rows: 3, maxlength: '4000' }) });
  const form = h('form', { class: 'action-form', id: 'work-note-form', novalidate: true, 'aria-label': t('work.noteForm') },
    h('h3', {}, t('work.noteForm')), h('div', { class: 'grid' }, kind.wrap, note.wrap),
    h('p', { class: 'toolbar' }, h('button', { type: 'submit', class: 'primary', id: 'work-note-submit' }, t('work.noteSubmit'))));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    showError(note, '');
    if (!note.control.value.trim()) { showError(note, t('work.noteRequired')); note.control.focus(); return; }
    const problem = await send({ kind: kind.value(), note: note.control.value });
    const bad = problem?.fieldErrors?.find(e => e.field === 'note' || e.field === 'kind');
    if (bad) { showError(note, pick(bad.zh, bad.en)); note.control.focus(); }
  });
  return form;
}

/** The worklists' 承办人 filter values: mine and nobody's (the API's assignee=me|none). */
export const assigneeFilters = ['me', 'none'];

/** 全部 / 我的 / 未分配 as radio buttons; change(value) gets '' for all. */
export function assigneeFilter(current, change) {
  const values = ['', ...assigneeFilters];
  return h('fieldset', { class: 'field', id: 'assignee-filter' }, h('legend', {}, t('work.filter')),
    h('div', { class: 'radios' }, values.map(value => h('label', {},
      h('input', { type: 'radio', name: 'assignee', value, checked: value === current, onchange: () => change(value) }),
      t(`work.filter.${value || 'all'}`)))));
}
