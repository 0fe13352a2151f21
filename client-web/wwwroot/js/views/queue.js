// 派单队列: tickets waiting for (re)dispatch, those needing a ruling and returned ones first.
import { api } from '../api.js';
import { fill, h } from '../dom.js';
import { t } from '../i18n.js';
import { loadCounties, loadUnits } from '../reference.js';
import { ticketTable } from '../parts/ticket-table.js';

export async function render(main) {
  await Promise.all([loadCounties(), loadUnits()]);
  const body = h('div', { id: 'queue' });
  const refresh = h('button', { type: 'button', onclick: () => load() }, t('worklist.refresh'));
  main.append(h('h1', {}, t('queue.title')), h('div', { class: 'toolbar' }, refresh), h('div', { class: 'panel' }, body));

  async function load() {
    try {
      const queue = await api('/api/dispatch-queue');
      const note = {
        header: t('col.note'),
        cell: s => [s.awaitingRuling ? t('queue.ruling') : '', s.returnCount ? t('queue.returned', { n: s.returnCount }) : ''].filter(Boolean).join(' · '),
      };
      fill(body, ticketTable(t('queue.title'), queue, ['number', 'title', 'kind', 'county', 'unit', 'received'], note)
        ?? h('p', { class: 'empty' }, t('queue.empty')));
    } catch (problem) {
      fill(body, h('p', { class: 'notice failure', role: 'alert' }, problem.text));
    }
  }
  await load();
}
