// The intake rules of the server (TicketIntakeRules, ResidentIdNumber, DisabilityCertificateNumber, PhoneNumber)
// mirrored for feedback while typing. The server stays the judge; its field errors are shown as well.
import { isEnglish, t } from '../i18n.js';
import { contactSuggestion, intakeLimits, phoneOptional, textLimits } from '../reference.js';

/** The server's field lengths (IntakeLimits, TextLimits), from GET /api/reference/vocabulary. */
export const limits = () => ({ ...intakeLimits(), reply: textLimits().longText });

/** Characters as the server counts them: Unicode code points. */
export const length = text => [...(text ?? '')].length;

const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkCharacters = '10X98765432';
const mobile = /^1[3-9][0-9][ -]?[0-9]{4}[ -]?[0-9]{4}$/;
const landline = /^(0[12][0-9]|0[3-9][0-9]{2})[ -]?[0-9]{7,8}$/;

/** null when valid, else the server's error code. */
export function residentIdProblem(text, today = new Date()) {
  const id = (text ?? '').trim().toUpperCase();
  if (id.length !== 18) return 'invalid_length';
  if (!/^[0-9]{17}[0-9X]$/.test(id)) return 'invalid_characters';
  const year = +id.slice(6, 10), month = +id.slice(10, 12), day = +id.slice(12, 14);
  const birth = new Date(Date.UTC(year, month - 1, day));
  const valid = birth.getUTCFullYear() === year && birth.getUTCMonth() === month - 1 && birth.getUTCDate() === day;
  if (!valid || year < 1900 || birth > today) return 'invalid_birth_date';
  const sum = weights.reduce((total, w, i) => total + w * Number(id[i]), 0);
  return checkCharacters[sum % 11] === id[17] ? null : 'invalid_checksum';
}

export function phoneProblem(text) {
  const phone = (text ?? '').trim();
  if (phone === '12385') return 'service_number';
  return mobile.test(phone) || landline.test(phone) ? null : 'invalid_format';
}

const label = field => {
  const text = t(`intake.${field}`);
  return isEnglish() ? text.charAt(0).toLowerCase() + text.slice(1) : text;
};

function textProblem(field, value, { required = false, min = 1, max }) {
  const text = (value ?? '').trim();
  if (!text) return required ? t('v.required', { field: label(field) }) : '';
  if (length(text) < min) return t('v.tooShort', { field: label(field), n: min });
  if (max && length(text) > max) return t('v.tooLong', { field: label(field), n: max });
  return '';
}

/** A resident ID's problem as a message, or '' when it is fine or empty. */
export function residentIdMessage(value) {
  if (!(value ?? '').trim()) return '';
  const code = residentIdProblem(value);
  return code ? t('v.id', { problem: t(`v.idProblem.${code}`) }) : '';
}

/** A disability certificate's problem as a message (also the walk-in legal-aid form's), or '' when it is fine or empty. */
export function certificateMessage(value, residentId) {
  const cert = (value ?? '').trim().toUpperCase();
  if (!cert) return '';
  if (cert.length !== 20) return t('v.cert.invalid_length');
  const idCode = residentIdProblem(cert.slice(0, 18));
  if (idCode) return t('v.certId', { problem: t(`v.idProblem.${idCode}`) });
  if (!/[1-7]/.test(cert[18])) return t('v.cert.invalid_category');
  if (!/[1-4]/.test(cert[19])) return t('v.cert.invalid_grade');
  const id = (residentId ?? '').trim().toUpperCase();
  return id && !residentIdProblem(id) && id !== cert.slice(0, 18) ? t('v.cert.mismatch') : '';
}

function phoneMessage(value, field = 'callerPhone', required = true) {
  if (!(value ?? '').trim()) return required ? t('v.required', { field: label(field) }) : '';
  const code = phoneProblem(value);
  return code === 'service_number' ? t('v.serviceNumber') : code ? t('v.phone') : '';
}

const given = value => !!(value ?? '').trim();

/** Whether a contact method can be used with what the form holds (ContactRules.Usable). */
function usable(method, v) {
  if (['voice', 'text', 'video'].includes(method)) return given(v.callerPhone);
  if (method === 'guardian') return given(v.guardianPhone);
  if (method === 'letter') return given(v.otherContact) || given(v.address);
  return true;
}

/**
 * The contact method the server takes when none is chosen: the certificate's suggestion when it can be used, else a
 * phone, a guardian, an address or another contact; null when nothing reaches the caller.
 */
export function defaultContact(v) {
  const cert = (v.disabilityCertificate ?? '').trim();
  const suggested = cert.length === 20 ? contactSuggestion(Number(cert[18])) : [];
  return suggested.find(m => usable(m, v))
    ?? (given(v.callerPhone) ? 'voice' : given(v.guardianPhone) ? 'guardian' : given(v.otherContact) || given(v.address) ? 'letter' : null);
}

/** The methods the certificate's category suggests (for the hint next to the method), whether usable or not. */
export function suggestedContacts(certificate) {
  const cert = (certificate ?? '').trim();
  return cert.length === 20 && /[1-7]/.test(cert[18]) ? contactSuggestion(Number(cert[18])) : [];
}

function contactMessage(v) {
  const method = v.contactMethod;
  if (method && !usable(method, v)) {
    return t(method === 'guardian' ? 'v.contact.needsGuardian' : method === 'letter' ? 'v.contact.needsAddress' : 'v.contact.needsPhone');
  }
  if (!method && !given(v.callerPhone) && phoneOptional(v.channel) && !defaultContact(v)) return t('v.contact.required');
  if (v.kind === 'petition' && (method ?? defaultContact(v)) === 'none') return t('v.contact.petition');
  return '';
}

/** A ticket number as the platform gives them: JX12385-yyyyMMdd-nnnnnn (any letter case, spaces around). */
function ticketNumberMessage(value) {
  const typed = (value ?? '').trim();
  if (!typed) return t('v.required', { field: label('intoNumber') });
  return /^JX12385-\d{8}-\d{6}$/i.test(typed) ? '' : t('v.ticketNumber');
}

/** The message for one field given every value of the form; '' when the field is fine. */
export function fieldProblem(field, values) {
  const v = values[field];
  switch (field) {
    case 'channel': case 'kind': case 'topic': case 'urgency': case 'countyCode':
      return v ? '' : t('v.required', { field: label(field) });
    case 'callerName': return textProblem(field, v, { required: true, max: limits().callerName });
    case 'callerPhone': return phoneMessage(v, 'callerPhone', !phoneOptional(values.channel));
    case 'contactMethod': return contactMessage(values);
    case 'otherContact': return textProblem(field, v, { max: limits().otherContact });
    case 'guardianName': return !given(v) && given(values.guardianPhone) ? t('v.required', { field: label(field) }) : textProblem(field, v, { max: limits().callerName });
    case 'guardianPhone': return phoneMessage(v, field, given(values.guardianName));
    case 'residentId': return residentIdMessage(v);
    case 'disabilityCertificate': return certificateMessage(v, values.residentId);
    case 'address': return textProblem(field, v, { max: limits().address });
    case 'titleField': return textProblem(field, v, { max: limits().title });
    case 'content': return textProblem(field, v, { required: true, min: limits().contentMin, max: limits().content });
    case 'reply': return values.mode === 'answer' ? textProblem(field, v, { required: true, max: limits().reply }) : '';
    case 'intoNumber': return values.mode === 'merge' ? ticketNumberMessage(v) : '';
    default: return '';
  }
}
