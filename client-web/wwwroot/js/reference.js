// Reference data (counties with towns, units, the items' vocabulary and text limits), read once per page load.
import { api } from './api.js';
import { isEnglish, useVocabulary } from './i18n.js';

let counties;
let units;
let vocabulary;

export const loadCounties = async () => (counties ??= await api('/api/reference/counties'));
export const loadUnits = async () => (units ??= await api('/api/reference/units'));

/** After an administrator changed a unit: the next loadUnits() reads the list again. */
export const forgetUnits = () => { units = undefined; };

/** After an administrator changed a town: reads the counties and their towns again. */
export const reloadCounties = async () => (counties = await api('/api/reference/counties'));

/** Names of statuses, actions and clocks, and the text limits, as the server's contracts declare them (signed-in users). */
export async function loadVocabulary() {
  if (!vocabulary) {
    vocabulary = await api('/api/reference/vocabulary');
    useVocabulary(vocabulary);
  }
  return vocabulary;
}

/** { note, longText }: how long notes and long texts of item actions may be; empty until the vocabulary is loaded. */
export const textLimits = () => vocabulary?.textLimits ?? {};

/** { callerName, address, title, contentMin, content } of a ticket's intake; empty until the vocabulary is loaded. */
export const intakeLimits = () => vocabulary?.intakeLimits ?? {};

/** The contact methods a certificate's category digit (1-7) suggests, the default first (ContactSuggestions). */
export const contactSuggestion = category => vocabulary?.contactSuggestions?.find(s => s.category === category)?.methods ?? [];

/** The channels on which the caller's phone may be left out (a letter, a visit, an online request). */
export const phoneOptional = channel => (vocabulary?.channelsWithoutPhone ?? []).includes(channel);

/** The status codes of an item (ticket, legalAidCase, rehabVisit) in the contract's order. */
export const statusCodes = item => (vocabulary?.items[item].statuses ?? []).map(term => term.code);

/** The statuses that keep an item on a unit's worklist. */
export const worklistStatuses = item => vocabulary?.items[item].worklistStatuses ?? [];

/** The area code of the whole city (市本级): a supervisor with it sees every county. */
export const cityCode = () => vocabulary?.cityCode;

/** True for a supervisor below the city level, who sees only the units and measures of their county. */
export const supervisesOneCounty = user => user.role === 'supervisor' && user.areaCode !== cityCode();

/**
 * The years in the next 90 days whose working calendar is not official: provisional (derived from the holiday statute,
 * no State Council notice entered yet) or missing (Monday to Friday only). Deadlines are counted on them as they are.
 */
export async function calendarWarnings(today = new Date()) {
  const known = new Map((await api('/api/calendars')).map(y => [y.year, y.status]));
  const last = new Date(today.getTime() + 90 * 24 * 3600 * 1000);
  const years = [];
  for (let year = today.getFullYear(); year <= last.getFullYear(); year++) {
    const status = known.get(year) ?? 'missing';
    if (status !== 'official') years.push({ year, status });
  }
  return years;
}

export const nameOf = item => (item ? (isEnglish() ? item.nameEn : item.name) : '');

export async function countyName(code) {
  const all = await loadCounties().catch(() => []);
  return nameOf(all.find(c => c.code === code)) || code;
}

export async function unitName(code) {
  if (!code) return '—';
  const all = await loadUnits().catch(() => []);
  return nameOf(all.find(u => u.code === code)) || code;
}

/** Synchronous lookups once loaded (for table cells). */
export const countyNameNow = code => nameOf(counties?.find(c => c.code === code)) || code || '—';
export const unitNameNow = code => (code ? nameOf(units?.find(u => u.code === code)) || code : '—');
