// County closures (停工日: a day off for one county's units, e.g. a typhoon day): the list, and for administrators adding
// one after its preview and withdrawing one with a reason.
import { api } from '../api.js';
import { fill, h } from '../dom.js';
import { t } from '../i18n.js';
import { dateTime, shanghaiDate } from '../format.js';
import { countyNameNow, loadCounties, nameOf } from '../reference.js';
import { checkedForm } from './checked-form.js';
import { previewPanel } from './calendar-preview.js';
import { dayText } from './calendar-days.js';

/** options: { admin, who(userId, role), say(text, kind) }; returns { el, load() }. */
export async function closuresSection({ admin, who, say }) {
  const counties = (await loadCounties()).filter(c => c.level === 'county');
  const state = { closures: [], withdrawn: false };
  const heading = h('h2', { id: 'workcal-closures-heading', tabindex: '-1' }, t('workcal.closures.title'));
  const showWithdrawn = h('input', { type: 'checkbox', id: 'workcal-closures-withdrawn' });
  const list = h('div', { id: 'workcal-closures' });
  const withdrawBox = h('div', { id: 'workcal-withdraw' });
  const addBox = h('div', { id: 'workcal-closure-add' });
  const el = h('section', { class: 'panel', 'aria-labelledby': heading.id }, heading,
    h('p', { class: 'hint' }, t('workcal.closures.hint')),
    h('div', { class: 'field checkbox' }, showWithdrawn, h('label', { for: showWithdrawn.id }, t('workcal.closures.showWithdrawn'))),
    list, withdrawBox, admin ? addBox : null);
  showWithdrawn.addEventListener('change', () => { state.withdrawn = showWithdrawn.checked; load(); });

  async function load() {
    try {
      state.closures = await api(`/api/calendars/closures?includeWithdrawn=${state.withdrawn}`);
      drawList();
    } catch (problem) {
      fill(list, h('p', { class: 'notice failure', role: 'alert' }, problem.text));
    }
  }

  function drawList() {
    if (!state.closures.length) { fill(list, h('p', { class: 'empty' }, t('workcal.closures.empty'))); return; }
    const columns = ['workcal.col.date', 'workcal.col.county', 'workcal.col.reason', 'workcal.col.added', 'workcal.col.withdrawn', admin ? 'workcal.col.actions' : null]
      .filter(Boolean);
    fill(list, h('div', { class: 'table-wrap' }, h('table', {},
      h('caption', {}, t('workcal.closures.caption', { n: state.closures.length })),
      h('thead', {}, h('tr', {}, columns.map(key => h('th', { scope: 'col' }, t(key))))),
      h('tbody', {}, state.closures.map(c => h('tr', { id: `closure-${c.id}` },
        h('th', { scope: 'row' }, h('time', { datetime: c.date }, `${c.date} ${dayText(c.date)}`)),
        h('td', {}, countyNameNow(c.countyCode)),
        h('td', {}, c.reason),
        h('td', {}, `${who(c.addedBy, 'admin')} · ${dateTime(c.addedAt)}`),
        h('td', {}, c.withdrawnAt ? `${who(c.withdrawnBy, 'admin')} · ${dateTime(c.withdrawnAt)} · ${c.withdrawalReason}` : t('workcal.closures.inForce')),
        admin ? h('td', {}, c.withdrawnAt ? '—' : h('button', {
          type: 'button', class: 'danger', id: `withdraw-${c.id}`, onclick: () => startWithdraw(c),
          'aria-label': t('workcal.closures.withdrawOne', { county: countyNameNow(c.countyCode), date: c.date }),
        }, t('workcal.closures.withdraw'))) : null))))));
  }

  function startWithdraw(closure) {
    const back = () => { withdrawBox.replaceChildren(); list.querySelector(`#withdraw-${closure.id}`)?.focus(); };
    const form = checkedForm([{ name: 'withdrawReason', label: t('workcal.form.withdrawReason'), kind: 'long', required: true, max: 4000 }]);
    const error = h('div', { id: 'workcal-withdraw-error', role: 'alert' });
    const title = t('workcal.closures.withdrawTitle', { county: countyNameNow(closure.countyCode), date: closure.date });
    const el = h('form', { class: 'action-form', novalidate: true, 'aria-label': title },
      h('h3', {}, title), h('div', { class: 'grid' }, form.fields.map(f => f.wrap)), error,
      h('p', { class: 'toolbar' },
        h('button', { type: 'submit', class: 'primary', id: 'workcal-withdraw-confirm' }, t('workcal.closures.withdrawConfirm')),
        h('button', { type: 'button', onclick: back }, t('form.cancel'))));
    el.addEventListener('submit', async event => {
      event.preventDefault();
      error.replaceChildren();
      if (!form.check()) { form.focusFirst(); return; }
      try {
        await api(`/api/calendars/closures/${closure.id}/withdraw`, { method: 'POST', body: { reason: form.body().withdrawReason } });
        withdrawBox.replaceChildren();
        say(t('workcal.closures.withdrawn', { county: countyNameNow(closure.countyCode), date: closure.date }), 'success');
        await load();
        heading.focus();
      } catch (problem) {
        const atField = form.showServerErrors({ fieldErrors: (problem.fieldErrors ?? []).map(e => ({ ...e, field: e.field === 'reason' ? 'withdrawReason' : e.field })) });
        fill(error, h('p', { class: 'notice failure' }, atField ? t('item.fixFields') : problem.text));
        form.focusFirst();
      }
    });
    fill(withdrawBox, el);
    form.focusFirst();
  }

  function drawAdd() {
    const form = checkedForm([
      { name: 'countyCode', label: t('workcal.col.county'), kind: 'select', group: 'county', values: [], required: true },
      { name: 'date', label: t('workcal.col.date'), kind: 'date', required: true },
      { name: 'reason', label: t('workcal.form.closureReason'), kind: 'long', required: true, max: 4000 },
    ]);
    const county = form.fields[0].control;
    county.append(...counties.map(c => h('option', { value: c.code }, nameOf(c))));
    form.fields[1].control.min = shanghaiDate();
    const error = h('div', { id: 'workcal-closure-error', role: 'alert' });
    const previewBox = h('div', { id: 'workcal-closure-preview-box' });
    const el = h('form', { class: 'action-form', id: 'workcal-closure-form', novalidate: true, 'aria-labelledby': 'workcal-closure-form-heading' },
      h('h3', { id: 'workcal-closure-form-heading' }, t('workcal.closures.addTitle')),
      h('div', { class: 'grid' }, form.fields.map(f => f.wrap)), error,
      h('p', { class: 'toolbar' }, h('button', { type: 'submit', class: 'primary', id: 'workcal-closure-preview' }, t('workcal.form.preview'))),
      previewBox);
    el.addEventListener('input', () => previewBox.replaceChildren());
    el.addEventListener('submit', async event => {
      event.preventDefault();
      error.replaceChildren();
      if (!form.check()) { fill(error, h('p', { class: 'notice failure' }, t('item.fixFields'))); form.focusFirst(); return; }
      const body = form.body();
      const failed = problem => {
        previewBox.replaceChildren();
        fill(error, h('p', { class: 'notice failure' }, form.showServerErrors(problem) ? t('item.fixFields') : problem.text));
        form.focusFirst();
      };
      try {
        const preview = await api('/api/calendars/closures/preview', { method: 'POST', body });
        const panel = previewPanel(preview, {
          id: 'workcal-closure-check', title: t('workcal.closures.previewTitle', { county: countyNameNow(body.countyCode), date: body.date }),
          confirmLabel: t('workcal.closures.addConfirm'),
          onBack: () => { previewBox.replaceChildren(); form.fields[0].control.focus(); },
          onConfirm: async () => {
            try {
              await api('/api/calendars/closures', { method: 'POST', body });
              say(t('workcal.closures.added', { county: countyNameNow(body.countyCode), date: body.date }), 'success');
              drawAdd();
              await load();
              heading.focus();
            } catch (problem) { failed(problem); }
          },
        });
        fill(previewBox, panel.el);
        panel.focus();
      } catch (problem) { failed(problem); }
    });
    fill(addBox, el);
  }

  if (admin) drawAdd();
  await load();
  return { el, load };
}
