// The interface language: Chinese first, English on request, remembered in this browser.
import zh from './i18n/zh.js';
import en from './i18n/en.js';

const storageKey = 'dispatch.lang';
const dictionaries = { 'zh-CN': zh, en };
const listeners = new Set();
let language = localStorage.getItem(storageKey) === 'en' ? 'en' : 'zh-CN';

export const lang = () => language;
export const isEnglish = () => language === 'en';

// Status, action and clock names come from the server (GET /api/reference/vocabulary), keyed as the pages ask for them.
const vocabularyGroups = { ticket: ['status', 'action'], legalAidCase: ['caseStatus', 'caseAction'], rehabVisit: ['visitStatus', 'visitAction'] };
const vocabularyTerms = new Map();

/** Takes the items' names from the server's vocabulary: t('status.signed') then answers in the current language. */
export function useVocabulary(vocabulary) {
  for (const [item, [statusGroup, actionGroup]] of Object.entries(vocabularyGroups)) {
    const words = vocabulary.items[item];
    words.statuses.forEach(term => vocabularyTerms.set(`${statusGroup}.${term.code}`, term));
    words.actions.forEach(term => vocabularyTerms.set(`${actionGroup}.${term.code}`, term));
    words.clocks.forEach(term => vocabularyTerms.set(`clockName.${term.code}`, term));
  }
}

export function t(key, vars) {
  const term = vocabularyTerms.get(key);
  const text = (term ? pick(term.zh, term.en) : null) ?? dictionaries[language][key] ?? zh[key] ?? key;
  return vars ? text.replace(/\{(\w+)\}/g, (_, name) => String(vars[name] ?? '')) : text;
}

/** A vocabulary word (kind, topic, status...), or the raw value when the vocabulary lacks it. */
export function word(group, value) {
  const key = `${group}.${value}`;
  const text = t(key);
  return text === key ? String(value ?? '') : text;
}

/** Picks the Chinese or English text of a bilingual pair from the server. */
export const pick = (zhText, enText) => (language === 'en' ? enText ?? zhText : zhText ?? enText) ?? '';

export function setLanguage(next) {
  language = next === 'en' ? 'en' : 'zh-CN';
  localStorage.setItem(storageKey, language);
  applyStaticText();
  listeners.forEach(listener => listener(language));
}

export const onLanguageChange = listener => listeners.add(listener);

/** Translates the page shell: elements marked data-i18n (text) and data-i18n-aria (aria-label). */
export function applyStaticText(root = document) {
  document.documentElement.lang = language;
  root.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
  root.querySelectorAll('[data-i18n-aria]').forEach(el => el.setAttribute('aria-label', t(el.dataset.i18nAria)));
}
