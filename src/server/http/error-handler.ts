// One shape for every API error: `{ code, message }`, the message in the
// caller's language. Unexpected errors are logged and never leak details.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../errors.ts';
import { translate, type MessageCode } from '../i18n/messages.ts';
import { pickLocale } from '../../shared/locales.ts';

export function sendError(request: FastifyRequest, reply: FastifyReply, error: AppError, extra: Record<string, unknown> = {}) {
  const locale = request.locale ?? pickLocale(request.headers['accept-language']);
  for (const [name, value] of Object.entries(error.headers)) reply.header(name, value);
  return reply.status(error.statusCode).send({ code: error.code, message: translate(locale, error.code, error.params), ...error.body, ...extra });
}

const fastifyCodes: Record<string, [number, MessageCode]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'malformed_json'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'malformed_json'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported_media_type'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'validation'],
  FST_ERR_RATE_LIMIT: [429, 'rate_limited'],
};

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) return sendError(request, reply, error);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.map((v) => ({
        path: [v.instancePath.replace(/^\//, '').replaceAll('/', '.')].filter(Boolean).join('.') || (v.params as { issue?: { keys?: string[] } })?.issue?.keys?.join(', ') || '',
        code: v.keyword,
        where: error.validationContext,
      }));
      const details = issues.map((i) => i.path || i.where).filter(Boolean).join(', ');
      return sendError(request, reply, new AppError(400, 'validation', { details }), { issues });
    }
    if (error instanceof SyntaxError || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
      return sendError(request, reply, new AppError(400, 'malformed_json'));
    }
    const known = error.code ? fastifyCodes[error.code] : undefined;
    if (known) return sendError(request, reply, new AppError(known[0], known[1], { details: '', seconds: 60 }));
    request.log.error({ err: error }, 'request failed');
    return sendError(request, reply, new AppError(500, 'internal'));
  });
}
