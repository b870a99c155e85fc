import type { FastifyRequest } from 'fastify';
import { fromNodeHeaders } from 'better-auth/node';
import { clientIpHeader } from '../auth/auth.ts';

/** The caller's headers, as better-auth's server calls expect them. */
export function authHeaders(request: FastifyRequest): Headers {
  const headers = fromNodeHeaders(request.headers);
  headers.set(clientIpHeader, request.ip);
  return headers;
}
