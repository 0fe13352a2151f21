// 律师名册: a legal-aid station's lawyers and legal workers (the roster the rotation assigns cases from). Staff of the
// station, supervisors over its county and administrators read it; the station's head and administrators change it (the
// server decides: a refusal shows its problem text). Phone and licence number masked, revealable with a purpose.
import { announce, fill, h } from '../dom.js';
import { api, ApiProblem } from '../api.js';
import { pick, t, word } from '../i18n.js';
import { loadUnits, nameOf } from '../reference.js';
import { field, radioGroup, showError, vocabularySelect } from '../parts/fields.js';
import { caseVocabulary } from '../parts/case-actions.js';
import { changeHistory, plainValue } from '../parts/change-history.js';
import { revealable } from '../parts/reveal.js';
import { unitPicker, unitsOfKind } from '../parts/unit-scope.js';

const statuses = ['active', 'on_leave', 'left'];

export async function render(main, { user, query }) {
  const visible = unitsOfKind(await loadUnits(), user, 'legal_aid');
  const state = {
    station: visible.some(u => u.code === query.get('station')) ? query.get('station')
      : visible.find(u => u.code === user.unitCode)?.code ?? visible[0]?.code,
  };
  // Supervisors never change a roster; staff of the station and admins get the buttons, the server has the last word.
  const mayWrite = () => user.role === 'admin' || (user.role === 'unit_staff' && user.unitCode === state.station);
  const notice = h('div', { id: 'laroster-notice' });
  const listPanel = h('section', { class: 'panel', 'aria-labelledby': 'laroster-heading' });
  const detail = h('section', { class: 'panel', id: 'laroster-detail', hidden: true, 'aria-label': t('laroster.detail') });
  const say = (text, kind) => {
    fill(notice, h('p', { class: `notice ${kind}`, role: kind === 'failure' ? 'alert' : 'status' }, text));
    announce(text, kind === 'failure' ? 'alert' : 'polite');
  };
  main.append(h('h1', {}, t('laroster.title')), h('p', { class: 'hint' }, t('laroster.intro')),
    unitPicker(visible, state.station, async code => {
      state.station = code;
      history.replaceState(null, '', `#/legal-aid-roster?station=${encodeURIComponent(code)}`);
      close(false);
      await draw();
    }) ?? '', notice, listPanel, detail);
  if (!state.station) { fill(listPanel, h('p', { class: 'empty' }, t('laroster.noStation'))); return; }
  const base = () => `/api/legal-aid-stations/${encodeURIComponent(state.station)}/roster`;
  await draw();

  async function draw(focusId) {
    let members;
    try {
      members = await api(base());
    } catch (problem) {
      fill(listPanel, h('p', { class: 'notice failure', role: 'alert' }, problem.text ?? String(problem)));
      return;
    }
    const station = nameOf(visible.find(u => u.code === state.station)) || state.station;
    const leave = m => (m.status === 'on_leave' && m.leaveFrom ? `（${m.leaveFrom} – ${m.leaveUntil ?? ''}）` : '');
    fill(listPanel, h('h2', { id: 'laroster-heading', tabindex: '-1' }, t('laroster.list', { station, n: members.length })),
      mayWrite() ? h('p', {}, h('button', { type: 'button', class: 'primary', id: 'laroster-add', onclick: () => edit(null) }, t('laroster.add'))) : null,
      members.length === 0 ? h('p', { class: 'empty', id: 'laroster-empty' }, t('laroster.empty')) : h('div', { class: 'table-wrap' }, h('table', { id: 'laroster-table' },
        h('caption', {}, t('laroster.caption', { station })),
        h('thead', {}, h('tr', {}, ['name', 'kind', 'organisation', 'phone', 'licenceNumber', 'fields', 'status', 'maxOpenCases', 'actions']
          .map(k => h('th', { scope: 'col' }, t(`laroster.col.${k}`))))),
        h('tbody', {}, members.map(m => {
          const url = `${base()}/${m.id}`;
          return h('tr', { id: `laroster-${m.id}` },
            h('th', { scope: 'row' }, m.name), h('td', {}, word('handlerKind', m.kind)), h('td', {}, m.organisation ?? '—'),
            h('td', { class: 'laroster-phone' }, revealable(url, 'phone', m.phone, user) ?? '—'),
            h('td', {}, revealable(url, 'licenceNumber', m.licenceNumber, user) ?? '—'),
            h('td', {}, m.fields.length ? m.fields.map(f => word('caseType', f)).join('、') : t('laroster.anyField')),
            h('td', {}, `${word('rosterStatus', m.status)}${leave(m)}`),
            h('td', {}, String(m.maxOpenCases)),
            h('td', {}, h('span', { class: 'toolbar' },
              mayWrite() ? h('button', { type: 'button', id: `laroster-edit-${m.id}`, 'aria-label': t('laroster.editOne', { name: m.name }),
                onclick: () => edit(m) }, t('laroster.edit')) : null,
              h('button', { type: 'button', id: `laroster-history-${m.id}`, 'aria-label': t('laroster.historyOne', { name: m.name }),
                onclick: () => showHistory(m) }, t('laroster.history')))));
        })))));
    if (focusId) listPanel.querySelector(`#${focusId}`)?.focus();
  }

  /** Shows the server's answer: field errors beside their fields, anything else as the form's alert. */
  function refused(problem, fields, alert) {
    Object.values(fields).forEach(f => showError(f, ''));
    let first = null;
    (problem instanceof ApiProblem ? problem.fieldErrors : []).forEach(e => {
      const f = fields[e.field];
      if (!f) return;
      showError(f, pick(e.zh, e.en));
      first ??= f;
    });
    alert.textContent = first ? t('item.fixFields') : problem.text ?? String(problem);
    (first?.control ?? first?.inputs?.[0])?.focus();
  }

  function edit(member) {
    const text = (max, props = {}) => h('input', { type: 'text', maxlength: max, autocomplete: 'off', ...props });
    const fieldChecks = caseVocabulary.caseType.map(v => h('input', { type: 'checkbox', name: 'fields', value: v, id: `f-fields-${v}`,
      checked: member?.fields.includes(v) ?? false }));
    const fieldsError = h('p', { id: 'f-fields-error', class: 'field-error' });
    const fields = {
      name: field({ name: 'name', label: t('laroster.col.name'), required: true, control: text(50, { value: member?.name ?? '' }) }),
      kind: radioGroup({ name: 'kind', legend: t('laroster.col.kind'), group: 'handlerKind', values: caseVocabulary.handlerKind,
        checked: member?.kind ?? 'lawyer', required: true }),
      organisation: field({ name: 'organisation', label: t('laroster.col.organisation'), control: text(100, { value: member?.organisation ?? '' }) }),
      phone: field({ name: 'phone', label: t('laroster.col.phone'), hint: member?.phone ? t('laroster.keepHint', { masked: member.phone }) : null,
        control: h('input', { type: 'tel', maxlength: 20, autocomplete: 'off' }) }),
      licenceNumber: field({ name: 'licenceNumber', label: t('laroster.col.licenceNumber'), hint: member?.licenceNumber ? t('laroster.keepHint', { masked: member.licenceNumber }) : null,
        control: text(40) }),
      fields: { error: fieldsError, control: null, inputs: fieldChecks },
      status: field({ name: 'status', label: t('laroster.col.status'), required: true,
        control: vocabularySelect('rosterStatus', statuses, { empty: false }) }),
      leaveFrom: field({ name: 'leaveFrom', label: t('laroster.leaveFrom'), control: h('input', { type: 'date', value: member?.leaveFrom ?? '' }) }),
      leaveUntil: field({ name: 'leaveUntil', label: t('laroster.leaveUntil'), control: h('input', { type: 'date', value: member?.leaveUntil ?? '' }) }),
      maxOpenCases: field({ name: 'maxOpenCases', label: t('laroster.col.maxOpenCases'), required: true,
        control: h('input', { type: 'number', min: 1, max: 200, value: member?.maxOpenCases ?? 10 }) }),
      declaredConflicts: field({ name: 'declaredConflicts', label: t('laroster.conflicts'), hint: t('laroster.conflictsHint'), wide: true,
        control: h('textarea', { rows: 2 }, (member?.declaredConflicts ?? []).join('\n')) }),
    };
    fields.status.control.value = member?.status ?? 'active';
    const leaveShown = () => { const on = fields.status.control.value === 'on_leave'; fields.leaveFrom.wrap.hidden = !on; fields.leaveUntil.wrap.hidden = !on; };
    fields.status.control.addEventListener('change', leaveShown);
    leaveShown();
    const alert = h('p', { class: 'field-error', id: 'laroster-error', role: 'alert' });
    const heading = h('h2', { id: 'laroster-form-heading', tabindex: '-1' }, member ? t('laroster.editTitle', { name: member.name }) : t('laroster.addTitle'));
    const form = h('form', { id: 'laroster-form', novalidate: true, 'aria-labelledby': heading.id },
      h('div', { class: 'grid' }, fields.name.wrap, fields.kind.wrap, fields.organisation.wrap, fields.phone.wrap, fields.licenceNumber.wrap,
        h('fieldset', { class: 'field wide', 'aria-describedby': fieldsError.id }, h('legend', {}, t('laroster.col.fields')),
          h('p', { class: 'hint' }, t('laroster.fieldsHint')),
          h('div', { class: 'radios' }, fieldChecks.map(c => h('label', { for: c.id }, c, word('caseType', c.value)))), fieldsError),
        fields.status.wrap, fields.leaveFrom.wrap, fields.leaveUntil.wrap, fields.maxOpenCases.wrap, fields.declaredConflicts.wrap),
      alert,
      h('p', { class: 'toolbar' }, h('button', { type: 'submit', class: 'primary', id: 'laroster-save' }, t('laroster.save')),
        h('button', { type: 'button', id: 'laroster-cancel', onclick: () => close(true) }, t('form.cancel'))));
    form.addEventListener('submit', async event => {
      event.preventDefault();
      const value = f => fields[f].control.value.trim();
      const onLeave = value('status') === 'on_leave';
      const body = {
        name: value('name'), kind: fields.kind.value() || null, organisation: value('organisation') || null,
        // A changed entry keeps its stored numbers unless new ones are typed (the server keeps them when left empty).
        phone: value('phone') || null, licenceNumber: value('licenceNumber') || null,
        fields: fieldChecks.filter(c => c.checked).map(c => c.value), status: value('status'),
        leaveFrom: onLeave ? value('leaveFrom') || null : null, leaveUntil: onLeave ? value('leaveUntil') || null : null,
        maxOpenCases: value('maxOpenCases') === '' ? null : Number(value('maxOpenCases')),
        declaredConflicts: value('declaredConflicts').split('\n').map(x => x.trim()).filter(Boolean),
      };
      try {
        const saved = await api(member ? `${base()}/${member.id}` : base(),
          { method: member ? 'PUT' : 'POST', body, headers: member ? { 'If-Match': `"${member.version}"` } : {} });
        close(false);
        say(t(member ? 'laroster.changed' : 'laroster.added', { name: saved.name }), 'success');
        await draw(mayWrite() ? `laroster-edit-${saved.id}` : 'laroster-heading');
      } catch (problem) {
        if (problem instanceof ApiProblem && problem.status === 412) {
          close(false);
          say(t('laroster.stale'), 'failure');
          await draw('laroster-heading');
          return;
        }
        refused(problem, fields, alert);
      }
    });
    fill(detail, heading, form);
    detail.hidden = false;
    heading.focus();
  }

  async function showHistory(member) {
    const box = h('div', { id: 'laroster-history-box' });
    const heading = h('h2', { id: 'laroster-history-heading', tabindex: '-1' }, t('laroster.historyOf', { name: member.name }));
    fill(detail, heading, box, h('p', {}, h('button', { type: 'button', id: 'laroster-history-close', onclick: () => {
      close(false); listPanel.querySelector(`#laroster-history-${member.id}`)?.focus();
    } }, t('refadmin.close'))));
    detail.hidden = false;
    await changeHistory(box, {
      url: `${base()}/${member.id}/history`, id: 'laroster-history',
      caption: t('refadmin.history.caption', { name: member.name }),
      label: f => t(`laroster.col.${f}`),
      show: (f, v) => (f === 'kind' ? word('handlerKind', v) : f === 'status' ? word('rosterStatus', v)
        : f === 'fields' && Array.isArray(v) ? (v.length ? v.map(x => word('caseType', x)).join('、') : t('laroster.anyField'))
          : Array.isArray(v) ? (v.length ? v.join('、') : '—') : plainValue(v)),
    });
    heading.focus();
  }

  function close(focusList) {
    detail.hidden = true;
    detail.replaceChildren();
    if (focusList) listPanel.querySelector('#laroster-heading')?.focus();
  }
}
