// What publishing a deadline-rule version would change (the server's preview), with the confirmation that publishes it.
import { h } from '../dom.js';
import { t, word } from '../i18n.js';

/** A length in words: 10 个工作日 / 10 working days. */
export const lengthText = (amount, unit) => `${Number(amount)} ${word('timeUnit', unit)}`;

/** The server's "10 working_days" in words; a source text as it is. */
const changedText = text => {
  const m = /^(\d+(?:\.\d+)?) ([a-z_]+)$/.exec(text ?? '');
  return m ? lengthText(m[1], m[2]) : text ?? '—';
};

/** preview: POST /api/sla-rules/versions/preview; returns { el, focus() }. */
export function rulesPreviewPanel(preview, { onConfirm, onBack }) {
  const id = 'rules-check';
  const heading = h('h3', { id: `${id}-heading`, tabindex: '-1' },
    t('rules.preview.title', { version: preview.version, date: preview.effectiveFrom }));
  const el = h('section', { class: 'notice preview', id, 'aria-labelledby': heading.id },
    heading,
    h('p', {}, t('rules.preview.replaces', { version: preview.replacesVersion, date: preview.effectiveFrom })),
    h('p', { id: `${id}-keep` }, t('rules.preview.keep', { n: preview.openItemsKeepingTheirVersion })),
    preview.changes.length
      ? h('div', { class: 'table-wrap' }, h('table', { id: 'rules-changes' },
        h('caption', {}, t('rules.preview.caption', { n: preview.changes.length })),
        h('thead', {}, h('tr', {}, ['rules.col.item', 'rules.col.rule', 'rules.col.clock', 'rules.col.change', 'rules.col.before', 'rules.col.after']
          .map(key => h('th', { scope: 'col' }, t(key))))),
        h('tbody', {}, preview.changes.map(c => h('tr', {},
          h('th', { scope: 'row' }, t(`rules.item.${c.item}`)),
          h('td', {}, c.item === 'ticket' ? ticketRuleName(c.name) : word('rules.clock', c.name)),
          h('td', {}, c.clock ? word('rules.clock', c.clock) : '—'),
          h('td', {}, word('rules.change', c.change)),
          h('td', {}, changedText(c.before)),
          h('td', {}, changedText(c.after)))))))
      : h('p', { class: 'empty', id: `${id}-none` }, t('rules.preview.none')),
    h('p', { class: 'toolbar' },
      h('button', { type: 'button', class: 'primary', id: `${id}-confirm`, onclick: onConfirm }, t('rules.publish.confirm')),
      h('button', { type: 'button', id: `${id}-back`, onclick: onBack }, t('workcal.preview.back'))));
  return { el, focus: () => heading.focus() };
}

export function ticketRuleName(name) {
  const [kind, urgency] = name.split('/');
  return `${kind === '*' ? t('rules.anyKind') : word('kind', kind)} · ${word('urgency', urgency)}`;
}
