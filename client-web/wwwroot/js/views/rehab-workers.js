// 康复人员名册: a rehabilitation provider's workers (service types, towns, working days and hours, leave, active/left),
// kept by the provider's own staff (and administrators); supervisors and others in scope read it. Phones are masked.
import { announce, fill, h } from '../dom.js';
import { api, ApiProblem } from '../api.js';
import { pick, t, word } from '../i18n.js';
import { loadCounties, loadUnits, nameOf } from '../reference.js';
import { visitVocabulary } from '../parts/visit-actions.js';

const days = [1, 2, 3, 4, 5, 6, 7];

export async function render(main, { user, query }) {
  const providers = (await loadUnits()).filter(u => u.kind === 'rehab');
  const own = user.role === 'unit_staff' ? user.unitCode : null;
  const state = { provider: own ?? (providers.some(p => p.code === query.get('provider')) ? query.get('provider') : providers[0]?.code) };
  const manages = () => user.role === 'admin' || own === state.provider;
  const notice = h('div', { id: 'workers-notice' });
  const listPanel = h('section', { class: 'panel', 'aria-labelledby': 'workers-heading' });
  const detail = h('section', { class: 'panel', id: 'workers-detail', hidden: true, 'aria-label': t('roster.detail') });
  const historyPanel = h('section', { class: 'panel', 'aria-labelledby': 'workers-history-heading' });
  const say = (text, kind) => {
    fill(notice, h('p', { class: `notice ${kind}`, role: kind === 'failure' ? 'alert' : 'status' }, text));
    announce(text, kind === 'failure' ? 'alert' : 'polite');
  };
  main.append(h('h1', {}, t('roster.title')), h('p', { class: 'hint' }, t('roster.intro')), notice, listPanel, detail, historyPanel);
  const base = () => `/api/rehab-providers/${encodeURIComponent(state.provider)}/workers`;
  await draw();

  async function towns() {
    const county = providers.find(p => p.code === state.provider)?.countyCode;
    return (await loadCounties()).find(c => c.code === county)?.towns ?? [];
  }

  async function draw(focusId) {
    const [workers, changes, townList] = await Promise.all([api(base()), api(`${base()}/history`), towns()]);
    const townName = code => nameOf(townList.find(x => x.code === code)) || code;
    const chooser = own ? null : chooserForm();
    fill(listPanel, h('h2', { id: 'workers-heading', tabindex: '-1' },
      t('roster.list', { provider: nameOf(providers.find(p => p.code === state.provider)) || state.provider, n: workers.length })),
    chooser,
    manages() ? h('p', {}, h('button', { type: 'button', class: 'primary', id: 'worker-add', onclick: () => edit(null, townList) }, t('roster.add'))) : null,
    workers.length === 0 ? h('p', { class: 'empty', id: 'workers-empty' }, t('roster.empty')) : h('div', { class: 'table-wrap' }, h('table', { id: 'workers-table' },
      h('caption', {}, t('roster.caption')),
      h('thead', {}, h('tr', {}, ['roster.id', 'roster.name', 'roster.phone', 'roster.types', 'roster.towns', 'roster.days', 'roster.hours',
        'roster.status', 'roster.leave', 'roster.actions'].map(k => h('th', { scope: 'col' }, t(k))))),
      h('tbody', {}, workers.map(w => h('tr', { id: `worker-${w.workerId}` },
        h('th', { scope: 'row' }, w.workerId), h('td', {}, w.name), h('td', {}, w.phone),
        h('td', {}, w.serviceTypes.map(x => word('serviceType', x)).join('、')),
        h('td', {}, w.towns.map(townName).join('、')),
        h('td', {}, w.workingDays.map(d => t(`roster.day.${d}`)).join('、')),
        h('td', {}, `${w.dayStart.slice(0, 5)}–${w.dayEnd.slice(0, 5)}`),
        h('td', {}, t(w.active ? 'roster.active' : 'roster.left')),
        h('td', {}, w.leave.length ? h('ul', { class: 'plain' }, w.leave.map(l => h('li', {}, `${l.from} – ${l.to}（${l.reason}）`,
          manages() ? h('button', { type: 'button', id: `leave-remove-${l.id}`, 'aria-label': t('roster.leaveRemoveOne', { name: w.name, from: l.from }),
            onclick: () => removeLeave(w, l) }, t('roster.leaveRemove')) : null))) : '—'),
        h('td', {}, manages() ? h('span', { class: 'toolbar' },
          h('button', { type: 'button', id: `worker-edit-${w.workerId}`, 'aria-label': t('roster.editOne', { name: w.name }), onclick: () => edit(w, townList) },
            t('roster.edit')),
          h('button', { type: 'button', id: `worker-leave-${w.workerId}`, 'aria-label': t('roster.leaveOne', { name: w.name }), onclick: () => leave(w) },
            t('roster.leaveAdd'))) : '—')))))));
    fill(historyPanel, h('h2', { id: 'workers-history-heading' }, t('roster.history')),
      changes.length === 0 ? h('p', { class: 'empty' }, t('roster.noHistory')) : h('div', { class: 'table-wrap' }, h('table', { id: 'workers-history' },
        h('caption', {}, t('roster.historyCaption')),
        h('thead', {}, h('tr', {}, ['roster.when', 'roster.id', 'roster.change', 'roster.by', 'roster.what'].map(k => h('th', { scope: 'col' }, t(k))))),
        h('tbody', {}, changes.map(c => h('tr', {}, h('td', {}, new Date(c.changedAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })),
          h('td', {}, c.workerId), h('td', {}, t(`roster.action.${c.action}`)), h('td', {}, c.changedByName), h('td', {}, c.summary)))))));
    if (focusId) listPanel.querySelector(`#${focusId}`)?.focus();
  }

  function chooserForm() {
    const select = h('select', { id: 'workers-provider' }, providers.map(p => h('option', { value: p.code, selected: p.code === state.provider }, nameOf(p))));
    const form = h('form', { class: 'toolbar', novalidate: true, 'aria-label': t('roster.choose') },
      h('div', { class: 'field' }, h('label', { for: select.id }, t('roster.provider')), select),
      h('button', { type: 'submit', id: 'workers-show' }, t('roster.show')));
    form.addEventListener('submit', async event => {
      event.preventDefault();
      state.provider = select.value;
      history.replaceState(null, '', `#/rehab-workers?provider=${state.provider}`);
      detail.hidden = true;
      await draw('workers-heading');
    });
    return form;
  }

  /** A group of checkboxes in a fieldset; returns { wrap, values() }. */
  function checks(name, legend, values, label, checked) {
    const inputs = values.map(value => h('input', { type: 'checkbox', name, value, id: `f-${name}-${value}`, checked: checked.includes(value) }));
    const error = h('p', { id: `f-${name}-error`, class: 'field-error' });
    return {
      name, error,
      wrap: h('fieldset', { class: 'field wide', 'aria-describedby': error.id }, h('legend', { class: 'req' }, legend),
        h('div', { class: 'radios' }, inputs.map((input, i) => h('label', { for: input.id }, input, label(values[i])))), error),
      values: () => inputs.filter(i => i.checked).map(i => i.value),
    };
  }

  function input(name, label, props) {
    const control = h('input', { id: `f-${name}`, name, 'aria-describedby': `f-${name}-error`, ...props });
    const error = h('p', { id: `f-${name}-error`, class: 'field-error' });
    return { name, control, error, wrap: h('div', { class: 'field' }, h('label', { for: control.id, class: props.required ? 'req' : null }, label), control, error) };
  }

  /** Shows the server's answer: field errors beside their fields, anything else as the form's alert. */
  function refused(problem, fields, alert) {
    fields.forEach(f => { f.error.textContent = ''; f.control?.removeAttribute('aria-invalid'); });
    let first = null;
    (problem instanceof ApiProblem ? problem.fieldErrors : []).forEach(e => {
      const f = fields.find(x => x.name === e.field);
      if (!f) return;
      f.error.textContent = pick(e.zh, e.en);
      f.control?.setAttribute('aria-invalid', 'true');
      first ??= f;
    });
    alert.textContent = first ? t('item.fixFields') : problem.text ?? String(problem);
    (first?.control ?? first?.wrap.querySelector('input'))?.focus();
  }

  function edit(worker, townList) {
    const id = input('workerId', t('roster.id'), { type: 'text', required: true, maxlength: 40, value: worker?.workerId ?? '', readonly: Boolean(worker), autocomplete: 'off' });
    const name = input('name', t('roster.name'), { type: 'text', required: true, maxlength: 50, value: worker?.name ?? '', autocomplete: 'off' });
    const phone = input('phone', t('roster.phone'), { type: 'tel', required: !worker, maxlength: 20, value: '', autocomplete: 'off',
      placeholder: worker ? worker.phone : '' });
    const types = checks('serviceTypes', t('roster.types'), visitVocabulary.serviceType, x => word('serviceType', x), worker?.serviceTypes ?? []);
    const townChecks = checks('towns', t('roster.towns'), townList.map(x => x.code), code => nameOf(townList.find(x => x.code === code)), worker?.towns ?? []);
    const dayChecks = checks('workingDays', t('roster.days'), days.map(String), d => t(`roster.day.${d}`), (worker?.workingDays ?? [1, 2, 3, 4, 5]).map(String));
    const start = input('dayStart', t('roster.dayStart'), { type: 'time', required: true, value: worker?.dayStart.slice(0, 5) ?? '08:30' });
    const end = input('dayEnd', t('roster.dayEnd'), { type: 'time', required: true, value: worker?.dayEnd.slice(0, 5) ?? '17:30' });
    const active = h('input', { type: 'checkbox', id: 'f-active', name: 'active', checked: worker?.active ?? true });
    const alert = h('p', { class: 'field-error', id: 'worker-error', role: 'alert' });
    const fields = [id, name, phone, types, townChecks, dayChecks, start, end];
    const heading = h('h2', { id: 'worker-form-heading', tabindex: '-1' }, worker ? t('roster.editTitle', { name: worker.name }) : t('roster.addTitle'));
    const form = h('form', { id: 'worker-form', novalidate: true, 'aria-labelledby': heading.id },
      h('div', { class: 'grid' }, fields.map(f => f.wrap), h('div', { class: 'field checkbox' }, active, h('label', { for: active.id }, t('roster.activeBox')))),
      worker ? h('p', { class: 'hint' }, t('roster.phoneHint')) : null,
      alert,
      h('p', { class: 'toolbar' }, h('button', { type: 'submit', class: 'primary', id: 'worker-save' }, t('roster.save')),
        h('button', { type: 'button', id: 'worker-cancel', onclick: close }, t('form.cancel'))));
    form.addEventListener('submit', async event => {
      event.preventDefault();
      const body = { workerId: id.control.value.trim(), name: name.control.value.trim(), phone: phone.control.value.trim() || null,
        serviceTypes: types.values(), towns: townChecks.values(), workingDays: dayChecks.values().map(Number),
        dayStart: start.control.value, dayEnd: end.control.value, active: active.checked };
      try {
        const saved = await api(worker ? `${base()}/${encodeURIComponent(worker.workerId)}` : base(), { method: worker ? 'PUT' : 'POST', body });
        close();
        say(t(worker ? 'roster.changed' : 'roster.added', { name: saved.name, id: saved.workerId }), 'success');
        await draw(`worker-edit-${saved.workerId}`);
      } catch (problem) {
        refused(problem, fields, alert);
      }
    });
    fill(detail, heading, form);
    detail.hidden = false;
    heading.focus();
  }

  function leave(worker) {
    const from = input('from', t('roster.leaveFrom'), { type: 'date', required: true });
    const to = input('to', t('roster.leaveTo'), { type: 'date', required: true });
    const reason = input('reason', t('roster.leaveReason'), { type: 'text', required: true, maxlength: 200, autocomplete: 'off' });
    const alert = h('p', { class: 'field-error', id: 'leave-error', role: 'alert' });
    const heading = h('h2', { id: 'leave-form-heading', tabindex: '-1' }, t('roster.leaveTitle', { name: worker.name }));
    const form = h('form', { id: 'leave-form', novalidate: true, 'aria-labelledby': heading.id },
      h('div', { class: 'grid' }, from.wrap, to.wrap, reason.wrap), alert,
      h('p', { class: 'toolbar' }, h('button', { type: 'submit', class: 'primary', id: 'leave-save' }, t('roster.leaveAdd')),
        h('button', { type: 'button', id: 'leave-cancel', onclick: close }, t('form.cancel'))));
    form.addEventListener('submit', async event => {
      event.preventDefault();
      try {
        await api(`${base()}/${encodeURIComponent(worker.workerId)}/leave`, { method: 'POST',
          body: { from: from.control.value || null, to: to.control.value || null, reason: reason.control.value.trim() } });
        close();
        say(t('roster.leaveAdded', { name: worker.name }), 'success');
        await draw(`worker-leave-${worker.workerId}`);
      } catch (problem) {
        refused(problem, [from, to, reason], alert);
      }
    });
    fill(detail, heading, form);
    detail.hidden = false;
    heading.focus();
  }

  async function removeLeave(worker, entry) {
    try {
      await api(`${base()}/${encodeURIComponent(worker.workerId)}/leave/${entry.id}`, { method: 'DELETE' });
      say(t('roster.leaveRemoved', { name: worker.name, from: entry.from }), 'success');
      await draw(`worker-leave-${worker.workerId}`);
    } catch (problem) {
      say(problem.text ?? String(problem), 'failure');
    }
  }

  function close() {
    detail.hidden = true;
    detail.replaceChildren();
    listPanel.querySelector('#workers-heading')?.focus();
  }
}
