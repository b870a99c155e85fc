// The calendar: every channel's copy of every post in a period, in the
// workspace's time zone (the web app renders it there, whatever the browser's).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../services.ts';
import { AppError } from '../../errors.ts';
import { targetStates } from '../../../shared/publishing.ts';
import { errorResponses, workspaceParams } from './schemas.ts';
import { calendarEntry, idList } from './publishing-schemas.ts';

/** A calendar page never spans more than this (a month view with its overflow weeks fits easily). */
const MAX_SPAN_MS = 100 * 86_400_000;

export const calendarQuery = z.strictObject({
  from: z.iso.datetime({ offset: true }),
  to: z.iso.datetime({ offset: true }),
  channelId: idList.optional(),
  campaignId: z.string().max(64).optional(),
  state: idList.pipe(z.array(z.enum(targetStates))).optional(),
  authorId: z.string().max(64).optional(),
});

export function calendarFilter(query: z.infer<typeof calendarQuery>) {
  const from = Date.parse(query.from);
  const to = Date.parse(query.to);
  if (!(to > from) || to - from > MAX_SPAN_MS) throw new AppError(400, 'validation', { details: 'from, to' });
  return { from, to, channelIds: query.channelId, campaignId: query.campaignId, states: query.state, authorId: query.authorId };
}

export function registerCalendarRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/workspaces/:workspaceId/calendar', {
    config: { workspacePermission: 'workspace:read' },
    schema: {
      tags: ['publishing'],
      summary: 'Each channel’s copy of each post between two instants, with filters',
      params: workspaceParams,
      querystring: calendarQuery,
      response: { 200: z.object({ timeZone: z.string(), entries: z.array(calendarEntry) }), ...errorResponses },
    },
  }, async (request) => {
    const { workspaceId } = request.params;
    const { timeZone } = await services.publishing.planner.workspaceSettings(workspaceId);
    return { timeZone, entries: await services.publishing.queries.calendar(workspaceId, calendarFilter(request.query)) };
  });
}
