// 单位管理: the service units by county and kind; administrators add a unit and change one (names, kind, county,
// contact, routing share, active); everyone here reads a unit's change history. Supervisors read only.
import { api } from '../api.js';
import { announce, fill, h } from '../dom.js';
import { t, word } from '../i18n.js';
import { countyNameNow, forgetUnits, loadCounties, nameOf, supervisesOneCounty } from '../reference.js';
import { changeHistory, plainValue } from '../parts/change-history.js';
import { fillSelect, referenceEditor } from '../parts/reference-editor.js';

const kinds = ['centre', 'legal_aid', 'rehab', 'petition_review'];

export async function render(main, { user, query }) {
  const admin = user.role === 'admin';
  // A county supervisor reads the history of the county's units only; the server answers 404 for the others.
  const readsHistory = countyCode => !supervisesOneCounty(user) || countyCode === user.areaCode;
  const areas = await loadCounties();
  const filters = { county: areas.some(a => a.code === query.get('county')) ? query.get('county') : '', kind: '' };
  const notice = h('div', { id: 'units-notice' });
  const listPanel = h('section', { class: 'panel', 'aria-labelledby': 'units-list-heading' });
  const detail = h('section', { class: 'panel', id: 'units-detail', hidden: true, 'aria-label': t('refadmin.units.detail') });
  const say = (text, kind) => {
    fill(notice, h('p', { class: `notice ${kind}`, role: kind === 'failure' ? 'alert' : 'status' }, text));
    announce(text, kind === 'failure' ? 'alert' : 'polite');
  };
  main.append(h('h1', {}, t('refadmin.units.title')), h('p', { class: 'hint' }, t(admin ? 'refadmin.units.intro' : 'refadmin.readOnly')),
    notice, listPanel, detail);
  await loadList();

  function select(id, options, value) {
    return h('select', { id }, options.map(([v, label]) => h('option', { value: v, selected: v === value }, label)));
  }

  async function loadList(focusCode) {
    const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v !== ''));
    let units;
    try {
      units = await api(`/api/reference/units?${query}`);
    } catch (problem) {
      say(problem.text, 'failure');
      return;
    }
    const county = select('units-filter-county', [['', t('refadmin.all')], ...areas.map(a => [a.code, nameOf(a)])], filters.county);
    const kind = select('units-filter-kind', [['', t('refadmin.all')], ...kinds.map(k => [k, word('unitKind', k)])], filters.kind);
    const search = h('form', { class: 'toolbar', role: 'search', novalidate: true, 'aria-label': t('refadmin.filter') },
      h('div', { class: 'field' }, h('label', { for: county.id }, t('refadmin.county')), county),
      h('div', { class: 'field' }, h('label', { for: kind.id }, t('refadmin.units.kind')), kind),
      h('button', { type: 'submit', id: 'units-find' }, t('refadmin.find')));
    search.addEventListener('submit', async event => {
      event.preventDefault();
      Object.assign(filters, { county: county.value, kind: kind.value });
      await loadList();
      listPanel.querySelector('#units-list-heading').focus();
    });
    fill(listPanel, h('h2', { id: 'units-list-heading', tabindex: '-1' }, t('refadmin.units.list', { n: units.length })), search,
      admin ? h('p', {}, h('button', { type: 'button', class: 'primary', id: 'units-add', onclick: () => edit(null) }, t('refadmin.units.add'))) : null,
      h('div', { class: 'table-wrap' }, h('table', { id: 'units-table' },
        h('caption', {}, t('refadmin.units.caption')),
        h('thead', {}, h('tr', {}, ['refadmin.units.code', 'refadmin.units.name', 'refadmin.units.kind', 'refadmin.county', 'refadmin.units.share',
          'refadmin.units.active', 'refadmin.actions'].map(k => h('th', { scope: 'col' }, t(k))))),
        h('tbody', {}, units.map(u => h('tr', { id: `unit-${u.code}` },
          h('th', { scope: 'row' }, u.code), h('td', {}, nameOf(u)), h('td', {}, word('unitKind', u.kind)),
          h('td', {}, countyNameNow(u.countyCode)), h('td', { class: 'unit-share' }, String(u.routingShare)),
          h('td', {}, u.active ? t('refadmin.yes') : t('refadmin.no')),
          h('td', {}, h('span', { class: 'toolbar' },
            admin ? h('button', { type: 'button', id: `unit-edit-${u.code}`, 'aria-label': t('refadmin.editOne', { name: nameOf(u) }),
              onclick: () => edit(u) }, t('refadmin.edit')) : null,
            readsHistory(u.countyCode) ? h('button', { type: 'button', id: `unit-history-${u.code}`, 'aria-label': t('refadmin.historyOne', { name: nameOf(u) }),
              onclick: () => showHistory(u) }, t('refadmin.history')) : null))))))));
    if (focusCode) listPanel.querySelector(`#unit-history-${CSS.escape(focusCode)}`)?.focus();
  }

  function edit(unit) {
    const editorBox = h('div');
    const historyBox = h('div', { id: 'units-history-box' });
    fill(detail, editorBox, unit ? historyBox : null);
    detail.hidden = false;
    const back = () => { detail.hidden = true; detail.replaceChildren(); listPanel.querySelector(unit ? `#unit-edit-${CSS.escape(unit.code)}` : '#units-add')?.focus(); };
    referenceEditor(editorBox, {
      id: 'unit-form',
      title: unit ? t('refadmin.units.editTitle', { name: nameOf(unit), code: unit.code }) : t('refadmin.units.add'),
      submitLabel: t('refadmin.save'),
      method: unit ? 'PUT' : 'POST',
      url: unit ? `/api/reference/units/${encodeURIComponent(unit.code)}` : '/api/reference/units',
      specs: [
        unit ? null : { name: 'code', label: t('refadmin.units.code'), required: true, max: 40, pattern: /^[0-9A-Z][0-9A-Z-]{2,39}$/,
          patternMessage: t('refadmin.units.codeFormat'), hint: t('refadmin.units.codeHint') },
        { name: 'name', label: t('refadmin.units.name'), required: true, max: 100, value: unit?.name },
        { name: 'nameEn', label: t('refadmin.nameEn'), max: 200, value: unit?.nameEn },
        { name: 'kind', label: t('refadmin.units.kind'), kind: 'select', group: 'unitKind', values: kinds, required: true },
        { name: 'countyCode', label: t('refadmin.county'), kind: 'select', group: 'county', values: [], required: true },
        { name: 'phone', label: t('refadmin.units.phone'), max: 20, value: unit?.phone, hint: t('refadmin.units.phoneHint') },
        { name: 'email', label: t('refadmin.units.email'), max: 254, value: unit?.email, pattern: /^[^@\s]+@[^@\s]+\.[^@\s.]+$/,
          patternMessage: t('refadmin.units.emailFormat'), hint: t('refadmin.units.emailHint') },
        { name: 'address', label: t('refadmin.units.address'), max: 200, value: unit?.address },
        { name: 'routingShare', label: t('refadmin.units.share'), kind: 'number', min: 1, max: 100, required: true,
          value: unit?.routingShare ?? 1, hint: t('refadmin.units.shareHint') },
        { name: 'active', label: t('refadmin.units.active'), kind: 'checkbox', value: unit ? unit.active : true },
      ].filter(Boolean),
      prepare: form => {
        const control = name => form.fields.find(f => f.spec.name === name).control;
        if (unit) control('kind').value = unit.kind;
        fillSelect(control('countyCode'), areas.map(a => [a.code, nameOf(a)]), unit?.countyCode);
      },
      onSaved: async saved => {
        forgetUnits();
        say(t(unit ? 'refadmin.units.changed' : 'refadmin.units.added', { name: nameOf(saved), code: saved.code }), 'success');
        await loadList();
        await edit(saved);
      },
      onCancel: back,
    });
    if (unit) historyOf(unit, historyBox);
  }

  async function showHistory(unit) {
    const historyBox = h('div', { id: 'units-history-box' });
    const heading = h('h3', { id: 'units-history-heading', tabindex: '-1' }, t('refadmin.historyOf', { name: nameOf(unit), code: unit.code }));
    fill(detail, heading, historyBox, h('p', {}, h('button', { type: 'button', id: 'units-history-close', onclick: () => {
      detail.hidden = true; detail.replaceChildren(); listPanel.querySelector(`#unit-history-${CSS.escape(unit.code)}`)?.focus();
    } }, t('refadmin.close'))));
    detail.hidden = false;
    await historyOf(unit, historyBox);
    heading.focus();
  }

  function historyOf(unit, box) {
    return changeHistory(box, {
      url: `/api/reference/units/${encodeURIComponent(unit.code)}/history`, id: 'units-history',
      caption: t('refadmin.history.caption', { name: nameOf(unit) }),
      label: field => t(`refadmin.field.${field}`),
      show: (field, value) => (field === 'kind' ? word('unitKind', value) : field === 'countyCode' ? countyNameNow(value) : plainValue(value)),
    });
  }
}
