// Supervision orders (督办) on any item: each order with its state, and the fields of the unit's written reply (督办回复).
import { h } from '../dom.js';
import { t, word } from '../i18n.js';
import { dateTime } from '../format.js';
import { textLimits } from '../reference.js';

/** Each order with its state: the level it stands at and its due time, or the unit's reply; null without orders. */
export function ordersFact(orders, id) {
  if (!orders?.length) return null;
  return h('ul', { class: 'orders', id }, orders.map(o => h('li', { class: o.state === 'overdue' ? 'urgent' : null },
    [t('orders.issued', { cause: word('supervisionCause', o.cause), at: dateTime(o.issuedAt) }), o.note,
      o.state === 'replied' ? t('orders.replied', { at: dateTime(o.repliedAt), reply: o.reply ?? '' }) : null,
      o.state === 'open' || o.state === 'overdue'
        ? t(o.state === 'overdue' ? 'orders.overdueAt' : 'orders.dueAt', { level: word('supervisionLevel', o.level), at: dateTime(o.dueAt) })
        : null,
      ...(o.escalations ?? []).map(e => t('orders.escalated', { level: word('supervisionLevel', e.level), at: dateTime(e.at) })),
    ].filter(Boolean).join(' · '))));
}

/** The orders still waiting for a reply, oldest first (the first is due soonest at the same level). */
export const openOrders = item => (item.supervisionOrders ?? []).filter(o => o.state === 'open' || o.state === 'overdue');

/** 督办回复 as checked-form specs: which open order (the first chosen) and the written reply. */
export function replySpecs(item) {
  const open = openOrders(item);
  return [
    { name: 'orderId', label: t('orders.which'), kind: 'choice', required: true, value: open[0]?.orderId,
      options: open.map(o => ({ value: o.orderId, label: t('orders.option', { cause: word('supervisionCause', o.cause), due: dateTime(o.dueAt) }) })) },
    { name: 'reply', label: t('orders.reply'), kind: 'long', required: true, max: textLimits().note },
  ];
}
