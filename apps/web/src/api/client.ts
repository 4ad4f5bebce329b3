/**
 * The one way the web app talks to the API: same-origin fetch with the session cookie, the CSRF token
 * on writes, the UI language as Accept-Language, an optional Idempotency-Key, and errors turned into
 * `ApiError` carrying the server's `{ error: { code, message, details } }`.
 */
import type { ApiErrorBody } from '@yilian/contracts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

/** Per-tab request context: the CSRF token of the current session and the UI language. */
const context: { csrfToken: string | null; language: string } = { csrfToken: null, language: 'zh-CN' };
export function setCsrfToken(token: string | null): void {
  context.csrfToken = token;
}
export function setRequestLanguage(language: string): void {
  context.language = language;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** Sent as `Idempotency-Key` so a retried submission maps to the first result. */
  idempotencyKey?: string;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

/** `?a=1&b=x`, leaving out empty values. */
export function toSearch(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  return typeof value === 'object' && value !== null && 'error' in value && typeof (value as ApiErrorBody).error?.code === 'string';
}

async function send(method: string, path: string, options: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': context.language, ...options.headers };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && context.csrfToken) headers['x-csrf-token'] = context.csrfToken;
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  let response: Response;
  try {
    response = await fetch(path + toSearch(options.query), {
      method,
      headers,
      credentials: 'include',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network.unreachable', context.language === 'en' ? 'The server cannot be reached.' : '无法连接服务器。');
  }
  if (!response.ok) {
    const payload: unknown = await response.json().catch(() => null);
    if (isErrorBody(payload)) throw new ApiError(response.status, payload.error.code, payload.error.message, payload.error.details);
    throw new ApiError(response.status, `http.${response.status}`, response.statusText || `HTTP ${response.status}`);
  }
  return response;
}

async function json<T>(method: string, path: string, options?: RequestOptions): Promise<T> {
  const response = await send(method, path, options);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => json<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>) => json<T>('POST', path, { ...options, body: body ?? {} }),
  patch: <T>(path: string, body: unknown, options?: Omit<RequestOptions, 'body'>) => json<T>('PATCH', path, { ...options, body }),
  put: <T>(path: string, body: unknown, options?: Omit<RequestOptions, 'body'>) => json<T>('PUT', path, { ...options, body }),
  delete: <T>(path: string, options?: RequestOptions) => json<T>('DELETE', path, options),
  /** The raw response (downloads, streams). */
  raw: send,
};

/** A fresh key for one user action (keep it across retries of the same submission). */
export const newIdempotencyKey = (): string => crypto.randomUUID();
