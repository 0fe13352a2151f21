// 派单规则管理: the rules automatic dispatch follows - where each applies (county, town, ticket kind, topic; empty means
// any) and the kind of unit it sends to; the most specific active rule wins. Administrators add and change rules;
// everyone here reads a rule's change history.
import { api } from '../api.js';
import { announce, fill, h } from '../dom.js';
import { t, word } from '../i18n.js';
import { loadCounties, nameOf, supervisesOneCounty } from '../reference.js';
import { vocabulary } from '../parts/fields.js';
import { changeHistory, plainValue } from '../parts/change-history.js';
import { fillSelect, referenceEditor } from '../parts/reference-editor.js';

const unitKinds = ['centre', 'legal_aid', 'rehab', 'petition_review'];

export async function render(main, { user }) {
  const admin = user.role === 'admin';
  // A county supervisor reads the history of the county's rules and of those that apply everywhere; the server answers 404 for the others.
  const readsHistory = countyCode => !supervisesOneCounty(user) || !countyCode || countyCode === user.areaCode;
  const areas = await loadCounties();
  const towns = areas.flatMap(a => a.towns.map(town => ({ ...town, countyCode: a.code })));
  const notice = h('div', { id: 'routing-notice' });
  const listPanel = h('section', { class: 'panel', 'aria-labelledby': 'routing-list-heading' });
  const detail = h('section', { class: 'panel', id: 'routing-detail', hidden: true, 'aria-label': t('refadmin.routing.detail') });
  const say = (text, kind) => {
    fill(notice, h('p', { class: `notice ${kind}`, role: kind === 'failure' ? 'alert' : 'status' }, text));
    announce(text, kind === 'failure' ? 'alert' : 'polite');
  };
  const countyText = code => (code ? nameOf(areas.find(a => a.code === code)) || code : t('refadmin.any'));
  const townText = code => (code ? nameOf(towns.find(x => x.code === code)) || code : t('refadmin.any'));
  const ruleName = rule => t('refadmin.routing.ruleName', { id: rule.id });
  main.append(h('h1', {}, t('refadmin.routing.title')), h('p', { class: 'hint' }, t(admin ? 'refadmin.routing.intro' : 'refadmin.readOnly')),
    notice, listPanel, detail);
  await loadList();

  async function loadList() {
    let rules;
    try {
      rules = await api('/api/routing-rules');
    } catch (problem) {
      say(problem.text, 'failure');
      return;
    }
    fill(listPanel, h('h2', { id: 'routing-list-heading', tabindex: '-1' }, t('refadmin.routing.list', { n: rules.length })),
      admin ? h('p', {}, h('button', { type: 'button', class: 'primary', id: 'routing-add', onclick: () => edit(null) }, t('refadmin.routing.add'))) : null,
      h('div', { class: 'table-wrap' }, h('table', { id: 'routing-table' },
        h('caption', {}, t('refadmin.routing.caption')),
        h('thead', {}, h('tr', {}, ['refadmin.routing.rule', 'refadmin.county', 'refadmin.routing.town', 'refadmin.routing.kind', 'refadmin.routing.topic',
          'refadmin.routing.sendsTo', 'refadmin.units.active', 'refadmin.routing.note', 'refadmin.actions'].map(k => h('th', { scope: 'col' }, t(k))))),
        h('tbody', {}, rules.map(r => h('tr', { id: `rule-${r.id}` },
          h('th', { scope: 'row' }, ruleName(r)), h('td', {}, countyText(r.countyCode)), h('td', {}, townText(r.townCode)),
          h('td', {}, r.kind ? word('kind', r.kind) : t('refadmin.any')), h('td', {}, r.topic ? word('topic', r.topic) : t('refadmin.any')),
          h('td', { class: 'rule-sends-to' }, word('unitKind', r.unitKind)), h('td', {}, r.active ? t('refadmin.yes') : t('refadmin.no')),
          h('td', {}, r.note ?? '—'),
          h('td', {}, h('span', { class: 'toolbar' },
            admin ? h('button', { type: 'button', id: `rule-edit-${r.id}`, 'aria-label': t('refadmin.editOne', { name: ruleName(r) }),
              onclick: () => edit(r) }, t('refadmin.edit')) : null,
            readsHistory(r.countyCode) ? h('button', { type: 'button', id: `rule-history-${r.id}`, 'aria-label': t('refadmin.historyOne', { name: ruleName(r) }),
              onclick: () => showHistory(r) }, t('refadmin.history')) : null))))))));
  }

  function edit(rule) {
    const editorBox = h('div');
    const historyBox = h('div', { id: 'routing-history-box' });
    fill(detail, editorBox, rule ? historyBox : null);
    detail.hidden = false;
    const back = () => { detail.hidden = true; detail.replaceChildren(); listPanel.querySelector(rule ? `#rule-edit-${rule.id}` : '#routing-add')?.focus(); };
    referenceEditor(editorBox, {
      id: 'rule-form',
      title: rule ? t('refadmin.routing.editTitle', { name: ruleName(rule) }) : t('refadmin.routing.add'),
      submitLabel: t('refadmin.save'),
      method: rule ? 'PUT' : 'POST',
      url: rule ? `/api/routing-rules/${rule.id}` : '/api/routing-rules',
      specs: [
        { name: 'countyCode', label: t('refadmin.county'), kind: 'select', group: 'county', values: [] },
        { name: 'townCode', label: t('refadmin.routing.town'), kind: 'select', group: 'town', values: [], hint: t('refadmin.routing.townHint') },
        { name: 'kind', label: t('refadmin.routing.kind'), kind: 'select', group: 'kind', values: vocabulary.kind },
        { name: 'topic', label: t('refadmin.routing.topic'), kind: 'select', group: 'topic', values: vocabulary.topic },
        { name: 'unitKind', label: t('refadmin.routing.sendsTo'), kind: 'select', group: 'unitKind', values: unitKinds, required: true },
        { name: 'note', label: t('refadmin.routing.note'), max: 200, value: rule?.note },
        { name: 'active', label: t('refadmin.units.active'), kind: 'checkbox', value: rule ? rule.active : true },
      ],
      prepare: form => {
        const control = name => form.fields.find(f => f.spec.name === name).control;
        fillSelect(control('countyCode'), areas.map(a => [a.code, nameOf(a)]), rule?.countyCode, t('refadmin.any'));
        fillSelect(control('townCode'), towns.map(x => [x.code, `${countyText(x.countyCode)} · ${nameOf(x)}`]), rule?.townCode, t('refadmin.any'));
        fillSelect(control('kind'), [], rule?.kind, t('refadmin.any'));
        fillSelect(control('topic'), [], rule?.topic, t('refadmin.any'));
        fillSelect(control('unitKind'), [], rule?.unitKind);
      },
      onSaved: async saved => {
        say(t(rule ? 'refadmin.routing.changed' : 'refadmin.routing.added', { name: ruleName(saved) }), 'success');
        await loadList();
        edit(saved);
      },
      onCancel: back,
    });
    if (rule) historyOf(rule, historyBox);
  }

  async function showHistory(rule) {
    const historyBox = h('div', { id: 'routing-history-box' });
    const heading = h('h3', { id: 'routing-history-heading', tabindex: '-1' }, t('refadmin.historyOf', { name: ruleName(rule), code: rule.id }));
    fill(detail, heading, historyBox, h('p', {}, h('button', { type: 'button', id: 'routing-history-close', onclick: () => {
      detail.hidden = true; detail.replaceChildren(); listPanel.querySelector(`#rule-history-${rule.id}`)?.focus();
    } }, t('refadmin.close'))));
    detail.hidden = false;
    await historyOf(rule, historyBox);
    heading.focus();
  }

  function historyOf(rule, box) {
    const words = { kind: 'kind', topic: 'topic', unitKind: 'unitKind' };
    return changeHistory(box, {
      url: `/api/routing-rules/${rule.id}/history`, id: 'routing-history',
      caption: t('refadmin.history.caption', { name: ruleName(rule) }),
      label: field => t(`refadmin.field.${field}`),
      show: (field, value) => (field === 'countyCode' ? countyText(value) : field === 'townCode' ? townText(value)
        : words[field] ? (value ? word(words[field], value) : t('refadmin.any')) : plainValue(value)),
    });
  }
}
