// 工作日历管理: the years the deadlines are counted on with their status and source; one year's days off, make-up working
// days and change history; publishing the State Council notice after a preview; county closures. Administrators change
// the calendar, supervisors read it.
import { api } from '../api.js';
import { announce, fill, h } from '../dom.js';
import { t, word } from '../i18n.js';
import { dateTime } from '../format.js';
import { yearForm } from '../parts/calendar-year-form.js';
import { previewPanel } from '../parts/calendar-preview.js';
import { closuresSection } from '../parts/calendar-closures.js';
import { blocksOf, dayName, dayText, rangeText } from '../parts/calendar-days.js';

export async function render(main, { user, query }) {
  const admin = user.role === 'admin';
  const state = { years: [], chosen: Number(query.get('year')) || null };
  const notice = h('div', { id: 'workcal-notice' });
  const yearsPanel = h('section', { class: 'panel', 'aria-labelledby': 'workcal-years-heading' });
  const yearPanel = h('section', { class: 'panel', id: 'workcal-year', 'aria-labelledby': 'workcal-year-heading' });
  /** Who made a change: the signed-in user by name, anyone else by role and account id (there is no user directory to ask). */
  const who = (userId, role) => (userId === user.id ? t('workcal.you', { name: user.displayName || user.email }) : `${word('role', role)} ${userId}`);
  const say = (text, kind) => {
    fill(notice, h('p', { class: `notice ${kind}`, role: kind === 'failure' ? 'alert' : 'status' }, text));
    announce(text, kind === 'failure' ? 'alert' : 'polite');
  };
  const closures = await closuresSection({ admin, who, say });
  main.append(h('h1', {}, t('workcal.title')), h('p', { class: 'hint' }, t(admin ? 'workcal.intro.admin' : 'workcal.intro.reader')), notice,
    h('div', { class: 'columns' }, h('div', {}, yearsPanel, yearPanel), h('div', {}, closures.el)));

  async function loadYears() {
    const years = await api('/api/calendars');
    state.years = await Promise.all(years.map(y => api(`/api/calendars/${y.year}`)));
    state.chosen ??= firstNotOfficial() ?? state.years.at(-1)?.year;
    drawYears();
  }

  const firstNotOfficial = () => state.years.find(y => y.status !== 'official' && y.year >= new Date().getFullYear())?.year;

  function drawYears() {
    const other = h('input', { type: 'number', id: 'workcal-other-year', min: '2000', max: '2100', step: '1', inputmode: 'numeric' });
    const otherError = h('p', { id: 'workcal-other-year-error', class: 'field-error' });
    other.setAttribute('aria-describedby', otherError.id);
    const openOther = event => {
      event.preventDefault();
      const year = Number(other.value);
      if (!Number.isInteger(year) || year < 2000 || year > 2100) {
        otherError.textContent = t('v.range', { field: t('workcal.otherYear'), min: 2000, max: 2100 });
        other.setAttribute('aria-invalid', 'true');
        other.focus();
        return;
      }
      choose(year);
    };
    fill(yearsPanel, h('h2', { id: 'workcal-years-heading' }, t('workcal.years.title')),
      h('div', { class: 'table-wrap' }, h('table', { id: 'workcal-years' },
        h('caption', {}, t('workcal.years.caption')),
        h('thead', {}, h('tr', {}, ['workcal.col.year', 'workcal.col.status', 'workcal.col.source'].map(key => h('th', { scope: 'col' }, t(key))))),
        h('tbody', {}, state.years.map(y => h('tr', {},
          h('th', { scope: 'row' }, h('button', {
            type: 'button', id: `year-${y.year}`, class: y.year === state.chosen ? 'primary' : null, 'aria-current': y.year === state.chosen ? 'true' : null,
            onclick: () => choose(y.year),
          }, String(y.year))),
          h('td', { id: `year-${y.year}-status` }, statusText(y.status)),
          h('td', {}, y.source ?? '—')))))),
      h('form', { class: 'toolbar', novalidate: true, onsubmit: openOther },
        h('div', { class: 'field' }, h('label', { for: other.id }, t('workcal.otherYear')), other, otherError),
        h('button', { type: 'submit' }, t('workcal.open'))));
  }

  const statusText = status => t(`workcal.status.${status}`);

  async function choose(year) {
    state.chosen = year;
    history.replaceState(null, '', `#/admin/calendar?year=${year}`);
    drawYears();
    await loadYear();
    yearPanel.querySelector('#workcal-year-heading').focus();
  }

  async function loadYear() {
    const year = state.chosen;
    try {
      const [view, changes] = await Promise.all([api(`/api/calendars/${year}`), api(`/api/calendars/${year}/history`)]);
      drawYear(view, changes);
    } catch (problem) {
      fill(yearPanel, h('h2', { id: 'workcal-year-heading', tabindex: '-1' }, t('workcal.year.title', { year, status: '' })),
        h('p', { class: 'notice failure', role: 'alert' }, problem.text));
    }
  }

  function drawYear(view, changes) {
    const publishBox = h('div', { id: 'workcal-publish' });
    const openButton = admin
      ? h('button', { type: 'button', class: 'primary', id: 'workcal-publish-open', 'aria-expanded': 'false', 'aria-controls': publishBox.id,
        onclick: () => openForm(view, publishBox, openButton) }, t(view.status === 'official' ? 'workcal.correct' : 'workcal.publish', { year: view.year }))
      : null;
    const blocks = blocksOf(view.daysOff);
    fill(yearPanel,
      h('h2', { id: 'workcal-year-heading', tabindex: '-1' }, t('workcal.year.title', { year: view.year, status: statusText(view.status) })),
      h('p', { class: view.status === 'official' ? 'hint' : 'notice' }, t(`workcal.year.about.${view.status}`, { year: view.year })),
      h('dl', { class: 'facts' }, h('dt', {}, t('workcal.col.source')), h('dd', { id: 'workcal-year-source' }, view.source ?? '—')),
      blocks.length ? table(t('workcal.year.daysOff', { year: view.year, n: view.daysOff.length }), ['workcal.col.name', 'workcal.col.dates', 'workcal.col.days'],
        blocks.map(b => [dayName(b), rangeText(b.from, b.to), b.days]), 'workcal-days-off') : h('p', { class: 'empty' }, t('workcal.year.noDaysOff')),
      view.makeUpWorkingDays.length
        ? table(t('workcal.year.makeUps', { year: view.year }), ['workcal.col.date', 'workcal.col.name'],
          view.makeUpWorkingDays.map(d => [`${d.date} ${dayText(d.date)}`, dayName(d)]), 'workcal-makeups-table')
        : h('p', { class: 'empty' }, t('workcal.year.noMakeUps')),
      h('h3', {}, t('workcal.history.title')),
      changes.length
        ? table(t('workcal.history.caption', { year: view.year }), ['workcal.col.changedAt', 'workcal.col.changedBy', 'workcal.col.reason', 'workcal.col.content', 'workcal.col.source'],
          [...changes].reverse().map(c => [dateTime(c.changedAt), who(c.changedBy, c.changedRole), c.reason,
            t('workcal.history.content', { blocks: c.holidayBlocks.length, makeUps: c.makeUpWorkingDays.length }), c.source ?? '—']), 'workcal-history')
        : h('p', { class: 'empty', id: 'workcal-history-empty' }, t('workcal.history.empty')),
      openButton ? h('p', { class: 'toolbar' }, openButton) : null,
      publishBox);
  }

  function openForm(view, box, button) {
    const previewBox = h('div', { id: 'workcal-preview-box' });
    const close = () => { fill(box); button.setAttribute('aria-expanded', 'false'); button.focus(); };
    const form = yearForm(view, {
      onCancel: close,
      onEdit: () => previewBox.replaceChildren(),
      onPreview: async body => {
        try {
          const preview = await api(`/api/calendars/${view.year}/preview`, { method: 'POST', body });
          const panel = previewPanel(preview, {
            id: 'workcal-year-check', title: t('workcal.preview.title', { year: view.year }), confirmLabel: t('workcal.publishConfirm', { year: view.year }),
            onBack: () => { previewBox.replaceChildren(); form.focusFirst(); },
            onConfirm: () => publish(view.year, body, form, previewBox),
          });
          fill(previewBox, panel.el);
          panel.focus();
        } catch (problem) {
          form.showServerErrors(problem);
        }
      },
    });
    fill(box, form.el, previewBox);
    button.setAttribute('aria-expanded', 'true');
    form.focusFirst();
  }

  async function publish(year, body, form, previewBox) {
    try {
      await api(`/api/calendars/${year}`, { method: 'PUT', body });
    } catch (problem) {
      previewBox.replaceChildren();
      form.showServerErrors(problem);
      return;
    }
    say(t('workcal.published', { year }), 'success');
    // The banner above every page follows the calendar: it goes once the coming 90 days are all official.
    window.dispatchEvent(new CustomEvent('dispatch:calendar-changed'));
    await loadYears();
    await loadYear();
    yearPanel.querySelector('#workcal-year-heading').focus();
  }

  try {
    await loadYears();
    await loadYear();
  } catch (problem) {
    say(problem.text, 'failure');
  }
}

function table(caption, columns, rows, id) {
  return h('div', { class: 'table-wrap' }, h('table', { id },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, columns.map(key => h('th', { scope: 'col' }, t(key))))),
    h('tbody', {}, rows.map(cells => h('tr', {}, cells.map((cell, i) => (i === 0 ? h('th', { scope: 'row' }, cell) : h('td', {}, cell))))))));
}
