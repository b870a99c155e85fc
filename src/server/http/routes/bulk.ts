// Bulk publishing over HTTP: import posts from a CSV (a dry run by default,
// which lists every problem by line; the import itself is all or nothing) and
// export the calendar as a CSV that imports back.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { create as contentDisposition } from 'content-disposition';
import { z } from 'zod';
import type { Services } from '../../services.ts';
import { AppError } from '../../errors.ts';
import { translate } from '../../i18n/messages.ts';
import { targetStates } from '../../../shared/publishing.ts';
import { createBulkParts } from '../../bulk-wiring.ts';
import { decodeCsv, maxCsvBytes } from '../../domain/bulk/csv-reader.ts';
import type { CsvReport } from '../../domain/bulk/csv-import.ts';
import { csvColumns } from '../../domain/bulk/csv-columns.ts';
import { errorBody, errorResponses, workspaceParams } from './schemas.ts';
import { idList } from './publishing-schemas.ts';
import { publishingActor } from './posts.ts';

/** An export may span this much (a year and a bit: last year's plan, next year's). */
const maxExportSpanMs = 400 * 86_400_000;
const maxMb = maxCsvBytes / (1024 * 1024);
const tooLarge = () => new AppError(413, 'csv_too_large', { maxMb });

const csvProblem = z.object({ line: z.number().nullable(), column: z.enum(csvColumns).nullable(), code: z.string(), message: z.string() });
const rowPreview = z.object({
  line: z.number(),
  at: z.string().nullable(),
  state: z.enum(['draft', 'scheduled', 'pending_approval']),
  channels: z.array(z.string()),
  text: z.string(),
  firstReply: z.string().nullable(),
  mediaCount: z.number(),
  campaign: z.string().nullable(),
});
const report = z.object({ timeZone: z.string(), rows: z.array(rowPreview), problems: z.array(csvProblem) });
/** A refused import says why in the error's usual shape, with the report beside it. */
const refused = report.partial().extend({ code: z.string(), message: z.string() });

/** Spreadsheets and browsers label CSV files in several ways (Windows: application/vnd.ms-excel). */
const csvContentTypes = ['text/csv', 'application/csv', 'application/vnd.ms-excel'];

function translated(request: FastifyRequest, result: CsvReport) {
  return { ...result, problems: result.problems.map((p) => ({ line: p.line, column: p.column, code: p.code, message: translate(request.locale, p.code, p.params) })) };
}

export async function registerBulkRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const bulk = createBulkParts(services);
  app.addHook('onClose', () => bulk.close());

  // The CSV body parser is for these routes only; the rest of the API stays JSON.
  await app.register(async (scope) => {
    scope.addContentTypeParser(csvContentTypes, { parseAs: 'buffer', bodyLimit: maxCsvBytes * 3 }, (_request, body, done) => {
      const bytes = body as Buffer;
      if (bytes.byteLength > maxCsvBytes) done(tooLarge(), undefined);
      else done(null, decodeCsv(bytes));
    });
    const r = scope.withTypeProvider<ZodTypeProvider>();

    r.post('/api/workspaces/:workspaceId/posts/import', {
      config: { workspacePermission: 'content:write' },
      // JSON escaping makes a 2 MB file up to a few times larger; the file's own size is checked below.
      bodyLimit: maxCsvBytes * 3,
      schema: {
        tags: ['publishing'],
        summary: 'Import posts from a CSV: with dryRun=true (the default) every line is checked and nothing is saved; with dryRun=false all lines are imported, or none',
        description:
          'Columns (English or French header names): date / date_heure, channels / canaux, text / texte, media_url / url_media, alt_text / texte_alternatif, first_reply / premiere_reponse, campaign / campagne. ' +
          'Dates are wall-clock times in the workspace time zone (2027-03-29 09:00 or 29/03/2027 09:00) or ISO instants with an offset; empty means a draft. ' +
          'Channels are handles (@brand.bsky.social) or channel ids separated by | or spaces. Separators `,` `;` or tab; UTF-8 (with or without BOM) or Windows-1252; at most 2 MB and 1,000 lines.',
        params: workspaceParams,
        querystring: z.strictObject({ dryRun: z.enum(['true', 'false']).default('true') }),
        body: z.union([z.string(), z.strictObject({ csv: z.string() })]),
        response: { 200: report, 201: report.extend({ created: z.array(z.string()) }), 413: errorBody, 422: refused, ...errorResponses },
      },
    }, async (request, reply) => {
      const csv = typeof request.body === 'string' ? request.body : request.body.csv;
      if (csv.trim() === '') throw new AppError(400, 'csv_missing');
      if (Buffer.byteLength(csv, 'utf8') > maxCsvBytes) throw tooLarge();
      const { workspaceId } = request.params;
      const actor = publishingActor(request);
      if (request.query.dryRun === 'true') return reply.status(200).send(translated(request, await bulk.importer.dryRun(workspaceId, actor, csv)));
      const { created, ...result } = await bulk.importer.import(workspaceId, actor, csv);
      if (created === null) {
        const count = result.problems.length;
        return reply.status(422).send({ code: 'csv_has_problems', message: translate(request.locale, 'csv_has_problems', { count }), ...translated(request, result) });
      }
      return reply.status(201).send({ ...translated(request, result), created });
    });
  });

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/workspaces/:workspaceId/calendar.csv', {
    config: { workspacePermission: 'workspace:read' },
    schema: {
      tags: ['publishing'],
      summary: 'The calendar as a CSV file (the import’s columns plus state and published_url), times in the workspace time zone; it can be edited and imported again',
      params: workspaceParams,
      querystring: z.strictObject({
        from: z.iso.datetime({ offset: true }),
        to: z.iso.datetime({ offset: true }),
        channelId: idList.optional(),
        campaignId: z.string().max(64).optional(),
        state: idList.pipe(z.array(z.enum(targetStates))).optional(),
        /** French spreadsheets expect `;`. */
        separator: z.enum(['comma', 'semicolon']).default('comma'),
      }),
      // Sent as text/csv: Fastify serializes only JSON replies, so the file goes out as written.
      response: { 200: z.string().describe('The CSV file (text/csv, UTF-8 with a BOM)'), ...errorResponses },
    },
  }, async (request, reply) => {
    const { workspaceId } = request.params;
    const q = request.query;
    const from = Date.parse(q.from);
    const to = Date.parse(q.to);
    if (!(to > from) || to - from > maxExportSpanMs) throw new AppError(400, 'validation', { details: 'from, to' });
    const { timeZone } = await services.publishing.planner.workspaceSettings(workspaceId);
    const csv = await bulk.calendar.export(workspaceId, timeZone, { from, to, channelIds: q.channelId, campaignId: q.campaignId, states: q.state }, q.separator === 'semicolon' ? ';' : ',');
    const day = (iso: string) => iso.slice(0, 10);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', contentDisposition(`relais-calendar-${day(q.from)}-${day(q.to)}.csv`))
      .header('cache-control', 'private, no-store')
      .send(csv);
  });
}
