// Previous / next for a ListPage answer ({ items, total, page, pageSize }): nothing when it all fits on one page.
import { h } from '../dom.js';
import { t } from '../i18n.js';

/** idPrefix names the buttons (<prefix>-previous, <prefix>-next); go(page) loads that page. */
export function pager(idPrefix, found, go) {
  const pages = Math.max(1, Math.ceil(found.total / found.pageSize));
  if (pages === 1) return null;
  return h('nav', { class: 'toolbar', 'aria-label': t('callbacks.pages') },
    h('button', { type: 'button', id: `${idPrefix}-previous`, disabled: found.page <= 1, onclick: () => go(found.page - 1) }, t('callbacks.previous')),
    h('span', {}, t('callbacks.pageOf', { page: found.page, pages })),
    h('button', { type: 'button', id: `${idPrefix}-next`, disabled: found.page >= pages, onclick: () => go(found.page + 1) }, t('callbacks.next')));
}
