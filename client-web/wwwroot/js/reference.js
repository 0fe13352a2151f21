// Reference data (counties with towns, units), read once per page load.
import { api } from './api.js';
import { isEnglish } from './i18n.js';

let counties;
let units;

export const loadCounties = async () => (counties ??= await api('/api/reference/counties'));
export const loadUnits = async () => (units ??= await api('/api/reference/units'));

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
