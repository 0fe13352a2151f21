// The files of an item page (ticket, legal-aid case, visit): each with its type, size, uploader and time and a download
// link, and an upload form for whoever may add files (the server decides; its refusal shows in the user's language).
import { api, newIdempotencyKey } from '../api.js';
import { fill, h } from '../dom.js';
import { t } from '../i18n.js';
import { count, dateTime } from '../format.js';
import { field, showError } from './fields.js';

/** What the input offers; the server checks the bytes, whatever the name says. */
const ACCEPT = '.pdf,.jpg,.jpeg,.png,.tif,.tiff,.docx,.xlsx';

/**
 * The section: loads GET {url}/attachments itself. unitCode: the handling unit; hotline: the hotline's operators may add
 * files too (tickets); onDone(message): after an upload (the page reloads, so the history shows it too).
 */
export function attachmentsPanel(item, user, { url, unitCode, hotline = false, onDone }) {
  const list = h('div', { id: 'attachments-list' }, h('p', { class: 'empty' }, t('attach.loading')));
  const section = h('section', { class: 'panel', id: 'item-attachments', 'aria-labelledby': 'attachments-heading' },
    h('h2', { id: 'attachments-heading', tabindex: '-1' }, t('attach.title')), list);
  api(`${url}/attachments`).then(files => fill(list, table(files, url)))
    .catch(problem => fill(list, h('p', { class: 'notice failure', role: 'alert' }, problem.text)));
  if (mayUpload(user, unitCode, hotline)) section.append(uploadForm(url, name => onDone(t('attach.uploaded', { name }))));
  return section;
}

/** An upload's detail line in the history: the file's name, type and size, and its note. */
export function attachmentDetail(entry) {
  const d = entry.data ?? {};
  return [d.fileName, t(`attach.kind.${kindOf(d.contentType)}`), sizeText(d.size ?? 0), d.note];
}

/** Mirrors the server: the handling unit's staff, supervisors and administrators, and on tickets the hotline's operators. */
function mayUpload(user, unitCode, hotline) {
  return (user.role === 'unit_staff' && Boolean(unitCode) && user.unitCode === unitCode)
    || user.role === 'supervisor' || user.role === 'admin' || (hotline && user.role === 'operator');
}

function table(files, url) {
  if (!files.length) return h('p', { class: 'empty' }, t('attach.none'));
  return h('div', { class: 'table-wrap' }, h('table', { id: 'attachments-table' },
    h('caption', { class: 'visually-hidden' }, t('attach.title')),
    h('thead', {}, h('tr', {}, ['attach.file', 'attach.type', 'attach.size', 'attach.uploader', 'attach.time'].map(key => h('th', { scope: 'col' }, t(key))))),
    h('tbody', {}, files.map(file => h('tr', {},
      h('td', {}, h('a', { href: `${url}/attachments/${encodeURIComponent(file.id)}`, download: file.fileName, class: 'attachment-link' },
        file.fileName), file.note ? h('p', { class: 'hint' }, file.note) : null),
      h('td', {}, t(`attach.kind.${kindOf(file.contentType)}`)),
      h('td', {}, sizeText(file.size)),
      h('td', {}, file.uploaderName),
      h('td', {}, h('time', { datetime: file.uploadedAt }, dateTime(file.uploadedAt))))))));
}

const KINDS = {
  'application/pdf': 'pdf', 'image/jpeg': 'jpeg', 'image/png': 'png', 'image/tiff': 'tiff',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
};
const kindOf = type => KINDS[type] ?? 'other';

function sizeText(bytes) {
  if (bytes < 1024) return t('attach.bytes', { n: count(bytes) });
  if (bytes < 1024 * 1024) return t('attach.kb', { n: (bytes / 1024).toFixed(1) });
  return t('attach.mb', { n: (bytes / (1024 * 1024)).toFixed(1) });
}

/** The upload form: a labelled file input and a note; one Idempotency-Key per chosen file, so a repeat sends the same key. */
function uploadForm(url, done) {
  const file = field({ name: 'attach-file', label: t('attach.choose'), hint: t('attach.hint'), required: true,
    control: h('input', { type: 'file', accept: ACCEPT }) });
  const note = field({ name: 'attach-note', label: t('attach.note'), control: h('input', { type: 'text', maxlength: '1000' }) });
  const error = h('p', { class: 'field-error', id: 'attach-error', role: 'alert' });
  const submit = h('button', { type: 'submit', class: 'primary', id: 'attach-submit' }, t('attach.upload'));
  const form = h('form', { class: 'action-form', id: 'attach-form', novalidate: true, 'aria-labelledby': 'attach-form-heading' },
    h('h3', { id: 'attach-form-heading' }, t('attach.add')), h('div', { class: 'grid' }, file.wrap, note.wrap), error,
    h('p', { class: 'toolbar' }, submit));
  let key = newIdempotencyKey();
  file.control.addEventListener('change', () => { key = newIdempotencyKey(); showError(file, ''); error.textContent = ''; });
  form.addEventListener('submit', async event => {
    event.preventDefault();
    error.textContent = '';
    showError(file, '');
    const chosen = file.control.files?.[0];
    if (!chosen) { showError(file, t('attach.required')); file.control.focus(); return; }
    const body = new FormData();
    body.append('file', chosen, chosen.name);
    if (note.control.value.trim()) body.append('note', note.control.value.trim());
    submit.disabled = true;
    try {
      await api(`${url}/attachments`, { method: 'POST', body, headers: { 'Idempotency-Key': key } });
    } catch (problem) {
      const bad = problem.fieldErrors?.find(e => e.field === 'file' || e.field === 'note');
      if (bad) showError(bad.field === 'note' ? note : file, problem.text);
      error.textContent = problem.text;
      file.control.focus();
      submit.disabled = false;
      return;
    }
    await done(chosen.name);
  });
  return form;
}
