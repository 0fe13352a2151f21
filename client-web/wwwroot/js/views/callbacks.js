// 待回访: resolved tickets whose caller is still owed a callback, oldest resolution first, with the failed attempts made
// and when the next may be made; each number opens the ticket, where the callback (or the written notice) is recorded.
import { api } from '../api.js';
import { announce, fill, h } from '../dom.js';
import { t, word } from '../i18n.js';
import { dateTime } from '../format.js';
import { loadCounties, loadUnits } from '../reference.js';
import { ticketTable } from '../parts/ticket-table.js';
import { pager } from '../parts/pager.js';

const PAGE_SIZE = 20;
const ATTEMPT_LIMIT = 3;

export async function render(main) {
  await Promise.all([loadCounties(), loadUnits()]);
  const state = { page: 1, all: false };
  const body = h('div', { id: 'callbacks' });
  const all = h('input', { type: 'checkbox', id: 'callbacks-all' });
  const refresh = h('button', { type: 'button', id: 'callbacks-refresh', onclick: () => load() }, t('worklist.refresh'));
  all.addEventListener('change', () => { state.all = all.checked; state.page = 1; load(); });
  main.append(h('h1', {}, t('callbacks.title')), h('p', { class: 'hint' }, t('callbacks.intro', { limit: ATTEMPT_LIMIT })),
    h('div', { class: 'toolbar' }, h('div', { class: 'field checkbox' }, all, h('label', { for: all.id }, t('callbacks.showAll'))), refresh),
    h('div', { class: 'panel' }, body));

  async function load() {
    const q = new URLSearchParams({ page: String(state.page), pageSize: String(PAGE_SIZE), ...(state.all ? { due: 'false' } : {}) });
    try {
      const found = await api(`/api/callback-queue?${q}`);
      const byId = new Map(found.items.map(entry => [entry.ticket.id, entry]));
      const attempts = {
        header: t('callbacks.col.attempts'),
        cell: s => {
          const entry = byId.get(s.id);
          return [t('callbacks.by', { method: word('contactMethod', entry.contactMethod) }), t('callbacks.resolved', { at: dateTime(entry.resolvedAt) }),
            t('callbacks.failed', { n: entry.failedAttempts, limit: ATTEMPT_LIMIT }),
            entry.due ? t('callbacks.dueNow') : t('callbacks.nextAt', { at: dateTime(entry.nextAttemptAt) }),
            entry.noticeDue ? t('callbacks.noticeDue') : ''].filter(Boolean).join(' · ');
        },
      };
      const table = ticketTable(t('callbacks.caption', { n: found.total }), found.items.map(e => e.ticket),
        ['number', 'title', 'kind', 'county', 'unit', 'caller'], attempts);
      fill(body, table ?? h('p', { class: 'empty' }, t(state.all ? 'callbacks.emptyAll' : 'callbacks.empty')), pager('callbacks', found, next => { state.page = next; load(); }));
      announce(t('callbacks.caption', { n: found.total }));
    } catch (problem) {
      fill(body, h('p', { class: 'notice failure', role: 'alert' }, problem.text));
    }
  }

  await load();
}
