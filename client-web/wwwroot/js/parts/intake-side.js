// The intake form's side panels: the suggested unit and the caller's record with possible duplicates.
import { api } from '../api.js';
import { fill, h } from '../dom.js';
import { t, word } from '../i18n.js';
import { clockBadge, dateTime } from '../format.js';
import { nameOf } from '../reference.js';
import { phoneProblem, residentIdProblem } from './intake-rules.js';
import { ticketTable } from './ticket-table.js';

export function suggestionPanel() {
  const body = h('p', { id: 'suggested-unit' }, t('intake.suggestion.wait'));
  const panel = h('section', { class: 'panel', 'aria-labelledby': 'suggestion-heading' },
    h('h2', { id: 'suggestion-heading' }, t('intake.suggestion')), body);
  let asked = '';
  /** Asks the routing rules; calls back with the suggested unit or null. */
  async function update(values, onUnit) {
    const { countyCode, townCode, kind, topic } = values;
    if (!countyCode || !kind || !topic) { fill(body, t('intake.suggestion.wait')); onUnit(null); return; }
    const query = new URLSearchParams({ countyCode, kind, topic, ...(townCode ? { townCode } : {}) }).toString();
    if (query === asked) return;
    asked = query;
    try {
      const unit = await api(`/api/routing-suggestion?${query}`);
      if (asked !== query) return;
      fill(body, h('strong', {}, nameOf(unit)), ` (${unit.unitCode})`);
      onUnit(unit);
    } catch (problem) {
      if (asked !== query) return;
      fill(body, problem.code === 'no_route' ? t('intake.suggestion.none') : problem.text);
      onUnit(null);
    }
  }
  return { panel, update };
}

/** onMerge(number): the operator chose to merge this call into a possible duplicate (并入此单). */
export function callerHistoryPanel(onMerge) {
  const body = h('div', { id: 'caller-history', 'aria-live': 'polite' }, h('p', { class: 'hint' }, t('intake.history.wait')));
  const panel = h('section', { class: 'panel', 'aria-labelledby': 'history-heading' },
    h('h2', { id: 'history-heading' }, t('intake.history')), body);
  let asked = '';
  async function update(values) {
    const id = (values.residentId ?? '').trim().toUpperCase();
    const phone = (values.callerPhone ?? '').trim();
    const lookup = {
      ...(id && !residentIdProblem(id) ? { residentId: id } : {}),
      ...(phone && !phoneProblem(phone) ? { phone } : {}),
      ...(values.topic ? { topic: values.topic } : {}),
    };
    if (!lookup.residentId && !lookup.phone) { asked = ''; fill(body, h('p', { class: 'hint' }, t('intake.history.wait'))); return; }
    const key = JSON.stringify(lookup);
    if (key === asked) return;
    asked = key;
    try {
      // Numbers travel in a POST body, never in a URL; the person record is asked by the opaque id the answer carries.
      const history = await api('/api/intake/caller-history', { method: 'POST', body: lookup });
      const timeline = history.personId
        ? await api(`/api/persons/${encodeURIComponent(history.personId)}/timeline`).catch(() => [])
        : [];
      if (asked !== key) return;
      const others = timeline.filter(e => e.itemType !== 'ticket');
      fill(body,
        section(t('intake.history.earlier', { n: history.earlierTickets.length }), history.earlierTickets),
        section(t('intake.history.duplicates', { n: history.possibleDuplicates.length }), history.possibleDuplicates, mergeButton(onMerge)),
        otherItems(t('intake.history.others', { n: others.length }), others));
    } catch (problem) {
      fill(body, h('p', { class: 'field-error' }, problem.text));
    }
  }
  return { panel, update };
}

/** A "merge into this" button per open possible duplicate; none for a closed or already merged one. */
const mergeButton = onMerge => (onMerge ? {
  header: t('intake.merge.header'),
  cell: s => (s.status === 'closed' || s.mergedInto ? '' : h('button', { type: 'button', class: 'merge-into', dataset: { number: s.number },
    onclick: () => onMerge(s.number) }, t('intake.merge.into'), h('span', { class: 'visually-hidden' }, ` ${s.number}`))),
} : null);

function section(title, summaries, extra) {
  const table = ticketTable(title, summaries, ['number', 'status', 'title', 'received'], extra);
  if (!table) return h('div', {}, h('h3', {}, title), h('p', { class: 'empty' }, t('intake.history.none')));
  // Open earlier tickets beside the form, so nothing typed is lost.
  table.querySelectorAll('a').forEach(a => {
    a.target = '_blank';
    a.rel = 'noopener';
    a.append(h('span', { class: 'visually-hidden' }, t('app.opensNew')));
  });
  return table;
}

const routes = { legal_aid_case: 'legal-aid-cases', rehab_visit: 'rehab-visits' };
const statusGroups = { legal_aid_case: 'caseStatus', rehab_visit: 'visitStatus' };
const labelGroups = { legal_aid_case: 'caseType', rehab_visit: 'serviceType' };

/** The person's legal-aid cases and rehab visits, each row named by its item type; links open beside the form. */
function otherItems(title, entries) {
  if (!entries.length) return h('div', {}, h('h3', {}, title), h('p', { class: 'empty' }, t('intake.history.none')));
  return h('div', { class: 'table-wrap', id: 'person-items' }, h('table', {},
    h('caption', {}, title),
    h('thead', {}, h('tr', {}, ['col.itemType', 'col.number', 'col.kind', 'col.status', 'col.clock', 'col.received'].map(k => h('th', { scope: 'col' }, t(k))))),
    h('tbody', {}, entries.map(e => h('tr', {},
      h('td', {}, word('itemType', e.itemType)),
      h('th', { scope: 'row' }, h('a', { href: `#/${routes[e.itemType]}/${e.id}`, target: '_blank', rel: 'noopener' },
        e.number, h('span', { class: 'visually-hidden' }, t('app.opensNew')))),
      h('td', {}, word(labelGroups[e.itemType], e.label)),
      h('td', {}, word(statusGroups[e.itemType], e.status)),
      h('td', {}, clockBadge(e.clockState ?? 'none')),
      h('td', {}, dateTime(e.at)))))));
}
