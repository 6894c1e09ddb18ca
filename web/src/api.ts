/**
 * The API client: same-origin fetch with the session cookie, JSON in and out, the CSRF header on
 * writes, and the server's error body turned into an {@link ApiError}.
 */
import createClient, { type Middleware } from 'openapi-fetch';
import { ui } from '../../src/i18n/ui.ts';
import type { paths } from './api/openapi';
import type { ErrorBody } from './api/schema.ts';
import { language } from './language.ts';

/** One field-level problem, as the server reports it (`error.fields`); `field` is a dotted path, e.g. `days.0.date`. */
export type FieldIssue = NonNullable<ErrorBody['error']['fields']>[number];

/** A failed request: the server's stable code and its messages (Chinese first; `message` is the one shown). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly messageEn: string,
    readonly fields: FieldIssue[] = [],
    /** Extra facts some errors carry (e.g. the row-by-row report of a rejected import). */
    readonly details: Record<string, unknown> = {},
  ) {
    // What the user reads: the server's message in the UI's language.
    super(language === 'en' && messageEn ? messageEn : message);
    this.name = 'ApiError';
  }
}

export const CSRF_HEADER = 'x-csrf-token';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let csrfToken: string | null = null;
let onUnauthenticated: () => void = () => {};

/** Remembers the session's CSRF token (from the login response or GET /api/auth/me). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The CSRF header for writes made outside {@link api} (resumable uploads with tus-js-client). */
export function csrfHeaders(): Record<string, string> {
  return csrfToken ? { [CSRF_HEADER]: csrfToken } : {};
}

/** What to do when the session is gone (the router sends the user to the login page). */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

/** `path?query`, leaving out empty values. */
export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy's error page, say): fall back to the status.
  }
  // Partial: a proxy or the framework may answer in another shape.
  const error = (body as { error?: Partial<ErrorBody['error']> } | null)?.error;
  return new ApiError(
    response.status,
    error?.code ?? `HTTP_${response.status}`,
    error?.message ?? `${ui.app.loadFailed}（HTTP ${response.status}）`,
    error?.messageEn ?? `HTTP ${response.status}`,
    (error?.fields ?? []).map((f) => (language === 'en' && f.messageEn ? { ...f, message: f.messageEn } : f)),
    error?.details ?? {},
  );
}

/** The server's refusal as an ApiError; a lost session also sends the user to the login page. */
async function refusal(response: Response): Promise<ApiError> {
  const error = await toApiError(response);
  if (error.status === 401 && error.code === 'UNAUTHENTICATED') onUnauthenticated();
  return error;
}

const networkError = () => new ApiError(0, 'NETWORK', ui.common.networkError, 'Network error');

/** The file name a download announces (RFC 6266 filename*, else filename), or a fallback. */
function fileNameOf(response: Response, fallback: string): string {
  const disposition = response.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star) return decodeURIComponent(star[1]!);
  return /filename="([^"]+)"/i.exec(disposition)?.[1] ?? fallback;
}

/** Downloads a file (exports, templates) so that an error shows as a message, not a JSON page. */
export async function download(path: string, query: Query | undefined, fallbackName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(withQuery(path, query), { credentials: 'same-origin' });
  } catch {
    throw networkError();
  }
  if (!response.ok) throw await refusal(response);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameOf(response, fallbackName);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Multipart writes (photos, spreadsheets), which the OpenAPI document does not describe as a body. */
export async function upload<T>(method: 'POST' | 'PUT', path: string, form: FormData): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...csrfHeaders() };
  let response: Response;
  try {
    // The browser sets the multipart boundary.
    response = await fetch(path, { method, credentials: 'same-origin', headers, body: form });
  } catch {
    throw networkError();
  }
  if (!response.ok) throw await refusal(response);
  return (await response.json()) as T;
}

/**
 * The session cookie and CSRF header on every call; a failed answer thrown as an {@link ApiError}
 * (so a call that returns has its success body), a failed connection as a NETWORK one.
 */
const sessionMiddleware: Middleware = {
  onRequest({ request }) {
    if (UNSAFE.has(request.method) && csrfToken) request.headers.set(CSRF_HEADER, csrfToken);
  },
  async onResponse({ response }) {
    if (!response.ok) throw await refusal(response);
  },
  onError({ error }) {
    return error instanceof ApiError ? error : networkError();
  },
};

/**
 * The typed API client (openapi-fetch over the generated web/src/api/openapi.d.ts): paths, path
 * and query parameters, request and response bodies are checked against the server's OpenAPI
 * document. Wrap a call in {@link unwrap} for its body.
 */
export const api = createClient<paths>({
  credentials: 'same-origin',
  headers: { accept: 'application/json' },
  // As withQuery: empty filters are left out rather than sent as `q=`.
  querySerializer: (query) => withQuery('', query as Query).replace(/^\?/, ''),
});
api.use(sessionMiddleware);

/** The success body of an {@link api} call (failures were thrown as ApiError by its middleware). */
export async function unwrap<T>(call: Promise<{ data?: T }>): Promise<T> {
  return (await call).data as T;
}

