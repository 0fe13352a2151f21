// The eligibility checklist of 《法律援助法》 on a legal-aid case: its form (the details asked follow the means condition)
// and its panel. The codes mirror EligibilityVocabulary; the server still decides what is complete.
import { h } from '../dom.js';
import { isEnglish, t, word } from '../i18n.js';
import { dateTime } from '../format.js';
import { textLimits } from '../reference.js';
import { checkedForm } from './checked-form.js';

export const eligibilityVocabulary = {
  eligScope: ['state_compensation', 'social_insurance_or_assistance', 'survivor_pension', 'maintenance', 'labour_relation_or_pay',
    'civil_capacity', 'personal_injury_compensation', 'environmental_damage', 'other_by_regulation', 'criminal'],
  eligMeans: ['financial_hardship', 'exempt_matter', 'not_verified'],
  eligMatter: ['hero_martyr_relatives', 'good_samaritan', 'retrial_acquittal_compensation', 'abuse_or_domestic_violence', 'other_by_regulation'],
  eligPerson: ['vulnerable_without_income', 'assistance_recipient', 'migrant_worker_pay_or_injury', 'other_by_regulation'],
  eligCompetent: ['true', 'false'],
};

// Which detail belongs to which means condition.
const detailOf = { financial_hardship: 'meansBasis', exempt_matter: 'exemptMatter', not_verified: 'exemptPerson' };

/** The checklist form, pre-filled with what was recorded; checked-form's interface for the item page. */
export function eligibilityForm(item) {
  const e = item.eligibility ?? {};
  const { note } = textLimits();
  const select = (name, label, group, value, hint) => ({ name, label, kind: 'select', group, values: eligibilityVocabulary[group], value, hint });
  const form = checkedForm([
    select('scope', t('elig.scope'), 'eligScope', e.scope),
    select('means', t('elig.means'), 'eligMeans', e.means),
    { name: 'meansBasis', label: t('elig.meansBasis'), kind: 'long', max: note, value: e.meansBasis, hint: t('elig.meansBasis.hint') },
    select('exemptMatter', t('elig.exemptMatter'), 'eligMatter', e.exemptMatter),
    select('exemptPerson', t('elig.exemptPerson'), 'eligPerson', e.exemptPerson),
    select('competent', t('elig.competent'), 'eligCompetent', e.competent === undefined || e.competent === null ? '' : String(e.competent), t('elig.competent.hint')),
    { name: 'note', label: t('elig.note'), kind: 'long', max: note, value: e.note },
  ]);
  const byName = Object.fromEntries(form.fields.map(f => [f.spec.name, f]));
  form.fields.filter(f => f.spec.kind === 'select' && f.spec.value).forEach(f => { f.control.value = f.spec.value; });
  const showDetails = () => {
    const shown = detailOf[byName.means.control.value];
    Object.values(detailOf).forEach(name => { byName[name].wrap.hidden = name !== shown; });
  };
  byName.means.control.addEventListener('change', showDetails);
  showDetails();
  const body = form.body;
  return {
    ...form,
    body: () => {
      const values = body();
      Object.values(detailOf).filter(name => byName[name].wrap.hidden).forEach(name => { values[name] = null; });
      values.competent = values.competent === null ? null : values.competent === 'true';
      return values;
    },
  };
}

/** The checklist as recorded, with what is still missing; shown below the case's facts. */
export function eligibilityPanel(item) {
  const e = item.eligibility;
  const heading = h('h2', { id: 'eligibility-heading' }, t('elig.heading'));
  if (!e) return h('section', { class: 'panel', id: 'eligibility', 'aria-labelledby': 'eligibility-heading' }, heading, h('p', { class: 'empty' }, t('elig.none')));
  const state = e.complete ? t('elig.complete')
    : e.missing.length ? t('elig.missing', { items: e.missing.map(m => t(`elig.item.${m}`)).join(isEnglish() ? ', ' : '、') })
      : t('elig.notCompetent');
  const rows = [
    [t('elig.state'), h('strong', { class: e.complete ? 'eligible' : 'not-eligible' }, state)],
    [t('elig.scope'), e.scope && word('eligScope', e.scope)],
    [t('elig.means'), e.means && word('eligMeans', e.means)],
    [t('elig.meansBasis'), e.meansBasis],
    [t('elig.exemptMatter'), e.exemptMatter && word('eligMatter', e.exemptMatter)],
    [t('elig.exemptPerson'), e.exemptPerson && word('eligPerson', e.exemptPerson)],
    [t('elig.competent'), e.competent === null || e.competent === undefined ? null : word('eligCompetent', String(e.competent))],
    [t('elig.note'), e.note],
    [t('elig.recordedAt'), dateTime(e.recordedAt)],
  ].filter(([, value]) => value);
  return h('section', { class: 'panel', id: 'eligibility', 'aria-labelledby': 'eligibility-heading' }, heading,
    h('dl', { class: 'facts' }, rows.map(([name, value]) => [h('dt', {}, name), h('dd', {}, value)])));
}

/** What the history line of a recorded checklist says. */
export const eligibilityDetail = d => [
  d.scope && word('eligScope', d.scope), d.means && word('eligMeans', d.means), d.meansBasis,
  d.exemptMatter && word('eligMatter', d.exemptMatter), d.exemptPerson && word('eligPerson', d.exemptPerson),
  d.competent === true || d.competent === false ? word('eligCompetent', String(d.competent)) : null,
];
