// What a calendar change would do to the running clocks (the server's preview), with the confirmation that makes it.
import { h } from '../dom.js';
import { t, word } from '../i18n.js';
import { dateTime } from '../format.js';

const itemPaths = { ticket: 'tickets', legal_aid_case: 'legal-aid-cases', rehab_visit: 'rehab-visits' };

/** options: { id, title, confirmLabel, onConfirm, onBack }; returns { el, focus() }. */
export function previewPanel(preview, { id, title, confirmLabel, onConfirm, onBack }) {
  const heading = h('h3', { id: `${id}-heading`, tabindex: '-1' }, title);
  const confirm = h('button', { type: 'button', class: 'primary', id: `${id}-confirm`, onclick: onConfirm }, confirmLabel);
  const el = h('section', { class: 'notice preview', id, 'aria-labelledby': heading.id },
    heading,
    h('p', { id: `${id}-summary` }, t('workcal.preview.summary', { open: preview.openItems, running: preview.runningClocks, moved: preview.clocksMoved })),
    preview.clocksMoved ? h('p', {}, t('workcal.preview.shift', { earlier: hours(-preview.largestEarlierHours), later: hours(preview.largestLaterHours) })) : null,
    preview.becomeOverdue.length
      ? [h('p', { class: 'notice failure' }, t('workcal.preview.overdue', { n: preview.becomeOverdue.length })),
        shiftTable(t('workcal.preview.overdueCaption'), preview.becomeOverdue)]
      : h('p', {}, t('workcal.preview.noneOverdue')),
    preview.moved.length ? shiftTable(t('workcal.preview.movedCaption', { n: preview.moved.length, listed: preview.listed }), preview.moved) : null,
    h('p', { class: 'toolbar' }, confirm, h('button', { type: 'button', id: `${id}-back`, onclick: onBack }, t('workcal.preview.back'))));
  return { el, focus: () => heading.focus() };
}

const hours = n => Number(n ?? 0).toLocaleString(undefined, { maximumFractionDigits: 2 });

function shiftTable(caption, shifts) {
  return h('div', { class: 'table-wrap' }, h('table', {},
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, ['workcal.col.item', 'workcal.col.clock', 'workcal.col.dueBefore', 'workcal.col.dueAfter', 'workcal.col.shift']
      .map(key => h('th', { scope: 'col' }, t(key))))),
    h('tbody', {}, shifts.map(s => h('tr', {},
      h('th', { scope: 'row' }, h('a', { href: `#/${itemPaths[s.itemType] ?? 'tickets'}/${s.itemId}` }, `${t(`workcal.item.${s.itemType}`)} ${s.itemId.slice(0, 8)}`)),
      h('td', {}, word('clockName', s.clock)),
      h('td', {}, dateTime(s.dueBefore)),
      h('td', {}, dateTime(s.dueAfter)),
      h('td', { class: 'num' }, hours(s.shiftHours)))))));
}
