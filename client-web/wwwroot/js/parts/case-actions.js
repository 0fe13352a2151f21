// What each legal-aid case action asks for, and who may take it (mirrors LegalAidAccess; the server still decides).
import { t } from '../i18n.js';
import { shanghaiDate } from '../format.js';
import { textLimits } from '../reference.js';
import { replySpecs } from './supervision-orders.js';

export const caseVocabulary = {
  caseType: ['labour_dispute', 'personal_injury', 'marriage_family', 'property', 'administrative', 'criminal_defence', 'other'],
  handlerKind: ['lawyer', 'legal_worker'],
  outcome: ['won', 'partly_won', 'mediated', 'lost', 'terminated', 'other'],
  objectionDecision: ['grant', 'uphold_refusal'],
  terminationReason: ['obtained_by_deception', 'concealed_facts_or_false_evidence', 'used_for_unlawful_ends', 'means_improved',
    'proceedings_ended', 'own_lawyer_engaged', 'client_request', 'other_by_law'],
};

const isStation = (item, user) => user.role === 'admin' || (user.role === 'unit_staff' && user.unitCode === item.stationCode);
const isSupervisor = user => user.role === 'admin' || user.role === 'supervisor';
/** The day set for the documents has passed (Jiaxing date); before it the server refuses a withdrawal. */
const documentsOverdue = item => {
  const by = item.documentRequests?.at(-1)?.respondBy;
  return Boolean(by) && shanghaiDate() > by;
};

const who = {
  withdraw: (item, user) => isStation(item, user) && documentsOverdue(item),
  objection: (item, user) => isStation(item, user) || user.role === 'operator',
  'objection-decision': (item, user) => isSupervisor(user),
  supervise: (item, user) => isSupervisor(user),
};

/** The case's allowed actions this user may take. */
export const offeredCaseActions = (item, user) =>
  (item.allowedActions ?? []).filter(action => (who[action] ?? isStation)(item, user));

/** The form of one action as checked-form specs; no specs means the action runs at once. */
export function caseForm(action, item) {
  const { note, longText: long } = textLimits();
  const noteField = (required = false, max = note) => ({ name: 'note', label: t('form.note'), kind: 'long', required, max });
  switch (action) {
    case 'accept': case 'receive-documents': case 'grant': case 'archive':
      return [noteField()];
    case 'request-documents':
      return [{ name: 'documents', label: t('case.form.documents'), kind: 'long', required: true, max: note },
        { name: 'respondBy', label: t('case.form.respondBy'), kind: 'date', required: true, hint: t('case.form.respondBy.hint') }, noteField()];
    case 'withdraw':
      return [noteField()];
    case 'transfer':
      return [{ name: 'stationCode', label: t('case.form.transferStation'), kind: 'select', group: 'unit', values: [], required: true },
        { name: 'reason', label: t('case.form.transferReason'), kind: 'long', required: true, max: note, hint: t('case.form.transferReason.hint') }];
    case 'terminate':
      return [{ name: 'reason', label: t('case.form.terminationReason'), kind: 'select', group: 'terminationReason', values: caseVocabulary.terminationReason, required: true },
        { name: 'note', label: t('case.form.terminationNote'), kind: 'long', max: long, hint: t('case.form.terminationNote.hint') }];
    case 'refuse':
      return [{ name: 'reasons', label: t('case.form.reasons'), kind: 'long', required: true, max: long, hint: t('case.form.reasons.hint') }];
    case 'objection':
      return [{ name: 'grounds', label: t('case.form.grounds'), kind: 'long', required: true, max: long }];
    case 'objection-decision':
      return [{ name: 'decision', label: t('case.form.decision'), kind: 'select', group: 'objectionDecision', values: caseVocabulary.objectionDecision, required: true },
        { name: 'note', label: t('case.form.reviewNote'), kind: 'long', max: long, hint: t('case.form.reviewNote.hint') }];
    case 'assign':
      // The roster's members arrive with the rotation's offer once the form is shown (legal-aid-case.js).
      return [{ name: 'memberId', label: t('case.form.member'), kind: 'select', group: 'rosterMember', values: [], required: true, hint: t('case.form.member.hint') },
        { name: 'reason', label: t('case.form.assignReason'), kind: 'long', max: note, hint: t('case.form.assignReason.hint') }];
    case 'agreement':
      return [{ name: 'signedOn', label: t('case.form.signedOn'), kind: 'date', required: true, value: shanghaiDate(), hint: t('case.form.signedOn.hint') }, noteField()];
    case 'progress':
      return [{ name: 'note', label: t('case.form.progress'), kind: 'long', required: true, max: long }];
    case 'conclude':
      return [{ name: 'outcome', label: t('case.form.outcome'), kind: 'select', group: 'outcome', values: caseVocabulary.outcome, required: true },
        { name: 'summary', label: t('case.form.summary'), kind: 'long', required: true, max: long }];
    case 'supervise':
      return [noteField(true)];
    case 'supervision-reply':
      return replySpecs(item);
    default:
      return [];
  }
}

/** The fields of opening a case from a ticket (applicant from the ticket's caller). */
export const openCaseForm = () => [
  { name: 'caseType', label: t('case.caseType'), kind: 'select', group: 'caseType', values: caseVocabulary.caseType, required: true },
  { name: 'summary', label: t('case.summary'), kind: 'long', max: textLimits().longText, hint: t('case.open.summary.hint') },
  { name: 'cityLevel', label: t('case.open.cityLevel'), kind: 'checkbox' },
];
