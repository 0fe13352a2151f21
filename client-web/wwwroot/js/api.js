// Calls to the /api endpoints with the session cookie; failures become ApiProblem with the server's bilingual text.
import { lang, pick, t } from './i18n.js';

export class ApiProblem extends Error {
  constructor(status, problem) {
    super(problem?.detail ?? `HTTP ${status}`);
    this.status = status;
    this.problem = problem ?? {};
    this.code = this.problem.code ?? '';
    /** [{ field, code, zh, en }] */
    this.fieldErrors = this.problem.fieldErrors ?? [];
  }

  /** The message in the current language. */
  get text() {
    const p = this.problem;
    if (this.status === 0) return t('app.error.network');
    return pick(p.zh?.detail, p.en?.detail) || p.detail || p.title || this.message;
  }
}

export async function api(path, { method = 'GET', body, headers = {} } = {}) {
  let response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        'Accept-Language': lang() === 'en' ? 'en' : 'zh-CN',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiProblem(0, null);
  }
  const text = await response.text();
  const data = text ? safeJson(text) : null;
  if (response.status === 401 && !path.startsWith('/api/auth/')) {
    window.dispatchEvent(new CustomEvent('dispatch:unauthenticated'));
  }
  if (!response.ok) throw new ApiProblem(response.status, data);
  return data;
}

function safeJson(text) {
  try { return JSON.parse(text); } catch { return { detail: text }; }
}

/** A unique Idempotency-Key per registration; works outside secure contexts too. */
export function newIdempotencyKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
}

/** POST /api/tickets/{id}/{action} guarded by the version the user saw. */
export const ticketAction = (ticket, action, body = {}) =>
  api(`/api/tickets/${ticket.id}/${action}`, { method: 'POST', body, headers: { 'If-Match': `"${ticket.version}"` } });
