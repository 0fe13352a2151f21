// Reference data (counties with towns, units, the items' vocabulary and text limits), read once per page load.
import { api } from './api.js';
import { isEnglish, useVocabulary } from './i18n.js';

let counties;
let units;
let vocabulary;

export const loadCounties = async () => (counties ??= await api('/api/reference/counties'));
export const loadUnits = async () => (units ??= await api('/api/reference/units'));

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
