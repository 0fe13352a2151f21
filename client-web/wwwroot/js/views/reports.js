// 工作报表: a scope's monthly or yearly report, the figures of GET /api/stats for that scope and period, to read, print
// (the print stylesheet lays it out as a Chinese work report with page numbers) or download as XLSX or CSV.
import { api } from '../api.js';
import { announce, fill, h } from '../dom.js';
import { pick, t } from '../i18n.js';
import { dateTime, shanghaiDate } from '../format.js';
import { loadCounties, loadUnits, nameOf, supervisesOneCounty } from '../reference.js';

const firstYear = 2000;

export async function render(main, { user, query }) {
  const [counties, units] = await Promise.all([loadCounties(), loadUnits()]);
  const groups = scopeGroups(user, counties, units);
  const scopes = groups.flatMap(g => g.options.map(o => o.value));
  const today = shanghaiDate();
  const state = {
    scope: scopes.includes(query.get('scope')) ? query.get('scope') : scopes[0],
    period: query.get('period') === 'year' ? 'year' : 'month',
    month: /^\d{4}-\d{2}$/.test(query.get('date') ?? '') ? query.get('date') : previousMonth(today),
    year: /^\d{4}$/.test(query.get('date') ?? '') ? query.get('date') : today.slice(0, 4),
  };

  const periodRadios = ['month', 'year'].map(p => h('label', {},
    h('input', { type: 'radio', name: 'period', value: p, id: `report-period-${p}`, checked: state.period === p, onchange: () => showDateField(p) }),
    t(`reports.period.${p}`)));
  const monthInput = h('input', { type: 'month', id: 'report-month', min: `${firstYear}-01`, max: today.slice(0, 7), value: state.month,
    required: true, 'aria-describedby': 'report-month-hint' });
  const yearInput = h('input', { type: 'number', id: 'report-year', min: String(firstYear), max: today.slice(0, 4), step: '1', value: state.year,
    required: true, inputmode: 'numeric', 'aria-describedby': 'report-year-hint' });
  const monthField = h('div', { class: 'field' }, h('label', { for: 'report-month' }, t('reports.month')), monthInput,
    h('p', { class: 'hint', id: 'report-month-hint' }, t('reports.month.hint')));
  const yearField = h('div', { class: 'field' }, h('label', { for: 'report-year' }, t('reports.year')), yearInput,
    h('p', { class: 'hint', id: 'report-year-hint' }, t('reports.year.hint')));
  const scopeSelect = h('select', { id: 'report-scope' }, groups.map(g => {
    const options = g.options.map(o => h('option', { value: o.value, selected: o.value === state.scope }, o.label));
    return g.label ? h('optgroup', { label: g.label }, options) : options;
  }));
  const form = h('form', { id: 'report-form', class: 'panel no-print', novalidate: true, onsubmit: event => { event.preventDefault(); choose(); } },
    h('div', { class: 'grid' },
      h('fieldset', {}, h('legend', {}, t('reports.period')), h('div', { class: 'radios' }, periodRadios)),
      monthField, yearField,
      h('div', { class: 'field' }, h('label', { for: 'report-scope' }, t('reports.scope')), scopeSelect)),
    h('div', { class: 'toolbar' }, h('button', { type: 'submit', class: 'primary', id: 'report-show' }, t('reports.show'))));
  const notice = h('div', { id: 'report-notice', class: 'no-print' });
  const sheet = h('article', { id: 'report', class: 'report panel', 'aria-labelledby': 'report-title' });
  main.append(h('h1', { class: 'no-print' }, t('reports.title')), h('p', { class: 'hint no-print' }, t('reports.intro')), form, notice, sheet);
  showDateField(state.period);

  function showDateField(period) {
    state.period = period;
    monthField.hidden = period !== 'month';
    yearField.hidden = period !== 'year';
  }

  function choose() {
    state.scope = scopeSelect.value;
    state.month = monthInput.value;
    state.year = yearInput.value;
    const date = state.period === 'month' ? state.month : state.year;
    history.replaceState(null, '', `#/reports?${new URLSearchParams({ scope: state.scope, period: state.period, date })}`);
    load();
  }

  async function load() {
    const date = state.period === 'month' ? state.month : state.year;
    const q = new URLSearchParams({ period: state.period, date });
    const address = `/api/reports/${encodeURIComponent(state.scope)}?${q}`;
    fill(notice);
    fill(sheet, h('p', {}, t('app.loading')));
    try {
      const report = await api(`${address}&format=json`);
      drawReport(sheet, report, address);
      announce(pick(report.title, report.titleEn));
    } catch (problem) {
      fill(sheet);
      const text = problem.text ?? String(problem);
      fill(notice, h('p', { class: 'notice failure', role: 'alert' }, t('reports.failed', { message: text })));
    }
  }

  await load();
}

function drawReport(sheet, report, address) {
  const title = pick(report.title, report.titleEn);
  fill(sheet,
    h('header', { class: 'report-head' },
      h('h2', { id: 'report-title' }, title),
      h('p', { class: 'report-meta' },
        h('span', {}, t('reports.meta.period', { period: pick(report.periodLabel, report.periodLabelEn), from: report.from, to: report.to })),
        report.toDate ? h('strong', { class: 'badge to-date', id: 'report-to-date' }, t('reports.toDate', { date: report.asOf })) : null),
      h('p', { class: 'report-target', id: 'report-target' }, t('reports.target', { target: percent(report.target) }))),
    h('div', { class: 'toolbar no-print', id: 'report-actions' },
      h('a', { class: 'button', id: 'report-xlsx', href: `${address}&format=xlsx`, download: '' }, t('reports.download.xlsx')),
      h('a', { class: 'button', id: 'report-csv', href: `${address}&format=csv`, download: '' }, t('reports.download.csv')),
      h('button', { type: 'button', id: 'report-print', onclick: () => window.print() }, t('reports.print'))),
    figuresTable(report),
    report.children.length ? childrenTable(report) : null,
    h('footer', { class: 'report-footer' },
      h('p', {}, t('reports.generated', { at: dateTime(report.generatedAt), by: report.generatedBy })),
      h('p', {}, t('reports.source'))));
}

function figuresTable(report) {
  return h('div', { class: 'table-wrap' }, h('table', { id: 'report-figures', class: 'report-table' },
    h('caption', {}, t('reports.figures.caption', { scope: pick(report.scopeName, report.scopeNameEn) })),
    h('thead', {}, h('tr', {}, ['reports.col.category', 'reports.col.measure', 'reports.col.value', 'reports.col.target', 'reports.col.met']
      .map(key => h('th', { scope: 'col' }, t(key))))),
    h('tbody', {}, report.figures.map(f => h('tr', { dataset: { key: f.key } },
      h('td', {}, pick(f.categoryZh, f.categoryEn)),
      h('th', { scope: 'row' }, pick(f.nameZh, f.nameEn)),
      h('td', { class: 'num' }, value(f)),
      h('td', { class: 'num' }, f.target === null ? '' : percent(f.target)),
      h('td', {}, met(f)))))));
}

function childrenTable(report) {
  const columns = report.children[0].figures;
  return h('div', { class: 'table-wrap' }, h('table', { id: 'report-children', class: 'report-table' },
    h('caption', {}, t(report.scope === 'city' ? 'reports.children.counties' : 'reports.children.units')),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('reports.col.scope')),
      columns.map(f => h('th', { scope: 'col', class: 'num' }, pick(f.nameZh, f.nameEn))),
      h('th', { scope: 'col' }, t('reports.col.met')))),
    h('tbody', {}, report.children.map(c => h('tr', { dataset: { scope: c.scope } },
      h('th', { scope: 'row' }, pick(c.scopeName, c.scopeNameEn)),
      c.figures.map(f => h('td', { class: 'num', dataset: { key: f.key } }, value(f))),
      h('td', {}, met(c.figures.find(f => f.target !== null))))))));
}

const percent = rate => `${(rate * 100).toFixed(2)}%`;

function value(figure) {
  if (figure.value === null) return '—';
  if (figure.kind === 'rate') return percent(figure.value);
  return String(figure.value);
}

function met(figure) {
  if (!figure || figure.met === null) return '';
  return h('span', { class: figure.met ? 'met yes' : 'met no' }, t(figure.met ? 'reports.met.yes' : 'reports.met.no'));
}

function previousMonth(today) {
  const [year, month] = today.split('-').map(Number);
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

/** The scopes this user may report on, as the stats allow them: the city, a county and its units, or the own unit. */
function scopeGroups(user, counties, units) {
  const unitOptions = list => list.map(u => ({ value: `unit:${u.code}`, label: nameOf(u) }));
  const countyLabel = c => (c.level === 'city' ? t('reports.cityLevel') : nameOf(c));
  if (user.role === 'unit_staff') {
    return [{ options: unitOptions(units.filter(u => u.code === user.unitCode)) }];
  }
  if (user.role === 'operator') return [{ options: [{ value: 'city', label: t('reports.city') }] }];
  if (supervisesOneCounty(user)) {
    const county = counties.find(c => c.code === user.areaCode);
    return [{ options: [{ value: `county:${user.areaCode}`, label: county ? countyLabel(county) : user.areaCode }] },
      { label: t('reports.units'), options: unitOptions(units.filter(u => u.countyCode === user.areaCode)) }];
  }
  return [{ options: [{ value: 'city', label: t('reports.city') }] },
    { label: t('reports.counties'), options: counties.map(c => ({ value: `county:${c.code}`, label: countyLabel(c) })) },
    ...counties.map(c => ({ label: `${countyLabel(c)} · ${t('reports.units')}`, options: unitOptions(units.filter(u => u.countyCode === c.code)) }))
      .filter(g => g.options.length)];
}
