/**
 * The API client: same-origin fetch with the session cookie, JSON in and out, the CSRF header on
 * writes, and the server's error body turned into an {@link ApiError}.
 */
import { ui } from '../../src/i18n/ui.ts';
import { language } from './language.ts';

/** One field-level problem, as the server reports it (`error.fields`). */
export interface FieldIssue {
  /** Dotted path of the field, e.g. `certificate.number` or `days.0.date`. */
  field: string;
  code: string;
  message: string;
  messageEn?: string;
}

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
  const error = (body as { error?: { code?: string; message?: string; messageEn?: string; fields?: FieldIssue[]; details?: Record<string, unknown> } } | null)?.error;
  return new ApiError(
    response.status,
    error?.code ?? `HTTP_${response.status}`,
    error?.message ?? `${ui.app.loadFailed}（HTTP ${response.status}）`,
    error?.messageEn ?? `HTTP ${response.status}`,
    (error?.fields ?? []).map((f) => (language === 'en' && f.messageEn ? { ...f, message: f.messageEn } : f)),
    error?.details ?? {},
  );
}

/** The file name a download announces (RFC 6266 filename*, else filename), or a fallback. */
function fileNameOf(response: Response, fallback: string): string {
  const disposition = response.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star) return decodeURIComponent(star[1]!);
  return /filename="([^"]+)"/i.exec(disposition)?.[1] ?? fallback;
}

/** Downloads a file (exports, templates) so that an error shows as a message, not a JSON page. */
async function download(path: string, fallbackName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', ui.common.networkError, 'Network error');
  }
  if (!response.ok) {
    const error = await toApiError(response);
    if (error.status === 401 && error.code === 'UNAUTHENTICATED') onUnauthenticated();
    throw error;
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameOf(response, fallbackName);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) {
    payload = body; // the browser sets the multipart boundary
  } else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  if (UNSAFE.has(method) && csrfToken) headers[CSRF_HEADER] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, { method, credentials: 'same-origin', headers, body: payload });
  } catch {
    throw new ApiError(0, 'NETWORK', ui.common.networkError, 'Network error');
  }
  if (!response.ok) {
    const error = await toApiError(response);
    if (error.status === 401 && error.code === 'UNAUTHENTICATED') onUnauthenticated();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  return (type.includes('json') ? await response.json() : await response.text()) as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', withQuery(path, query)),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
  /** Multipart upload (photos, spreadsheets). */
  upload: <T>(method: 'POST' | 'PUT', path: string, form: FormData) => request<T>(method, path, form),
  download: (path: string, query: Query | undefined, fallbackName: string) => download(withQuery(path, query), fallbackName),
};
