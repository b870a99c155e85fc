// Short links: the public redirect `/l/:code` (counts the click, then 302 to
// the post's link with its UTM parameters) and a post's link statistics.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../services.ts';
import { notFound } from '../../errors.ts';
import { translate } from '../../i18n/messages.ts';
import type { Locale } from '../../../shared/locales.ts';
import { shortCodePattern } from '../../../shared/short-links.ts';
import { describeVisit } from '../../domain/links/visit.ts';
import { errorResponses } from './schemas.ts';
import { postParams } from './publishing-schemas.ts';

const postLinkView = z.object({
  id: z.string(),
  targetId: z.string(),
  channelId: z.string(),
  network: z.string(),
  handle: z.string(),
  url: z.string(),
  destination: z.string(),
  shortUrl: z.string().nullable(),
  clicks: z.number(),
  botClicks: z.number(),
});

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function notFoundPage(locale: Locale): string {
  const title = escapeHtml(translate(locale, 'short_link_not_found_title'));
  const text = escapeHtml(translate(locale, 'short_link_not_found'));
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>${title}</title>
<style>body{margin:0;min-height:100vh;display:grid;place-items:center;font:16px/1.5 system-ui,sans-serif;color:#212529;background:#f8f9fa}main{max-width:28rem;padding:2rem;text-align:center}h1{font-size:1.4rem;margin:0 0 .5rem}p{margin:0;color:#495057}</style>
</head><body><main><h1>${title}</h1><p>${text}</p></main></body></html>
`;
}

export function registerLinkRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { links } = services.publishing;

  r.get('/l/:code', {
    config: { public: true },
    schema: { hide: true },
    // The destination site learns which network the click came from (the browsers' default), not this page.
    onSend: async (_request, reply, payload) => {
      if (reply.statusCode === 302) reply.header('referrer-policy', 'strict-origin-when-cross-origin');
      return payload;
    },
  }, async (request, reply) => {
    const { code } = request.params as { code: string };
    const link = shortCodePattern.test(code) ? await links.byCode(code) : null;
    reply.header('cache-control', 'no-store');
    if (!link) return reply.status(404).type('text/html; charset=utf-8').send(notFoundPage(request.locale));
    // HEAD is what link checkers send: not a click.
    if (request.method === 'GET') {
      try {
        await links.recordClick(link, describeVisit(request.headers['user-agent'], request.headers.referer));
      } catch (error) {
        // The person still gets where they were going; only the count misses one.
        request.log.warn({ err: error }, 'could not record a short link click');
      }
    }
    return reply.redirect(link.destination, 302);
  });

  r.get('/api/workspaces/:workspaceId/posts/:postId/links', {
    config: { workspacePermission: 'workspace:read' },
    schema: {
      tags: ['publishing'],
      summary: "A post's links on each channel: where they lead, their short link, and clicks (people and bots apart)",
      params: postParams,
      response: { 200: z.object({ links: z.array(postLinkView), clicks: z.number(), botClicks: z.number() }), ...errorResponses },
    },
  }, async (request) => {
    const stats = await links.postLinks(request.params.workspaceId, request.params.postId);
    if (!stats) throw notFound();
    return stats;
  });
}
