// JSON logs through pino, with every field that could carry a secret redacted.
import { pino, type Logger } from 'pino';
import type { Config } from './config.ts';

export const redactedPaths = [
  'password',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  'token',
  '*.token',
  '*.accessToken',
  '*.refreshToken',
  '*.secret',
  'secret',
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  'headers.cookie',
  'headers.authorization',
];

/** Addresses whose path carries a credential (a client approval link's token) are logged without it. */
export function loggableUrl(url: string): string {
  return url.replace(/\/review\/[^/?#]+/, '/review/[redacted]');
}

/** Fastify's request line (its own serializer, with the address made loggable). */
function requestSerializer(request: { method?: string; url?: string; host?: string; ip?: string; socket?: { remotePort?: number } }) {
  return { method: request.method, url: request.url === undefined ? undefined : loggableUrl(request.url), host: request.host, remoteAddress: request.ip, remotePort: request.socket?.remotePort };
}

export function createLogger(config: Pick<Config, 'logLevel'>, destination?: NodeJS.WritableStream): Logger {
  const options = { level: config.logLevel, redact: { paths: redactedPaths, censor: '[redacted]' }, serializers: { req: requestSerializer } };
  return destination ? pino(options, destination as pino.DestinationStream) : pino(options);
}
