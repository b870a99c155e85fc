// A small fetch client for the Relais API: JSON in and out, the session
// cookie, the interface language in Accept-Language, and errors as ApiError.
import i18n, { currentLocale } from '../i18n/index.ts';

/** A failed API call: HTTP status plus the server's `{ code, message }`. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** The whole error body: some errors carry more than code and message (a rejected post's `issues`). */
  readonly body: Record<string, unknown>;
  constructor(status: number, code: string, message: string, body: Record<string, unknown> = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.body = body;
  }
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

async function request<T>(method: Method, path: string, body?: unknown, init: { keepalive?: boolean } = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': currentLocale() };
  // A FormData goes as multipart: the browser writes its Content-Type with the boundary.
  const form = body instanceof FormData;
  if (body !== undefined && !form) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      keepalive: init.keepalive,
      body: body === undefined ? undefined : form ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', i18n.t('errors.network'));
  }
  const text = await response.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (!response.ok) {
    const error = (data ?? {}) as Partial<{ code: unknown; message: unknown }>;
    throw new ApiError(
      response.status,
      typeof error.code === 'string' ? error.code : `http_${response.status}`,
      typeof error.message === 'string' && error.message ? error.message : i18n.t('errors.unexpected'),
      typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {},
    );
  }
  return data as T;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T = void>(path: string, body: unknown = {}) => request<T>('POST', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown, init?: { keepalive?: boolean }) => request<T>('PATCH', path, body, init),
  delete: (path: string) => request<void>('DELETE', path),
  /** Sends files as multipart/form-data. */
  upload: <T>(path: string, form: FormData) => request<T>('POST', path, form),
};

/** Builds a path with each dynamic segment escaped. */
export function apiPath(strings: TemplateStringsArray, ...values: Array<string | number>): string {
  return strings.reduce((out, part, index) => out + part + (index < values.length ? encodeURIComponent(String(values[index])) : ''), '');
}
