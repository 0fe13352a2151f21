// 乡镇（街道）管理: the towns and sub-districts of one county; administrators add one to the county and change its names
// and kind (a town is never deleted or moved: items name it); everyone here reads a town's change history.
import { announce, fill, h } from '../dom.js';
import { t, word } from '../i18n.js';
import { loadCounties, nameOf, reloadCounties, supervisesOneCounty } from '../reference.js';
import { changeHistory, plainValue } from '../parts/change-history.js';
import { fillSelect, referenceEditor } from '../parts/reference-editor.js';

const kinds = ['town', 'subdistrict'];

export async function render(main, { user, query }) {
  const admin = user.role === 'admin';
  // A county supervisor reads the history of the county's towns only; the server answers 404 for the others.
  const readsHistory = () => !supervisesOneCounty(user) || state.county === user.areaCode;
  let areas = (await loadCounties()).filter(a => a.level === 'county');
  const state = { county: areas.some(a => a.code === query.get('county')) ? query.get('county') : areas[0]?.code };
  const notice = h('div', { id: 'towns-notice' });
  const listPanel = h('section', { class: 'panel', 'aria-labelledby': 'towns-list-heading' });
  const detail = h('section', { class: 'panel', id: 'towns-detail', hidden: true, 'aria-label': t('refadmin.towns.detail') });
  const say = (text, kind) => {
    fill(notice, h('p', { class: `notice ${kind}`, role: kind === 'failure' ? 'alert' : 'status' }, text));
    announce(text, kind === 'failure' ? 'alert' : 'polite');
  };
  main.append(h('h1', {}, t('refadmin.towns.title')), h('p', { class: 'hint' }, t(admin ? 'refadmin.towns.intro' : 'refadmin.readOnly')),
    notice, listPanel, detail);
  const countyOf = () => areas.find(a => a.code === state.county);
  drawList();

  function drawList(focusCode) {
    const county = h('select', { id: 'towns-county' }, areas.map(a => h('option', { value: a.code, selected: a.code === state.county }, nameOf(a))));
    const chooser = h('form', { class: 'toolbar', novalidate: true, 'aria-label': t('refadmin.filter') },
      h('div', { class: 'field' }, h('label', { for: county.id }, t('refadmin.county')), county),
      h('button', { type: 'submit', id: 'towns-show' }, t('refadmin.find')));
    chooser.addEventListener('submit', event => {
      event.preventDefault();
      state.county = county.value;
      history.replaceState(null, '', `#/admin/towns?county=${state.county}`);
      detail.hidden = true;
      drawList();
      listPanel.querySelector('#towns-list-heading').focus();
    });
    const towns = countyOf()?.towns ?? [];
    fill(listPanel, h('h2', { id: 'towns-list-heading', tabindex: '-1' }, t('refadmin.towns.list', { county: nameOf(countyOf()), n: towns.length })),
      chooser,
      admin ? h('p', {}, h('button', { type: 'button', class: 'primary', id: 'towns-add', onclick: () => edit(null) }, t('refadmin.towns.add'))) : null,
      h('div', { class: 'table-wrap' }, h('table', { id: 'towns-table' },
        h('caption', {}, t('refadmin.towns.caption', { county: nameOf(countyOf()) })),
        h('thead', {}, h('tr', {}, ['refadmin.towns.code', 'refadmin.towns.name', 'refadmin.nameEn', 'refadmin.towns.kind', 'refadmin.actions']
          .map(k => h('th', { scope: 'col' }, t(k))))),
        h('tbody', {}, towns.map(town => h('tr', { id: `town-${town.code}` },
          h('th', { scope: 'row' }, town.code), h('td', {}, town.name), h('td', {}, town.nameEn), h('td', {}, word('townKind', town.kind)),
          h('td', {}, h('span', { class: 'toolbar' },
            admin ? h('button', { type: 'button', id: `town-edit-${town.code}`, 'aria-label': t('refadmin.editOne', { name: nameOf(town) }),
              onclick: () => edit(town) }, t('refadmin.edit')) : null,
            readsHistory() ? h('button', { type: 'button', id: `town-history-${town.code}`, 'aria-label': t('refadmin.historyOne', { name: nameOf(town) }),
              onclick: () => showHistory(town) }, t('refadmin.history')) : null))))))));
    if (focusCode) listPanel.querySelector(`#town-history-${focusCode}`)?.focus();
  }

  function edit(town) {
    const editorBox = h('div');
    const historyBox = h('div', { id: 'towns-history-box' });
    fill(detail, editorBox, town ? historyBox : null);
    detail.hidden = false;
    const back = () => { detail.hidden = true; detail.replaceChildren(); listPanel.querySelector(town ? `#town-edit-${town.code}` : '#towns-add')?.focus(); };
    const county = countyOf();
    referenceEditor(editorBox, {
      id: 'town-form',
      title: town ? t('refadmin.towns.editTitle', { name: nameOf(town), code: town.code }) : t('refadmin.towns.addTitle', { county: nameOf(county) }),
      submitLabel: t('refadmin.save'),
      method: town ? 'PUT' : 'POST',
      url: town ? `/api/reference/towns/${town.code}` : '/api/reference/towns',
      body: values => ({ ...values, countyCode: county.code }),
      specs: [
        town ? null : { name: 'code', label: t('refadmin.towns.code'), required: true, max: 9, pattern: /^[0-9]{9}$/,
          patternMessage: t('refadmin.towns.codeFormat'), hint: t('refadmin.towns.codeHint', { county: county.code }) },
        { name: 'name', label: t('refadmin.towns.name'), required: true, max: 50, value: town?.name },
        { name: 'nameEn', label: t('refadmin.nameEn'), max: 50, value: town?.nameEn },
        { name: 'kind', label: t('refadmin.towns.kind'), kind: 'select', group: 'townKind', values: kinds, required: true },
      ].filter(Boolean),
      prepare: form => {
        const kind = form.fields.find(f => f.spec.name === 'kind').control;
        fillSelect(kind, [], town?.kind);
        if (!town) form.fields[0].control.value = county.code;
      },
      onSaved: async saved => {
        areas = (await reloadCounties()).filter(a => a.level === 'county');
        say(t(town ? 'refadmin.towns.changed' : 'refadmin.towns.added', { name: saved.name, code: saved.code }), 'success');
        drawList();
        edit(saved);
      },
      onCancel: back,
    });
    if (town) historyOf(town, historyBox);
  }

  async function showHistory(town) {
    const historyBox = h('div', { id: 'towns-history-box' });
    const heading = h('h3', { id: 'towns-history-heading', tabindex: '-1' }, t('refadmin.historyOf', { name: nameOf(town), code: town.code }));
    fill(detail, heading, historyBox, h('p', {}, h('button', { type: 'button', id: 'towns-history-close', onclick: () => {
      detail.hidden = true; detail.replaceChildren(); listPanel.querySelector(`#town-history-${town.code}`)?.focus();
    } }, t('refadmin.close'))));
    detail.hidden = false;
    await historyOf(town, historyBox);
    heading.focus();
  }

  function historyOf(town, box) {
    return changeHistory(box, {
      url: `/api/reference/towns/${town.code}/history`, id: 'towns-history',
      caption: t('refadmin.history.caption', { name: nameOf(town) }),
      label: field => t(`refadmin.field.${field}`),
      show: (field, value) => (field === 'kind' ? word('townKind', value) : field === 'countyCode' ? nameOf(areas.find(a => a.code === value)) || value : plainValue(value)),
    });
  }
}
