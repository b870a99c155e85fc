// The replay server's HTTP plumbing: what a route handler gets and answers,
// how an answer is sent, and how a request's fields are read (Rails reads
// query, JSON, urlencoded and multipart alike).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Account, Token } from './replay-state.ts';

export interface Ctx {
  request: IncomingMessage;
  response: ServerResponse;
  url: URL;
  path: string;
  params: string[];
  fields: Record<string, unknown>;
  token: Token | null;
  viewer: Account | null;
  drop: boolean;
}

export type Handler = (ctx: Ctx) => Reply | Promise<Reply>;
export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Sent as text/html instead of JSON. */
  html?: string;
}

export const json = (status: number, body: unknown, headers?: Record<string, string>): Reply => ({ status, body, headers });
export const error = (status: number, message: string, description?: string): Reply => json(status, description ? { error: message, error_description: description } : { error: message });
export const notFound = () => error(404, 'Record not found');

export type Auth = 'none' | 'optional' | 'user';
/** Declares a route: `path` takes `:name` segments, handed to the handler in order as `params`. */
export type Route = (method: string, path: string, auth: Auth, scope: 'read' | 'write' | undefined, handler: Handler) => void;

export function rateHeaders(limit: number, remaining: number, reset: Date): Record<string, string> {
  // rack-attack's responder in Mastodon: reset as ISO 8601 with microseconds.
  return { 'x-ratelimit-limit': String(limit), 'x-ratelimit-remaining': String(Math.max(0, remaining)), 'x-ratelimit-reset': reset.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z') };
}

export function send(response: ServerResponse, reply: Reply, extraHeaders: Record<string, string> = {}): number {
  if (response.headersSent || response.destroyed) return reply.status;
  const headers: Record<string, string> = { ...extraHeaders, ...reply.headers };
  let payload: string | Uint8Array;
  if (reply.html !== undefined) {
    headers['content-type'] = 'text/html; charset=utf-8';
    payload = reply.html;
  } else if (reply.body instanceof Uint8Array) {
    payload = reply.body;
  } else {
    headers['content-type'] = 'application/json; charset=utf-8';
    payload = JSON.stringify(reply.body ?? {});
  }
  response.writeHead(reply.status, headers);
  response.end(payload);
  return reply.status;
}

/** Rails reads JSON, urlencoded and multipart bodies alike; `name[]` fields become arrays. */
export async function parseFields(request: IncomingMessage, raw: Buffer): Promise<Record<string, unknown>> {
  const type = request.headers['content-type'] ?? '';
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const fields: Record<string, unknown> = {};
  const add = (name: string, value: unknown) => {
    if (name.endsWith('[]')) {
      const key = name.slice(0, -2);
      fields[key] = [...((fields[key] as unknown[] | undefined) ?? []), value];
    } else fields[name] = value;
  };
  for (const [name, value] of url.searchParams) if (request.method !== 'GET') add(name, value);
  if (raw.length === 0) return fields;
  if (type.startsWith('application/json')) {
    Object.assign(fields, JSON.parse(raw.toString('utf8')) as Record<string, unknown>);
  } else if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) {
    const form = await new Request('http://127.0.0.1/', { method: 'POST', headers: { 'content-type': type }, body: new Uint8Array(raw) }).formData();
    for (const [name, value] of form) add(name, value);
  }
  return fields;
}

export function describeFields(fields: Record<string, unknown>): Record<string, unknown> {
  const shown: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) shown[name] = value instanceof File ? { fileName: value.name, type: value.type, size: value.size } : value;
  return shown;
}

export function stringField(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

export function arrayField(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(stringField).filter((item) => item !== '');
  const single = stringField(value);
  return single ? [single] : [];
}

export function booleanField(value: unknown): boolean {
  return value === true || value === 'true' || value === '1' || value === 1;
}

export function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Number.isFinite(value) ? value : min));
}
