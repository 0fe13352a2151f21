// What each rehab visit action asks for, and who may take it (mirrors RehabAccess; the server still decides).
import { t } from '../i18n.js';
import { textLimits } from '../reference.js';
import { localDateTime } from './checked-form.js';
import { replySpecs } from './supervision-orders.js';

export const visitVocabulary = {
  serviceType: ['rehabilitation_training', 'assistive_device_fitting', 'psychological_support', 'assessment'],
};

const isProvider = (item, user) => user.role === 'admin' || (user.role === 'unit_staff' && user.unitCode === item.providerCode);
const who = {
  cancel: (item, user) => isProvider(item, user) || user.role === 'operator',
  supervise: (item, user) => user.role === 'admin' || user.role === 'supervisor',
};

export const offeredVisitActions = (item, user) =>
  (item.allowedActions ?? []).filter(action => (who[action] ?? isProvider)(item, user));

const minutes = value => ({ name: 'windowMinutes', label: t('visit.form.minutes'), kind: 'number', min: 30, max: 480, value: value ?? 120, hint: t('visit.form.minutes.hint') });
const start = value => ({ name: 'windowStart', label: t('visit.form.start'), kind: 'datetime', required: true, value, hint: t('visit.form.start.hint') });
const workerPattern = /^[A-Za-z0-9._-]{1,40}$/;

/** The next whole hour in Jiaxing time, as a default window start. */
function nextHour() {
  const next = new Date(Date.now() + 3_600_000);
  next.setUTCMinutes(0, 0, 0);
  return localDateTime(next.toISOString());
}

const windowMinutesOf = item => (item.windowStart && item.windowEnd
  ? Math.round((new Date(item.windowEnd) - new Date(item.windowStart)) / 60_000) : undefined);

export function visitForm(action, item) {
  switch (action) {
    case 'schedule':
      return [start(nextHour()), minutes()];
    case 'reschedule':
      return [start(localDateTime(item.windowStart) || nextHour()), minutes(windowMinutesOf(item)),
        { name: 'reason', label: t('visit.form.rescheduleReason'), kind: 'long', required: true, max: textLimits().note }];
    case 'assign':
      return [{ name: 'workerId', label: t('visit.form.workerId'), required: true, max: 40, value: item.workerId ?? '',
        pattern: workerPattern, patternMessage: t('visit.form.workerId.invalid'), hint: t('visit.form.workerId.hint') },
      { name: 'workerName', label: t('visit.form.workerName'), required: true, max: 50, value: item.workerName ?? '' }];
    case 'accept':
    case 'check-in':
      return [{ name: 'note', label: t('form.note'), kind: 'long', max: textLimits().note }];
    case 'complete':
      return [{ name: 'notes', label: t('visit.form.notes'), kind: 'long', max: textLimits().longText, hint: t('visit.form.notes.hint') }];
    case 'record':
      return [{ name: 'notes', label: t('visit.form.notes'), kind: 'long', required: true, max: textLimits().longText }];
    case 'miss':
      return [{ name: 'reason', label: t('visit.form.missReason'), kind: 'long', required: true, max: textLimits().note }];
    case 'cancel':
      return [{ name: 'reason', label: t('visit.form.cancelReason'), kind: 'long', required: true, max: textLimits().note }];
    case 'supervise':
      return [{ name: 'note', label: t('form.note'), kind: 'long', required: true, max: textLimits().note }];
    case 'supervision-reply':
      return replySpecs(item);
    default:
      return [];
  }
}

/** The fields of requesting a visit from a ticket (the person from the ticket's caller). */
export const openVisitForm = () => [
  { name: 'serviceType', label: t('visit.serviceType'), kind: 'select', group: 'serviceType', values: visitVocabulary.serviceType, required: true },
  { name: 'windowStart', label: t('visit.form.start'), kind: 'datetime', hint: t('visit.open.start.hint') },
  minutes(),
  { name: 'note', label: t('form.note'), kind: 'long', max: textLimits().note },
];
