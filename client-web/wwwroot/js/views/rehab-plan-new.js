// 制定康复计划: the person, the service and the schedule of a recurring plan; on success the plan's page lists its visits.
import { api, newIdempotencyKey } from '../api.js';
import { announce, fill, h } from '../dom.js';
import { t } from '../i18n.js';
import { loadCounties, loadUnits, nameOf, textLimits } from '../reference.js';
import { checkedForm, localDateTime } from '../parts/checked-form.js';
import { visitVocabulary } from '../parts/visit-actions.js';

const frequencies = ['weekly', 'fortnightly'];

/** Nine tomorrow morning in Jiaxing time, as the default first window. */
function tomorrowMorning() {
  const local = localDateTime(new Date(Date.now() + 86_400_000).toISOString());
  return `${local.slice(0, 10)}T09:00`;
}

export async function render(main, { user, go }) {
  const [counties, units] = await Promise.all([loadCounties(), loadUnits()]);
  const ownCounty = units.find(u => u.code === user.unitCode)?.countyCode ?? '';
  const form = checkedForm([
    { name: 'person.name', label: t('plan.f.name'), required: true, max: 50 },
    { name: 'person.phone', label: t('plan.f.phone'), required: true, max: 20 },
    { name: 'person.countyCode', label: t('plan.f.county'), kind: 'select', group: 'county', values: counties.map(c => c.code), required: true,
      hint: user.role === 'unit_staff' ? null : t('plan.f.county.hint') },
    { name: 'person.address', label: t('plan.f.address'), max: 200 },
    { name: 'serviceType', label: t('visit.serviceType'), kind: 'select', group: 'serviceType', values: visitVocabulary.serviceType, required: true },
    { name: 'firstWindowStart', label: t('plan.f.first'), kind: 'datetime', required: true, value: tomorrowMorning(), hint: t('visit.form.start.hint') },
    { name: 'windowMinutes', label: t('visit.form.minutes'), kind: 'number', min: 30, max: 480, value: 120, hint: t('visit.form.minutes.hint') },
    { name: 'frequency', label: t('plan.schedule'), kind: 'select', group: 'frequency', values: frequencies, required: true },
    { name: 'count', label: t('plan.f.count'), kind: 'number', min: 1, max: 52, value: 4, required: true, hint: t('plan.f.count.hint') },
    { name: 'note', label: t('form.note'), kind: 'long', max: textLimits().note },
  ]);
  const county = form.fields.find(f => f.spec.name === 'person.countyCode').control;
  county.querySelectorAll('option[value]').forEach(option => {
    const found = counties.find(c => c.code === option.value);
    if (found) option.textContent = nameOf(found);
  });
  county.value = ownCounty;
  const error = h('p', { class: 'field-error', id: 'plan-error', role: 'alert' });
  const key = newIdempotencyKey();
  const el = h('form', { class: 'panel', novalidate: true, 'aria-labelledby': 'plan-new-heading' },
    h('p', { class: 'hint' }, t('plan.new.hint')),
    h('div', { class: 'grid' }, form.fields.map(f => f.wrap)), error,
    h('p', { class: 'toolbar' }, h('button', { type: 'submit', class: 'primary', id: 'plan-submit' }, t('plan.new.submit'))));
  el.addEventListener('submit', async event => {
    event.preventDefault();
    fill(error);
    if (!form.check()) { error.textContent = t('item.fixFields'); form.focusFirst(); return; }
    try {
      const plan = await api('/api/rehab-plans', { method: 'POST', body: nested(form.body()), headers: { 'Idempotency-Key': key } });
      announce(t('plan.new.done', { n: plan.visits.length }));
      go(`rehab-plans/${plan.id}`);
    } catch (problem) {
      error.textContent = form.showServerErrors(problem) ? t('item.fixFields') : problem.text;
      form.focusFirst();
    }
  });
  main.append(h('h1', { id: 'plan-new-heading' }, t('plan.new.title')), el);
}

/** { "person.name": … } as the API's { person: { name: … } }. */
function nested(flat) {
  const body = { person: {} };
  Object.entries(flat).forEach(([name, value]) => {
    if (name.startsWith('person.')) body.person[name.slice('person.'.length)] = value;
    else body[name] = value;
  });
  return body;
}
