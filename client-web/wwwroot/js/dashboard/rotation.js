// 轮播: the big screen steps through its scopes by itself — the city, then each county — one every few seconds.

export const defaultSeconds = 30;
const minimumSeconds = 5;
const maximumSeconds = 600;

/** The rotation period asked for in the address (rotate=<seconds>, 5–600), or null when the screen does not rotate. */
export function rotationSeconds(query) {
  const raw = query.get('rotate');
  if (raw === null) return null;
  const seconds = Number.parseInt(raw, 10);
  return Number.isFinite(seconds) ? Math.min(maximumSeconds, Math.max(minimumSeconds, seconds)) : defaultSeconds;
}

/** The scope after this one in the order the screen rotates through; back to the first after the last. */
export function nextScope(order, scope) {
  if (!order.length) return scope;
  const at = order.indexOf(scope);
  return order[(at + 1) % order.length];
}

/** Starts stepping: after the period, go to the next scope's big screen with the same period. Returns the stop. */
export function startRotation(order, scope, seconds, go) {
  const timer = setTimeout(() => go(`dashboard?${new URLSearchParams({ scope: nextScope(order, scope), screen: 'big', rotate: String(seconds) })}`), seconds * 1000);
  return () => clearTimeout(timer);
}
