// The change history of a unit, town or routing rule (GET …/history): when, who, and which fields changed from what to
// what, newest first, ten at a time.
import { api } from '../api.js';
import { fill, h } from '../dom.js';
import { t } from '../i18n.js';
import { dateTime } from '../format.js';
import { pager } from './pager.js';

/**
 * Fills box with the record's history. options: { url, id, caption, label(field), show(field, value) }; label names a
 * field of the record, show puts one of its values in words.
 */
export async function changeHistory(box, { url, id, caption, label, show }) {
  const line = (field, before, after) => (before === undefined
    ? `${label(field)}：${show(field, after)}`
    : `${label(field)}：${show(field, before)} → ${show(field, after)}`);
  const changes = e => Object.keys(e.after).filter(k => k !== 'version')
    .filter(k => !e.before || JSON.stringify(e.before[k]) !== JSON.stringify(e.after[k]))
    .map(k => h('li', {}, line(k, e.before ? e.before[k] : undefined, e.after[k])));
  const load = async page => {
    let found;
    try {
      found = await api(`${url}?page=${page}&pageSize=10`);
    } catch (problem) {
      fill(box, h('p', { class: 'notice failure', role: 'alert' }, problem.text));
      return;
    }
    if (!found.items.length) { fill(box, h('p', { class: 'empty' }, t('refadmin.history.empty'))); return; }
    fill(box,
      h('div', { class: 'table-wrap' }, h('table', { id },
        h('caption', {}, caption),
        h('thead', {}, h('tr', {}, ['refadmin.history.when', 'refadmin.history.who', 'refadmin.history.what', 'refadmin.history.change']
          .map(key => h('th', { scope: 'col' }, t(key))))),
        h('tbody', {}, found.items.map(e => h('tr', {},
          h('th', { scope: 'row' }, dateTime(e.changedAt)),
          h('td', {}, `${e.changedByName} (${e.changedBy})`),
          h('td', {}, t(`refadmin.history.${e.action}`)),
          h('td', {}, h('ul', { class: 'plain' }, changes(e)))))))),
      pager(`${id}-pages`, found, load));
  };
  await load(1);
}

/** A value in words for the history: yes/no, a dash for nothing, a kind by its name through word(). */
export const plainValue = value => (value === true ? t('refadmin.yes') : value === false ? t('refadmin.no')
  : value === null || value === undefined || value === '' ? '—' : String(value));
