// The error every layer throws when a person's request cannot be done: a stable
// code, the HTTP status it maps to, and the values its translated message needs.
// The HTTP error handler renders it in the caller's language.
import type { MessageCode } from './i18n/messages.ts';

export class AppError extends Error {
  readonly statusCode: number;
  readonly code: MessageCode;
  readonly params: Record<string, string | number>;
  readonly headers: Record<string, string>;
  /** Extra fields for the error body (e.g. every problem of a rejected post), beside code and message. */
  body: Record<string, unknown> = {};
  constructor(statusCode: number, code: MessageCode, params: Record<string, string | number> = {}, headers: Record<string, string> = {}) {
    super(code);
    this.name = 'AppError';
    this.statusCode = statusCode;
    this.code = code;
    this.params = params;
    this.headers = headers;
  }
}

/** The same error with extra fields in its body. */
export function withBody(error: AppError, body: Record<string, unknown>): AppError {
  error.body = body;
  return error;
}

export const notFound = () => new AppError(404, 'not_found');
export const forbidden = () => new AppError(403, 'forbidden');
export const unauthenticated = () => new AppError(401, 'unauthenticated');
