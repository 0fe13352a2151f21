// Calls to the /api endpoints with the session cookie (and its antiforgery token on unsafe methods); failures become
// ApiProblem with the server's bilingual text.
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

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const XSRF_HEADER = 'X-XSRF-TOKEN';
let xsrfToken = null;

/** The antiforgery token of the signed-in cookie session; null when not signed in. */
async function antiforgeryToken(fresh) {
  if (xsrfToken && !fresh) return xsrfToken;
  xsrfToken = null;
  try {
    const response = await fetch('/api/auth/antiforgery', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (response.ok) xsrfToken = (await response.json()).token ?? null;
  } catch {
    // The request itself reports the network problem.
  }
  return xsrfToken;
}

// Unsafe methods carry the antiforgery token (the cookie is an ambient credential); a stale token is fetched again once.
export async function api(path, { method = 'GET', body, headers = {} } = {}) {
  const signing = path.startsWith('/api/auth/login') || path.startsWith('/api/auth/logout');
  const unsafe = UNSAFE_METHODS.has(method.toUpperCase()) && !path.startsWith('/api/auth/login');
  let { response, data } = await send(path, method, body, headers, unsafe ? await antiforgeryToken(false) : null);
  if (unsafe && response.status === 400 && data?.code === 'antiforgery_invalid') {
    ({ response, data } = await send(path, method, body, headers, await antiforgeryToken(true)));
  }
  // A token belongs to one signed-in user: after signing in or out the next unsafe call fetches a new one.
  if (signing) xsrfToken = null;
  if (response.status === 401 && !path.startsWith('/api/auth/')) {
    window.dispatchEvent(new CustomEvent('dispatch:unauthenticated'));
  }
  if (!response.ok) throw new ApiProblem(response.status, data);
  return data;
}

async function send(path, method, body, headers, xsrf) {
  let response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        'Accept-Language': lang() === 'en' ? 'en' : 'zh-CN',
        // A FormData body (a file upload) sets its own multipart Content-Type with the boundary.
        ...(body === undefined || body instanceof FormData ? {} : { 'Content-Type': 'application/json' }),
        ...(xsrf ? { [XSRF_HEADER]: xsrf } : {}),
        ...headers,
      },
      body: body === undefined || body instanceof FormData ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiProblem(0, null);
  }
  const text = await response.text();
  return { response, data: text ? safeJson(text) : null };
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
