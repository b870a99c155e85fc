// Bulk publishing from a CSV, against Bluesky's own local network, on both
// engines: a bad file's dry run lists every problem by line and the import
// stores nothing; the corrected file imports every line at its wall-clock time
// in Paris (campaign, first reply, a downloaded image); the calendar exports to
// a CSV that re-imports to the same calendar, with formulas defused; a
// contributor's lines wait for approval; a media that cannot be had stops it all.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { startBlueskyNetwork, type BlueskyNetwork } from '../support/bluesky.ts';
import { engines } from '../support/engines.ts';
import { snapshot } from '../support/db-snapshot.ts';
import { solidPng } from '../support/media-files.ts';
import { startTestRelais, setUpAdminAndWorkspace, inviteAndJoin, type TestRelais, type ApiClient } from '../support/relais.ts';
import { connectBluesky } from '../support/publishing.ts';
import { startTestServer, type TestServer } from '../../src/server/net/test-http-server.ts';
import type { PostView } from '../../src/shared/publishing.ts';

interface Problem {
  line: number | null;
  column: string | null;
  code: string;
  message: string;
}
interface Report {
  timeZone: string;
  rows: Array<{ line: number; at: string | null; state: string; channels: string[]; text: string; mediaCount: number; campaign: string | null }>;
  problems: Problem[];
  created?: string[];
  code?: string;
}

let network: BlueskyNetwork;
let images: TestServer;
before(async () => {
  network = await startBlueskyNetwork({ accounts: [{ handle: 'brand.test', password: 'brand-account-pass' }, { handle: 'fan.test', password: 'fan-account-pass' }] });
  const png = await solidPng(64, 48, '#e64980');
  images = await startTestServer((request, response) => {
    if (request.url === '/pivoines.png') response.writeHead(200, { 'content-type': 'image/png' }).end(png);
    else response.writeHead(404).end('not here');
  });
});

/** What a refused request must leave untouched: posts, their copies and history, the media library. */
const postTables = ['post', 'post_target', 'post_event', 'media'] as const;

for (const engine of engines) {
  describe(`CSV import and export on ${engine}`, () => {
    let relais: TestRelais;
    let admin: ApiClient;
    let workspaceId: string;
    const importUrl = (dryRun: boolean) => `/api/workspaces/${workspaceId}/posts/import?dryRun=${dryRun}`;
    const exportUrl = (query = 'from=2031-01-01T00:00:00Z&to=2031-12-31T00:00:00Z') => `/api/workspaces/${workspaceId}/calendar.csv?${query}`;
    const post = async (id: string) => (await admin.get<{ post: PostView }>(`/api/workspaces/${workspaceId}/posts/${id}`)).body.post;

    before(async () => {
      relais = await startTestRelais(engine, { RELAIS_ALLOW_PRIVATE_URLS: 'true' });
      ({ admin, workspaceId } = await setUpAdminAndWorkspace(relais));
      await connectBluesky(admin, workspaceId, network, 'brand.test');
      await connectBluesky(admin, workspaceId, network, 'fan.test');
      const campaign = await admin.post(`/api/workspaces/${workspaceId}/campaigns`, { name: 'Soldes d’été', color: '#e64980' });
      assert.equal(campaign.status, 201, JSON.stringify(campaign.body));
    });

    test('a wrong date, an unknown channel and a 400-character text: the dry run lists the three by line, the import is refused, nothing is stored', async () => {
      const db = relais.relais.services.database.db;
      const before = await snapshot(db, [...postTables]);
      const csv = ['date,channels,text', '2031-13-45 09:00,@brand.test,Bonjour', '2031-01-15 09:00,@nobody.test,Bonjour', `2031-01-15 10:00,@brand.test,${'x'.repeat(400)}`, '2031-01-15 11:00,@fan.test,Celle-ci est bonne'].join('\n');

      const dry = await admin.post<Report>(importUrl(true), { csv });
      assert.equal(dry.status, 200, JSON.stringify(dry.body));
      assert.deepEqual(dry.body.problems.map((p) => [p.line, p.column, p.code]), [
        [2, 'date', 'csv_date_invalid'],
        [3, 'channels', 'csv_channel_unknown'],
        [4, 'text', 'content_text_too_long'],
      ]);
      assert.match(dry.body.problems[0].message, /“2031-13-45 09:00” is not a date and time/);
      assert.match(dry.body.problems[1].message, /@nobody\.test/);
      assert.match(dry.body.problems[2].message, /@brand\.test: the text is 400 characters long; at most 300/);
      assert.equal(dry.body.rows.length, 4);

      admin.locale = 'fr';
      const french = await admin.post<Report>(importUrl(true), { csv });
      admin.locale = 'en';
      assert.match(french.body.problems[1].message, /n’est pas un canal de cet espace de travail/);

      const refused = await admin.post<Report>(importUrl(false), { csv });
      assert.equal(refused.status, 422);
      assert.equal(refused.body.code, 'csv_has_problems');
      assert.equal(refused.body.problems.length, 3);
      assert.equal(refused.body.created, undefined);
      assert.deepEqual(await snapshot(db, [...postTables]), before, 'neither the dry run nor the refused import stored anything');
    });

    test('the corrected file (French Excel: BOM, `;`, CRLF) imports every line at its wall-clock time in Paris; the export re-imports to the same calendar', async () => {
      const imageUrl = `${images.origin}/pivoines.png`;
      const lines = [
        'Date / heure;Canaux;Texte;URL média;Texte alternatif;Première réponse;Campagne',
        '15/01/2031 09:00;@brand.test | @fan.test;"Soldes d’hiver ❄️\r\nJusqu’à -50 % ; en boutique";;;Tout voir : https://example.com/soldes;',
        '2031-07-15 09:00;@brand.test;=HYPERLINK("https://evil.example","clic");;;;Soldes d’été',
        `15/07/2031 18:30;fan.test;Nouvelle arrivée;${imageUrl};Un bouquet de pivoines roses;;soldes d’été`,
        ';@brand.test;Idée à retravailler;;;;',
      ];
      const csv = '\uFEFF' + lines.join('\r\n') + '\r\n';
      const sendCsv = (dryRun: boolean) => admin.request<Report>('POST', importUrl(dryRun), csv, { 'content-type': 'text/csv' });

      const hitsBefore = images.hits.length;
      const dry = await sendCsv(true);
      assert.equal(dry.status, 200, JSON.stringify(dry.body));
      assert.deepEqual(dry.body.problems, []);
      assert.deepEqual(dry.body.rows.map((r) => [r.line, r.at, r.state, r.channels.join(' ')]), [
        [2, '2031-01-15T09:00:00.000+01:00', 'scheduled', 'brand.test fan.test'],
        [4, '2031-07-15T09:00:00.000+02:00', 'scheduled', 'brand.test'],
        [5, '2031-07-15T18:30:00.000+02:00', 'scheduled', 'fan.test'],
        [6, null, 'draft', 'brand.test'],
      ]);
      assert.equal(images.hits.length, hitsBefore, 'the dry run downloads nothing');

      const imported = await sendCsv(false);
      assert.equal(imported.status, 201, JSON.stringify(imported.body));
      assert.equal(imported.body.created?.length, 4);
      assert.equal(images.hits.length, hitsBefore + 1, 'the image was downloaded once, at import');
      const [sales, formula, photo, idea] = await Promise.all(imported.body.created!.map(post));
      assert.deepEqual(sales.targets.map((t) => [t.handle, t.state, t.scheduledAt]), [
        ['brand.test', 'scheduled', '2031-01-15T08:00:00.000Z'],
        ['fan.test', 'scheduled', '2031-01-15T08:00:00.000Z'],
      ]);
      assert.equal(sales.content.text, 'Soldes d’hiver ❄️\nJusqu’à -50 % ; en boutique');
      assert.equal(sales.content.firstReply, 'Tout voir : https://example.com/soldes');
      assert.equal(sales.source, 'csv');
      assert.equal(formula.targets[0].scheduledAt, '2031-07-15T07:00:00.000Z', '09:00 in Paris in summer is 07:00 UTC');
      assert.equal(formula.content.text, '=HYPERLINK("https://evil.example","clic")');
      assert.ok(formula.campaignId && formula.campaignId === photo.campaignId, 'the campaign is found by name, whatever its case');
      assert.equal(photo.targets[0].scheduledAt, '2031-07-15T16:30:00.000Z');
      assert.equal(photo.content.media.length, 1);
      assert.equal(photo.content.media[0].altText, 'Un bouquet de pivoines roses');
      const library = await admin.get<{ media: Array<{ id: string; fileName: string; mimeType: string }> }>(`/api/workspaces/${workspaceId}/media`);
      assert.deepEqual(library.body.media.map((m) => [m.id, m.fileName]), [[photo.content.media[0].mediaId, 'pivoines.png']]);
      assert.equal(idea.targets[0].state, 'draft');
      assert.equal(idea.targets[0].scheduledAt, null);

      const exported = await admin.bytes(exportUrl());
      assert.equal(exported.status, 200);
      assert.match(exported.headers.get('content-type') ?? '', /^text\/csv; charset=utf-8/);
      assert.match(exported.headers.get('content-disposition') ?? '', /^attachment; filename="?relais-calendar-2031-01-01-2031-12-31\.csv"?$/);
      const text = exported.bytes.toString('utf8');
      assert.ok(text.startsWith('\uFEFF'), 'a BOM, for spreadsheets');
      const table = parse(text, { bom: true, columns: true }) as Array<Record<string, string>>;
      assert.deepEqual(Object.keys(table[0]), ['date', 'channels', 'text', 'media_url', 'alt_text', 'first_reply', 'campaign', 'state', 'published_url']);
      assert.deepEqual(table.map((row) => [row.date, row.channels, row.state]), [
        ['2031-01-15 09:00', 'brand.test | fan.test', 'scheduled'],
        ['2031-07-15 09:00', 'brand.test', 'scheduled'],
        ['2031-07-15 18:30', 'fan.test', 'scheduled'],
      ]);
      assert.equal(table[1].text, '\'=HYPERLINK("https://evil.example","clic")', 'a formula is defused with an apostrophe');
      assert.equal(table[0].text, 'Soldes d’hiver ❄️\nJusqu’à -50 % ; en boutique');
      assert.equal(table[2].media_url, `${relais.baseUrl}/api/workspaces/${workspaceId}/media/${photo.content.media[0].mediaId}/file`);
      assert.equal(table[2].campaign, 'Soldes d’été');

      // Round trip: the exported posts deleted, the export imported back, exported again: the same file.
      for (const id of [sales.id, formula.id, photo.id]) assert.equal((await admin.delete(`/api/workspaces/${workspaceId}/posts/${id}`)).status, 204);
      const reimported = await admin.post<Report>(importUrl(false), { csv: text });
      assert.equal(reimported.status, 201, JSON.stringify(reimported.body));
      assert.equal(reimported.body.created?.length, 3);
      assert.equal(images.hits.length, hitsBefore + 1, 'library media are reused, not downloaded again');
      assert.equal((await post(reimported.body.created![1])).content.text, '=HYPERLINK("https://evil.example","clic")', 'the apostrophe is taken off again');
      const again = await admin.bytes(exportUrl());
      assert.equal(again.bytes.toString('utf8'), text);

      const semicolons = await admin.bytes(exportUrl('from=2031-01-01T00:00:00Z&to=2031-02-01T00:00:00Z&separator=semicolon'));
      assert.match(semicolons.bytes.toString('utf8'), /^\uFEFFdate;channels;text;/);
    });

    test("a contributor's lines wait for approval", async () => {
      const { member } = await inviteAndJoin(relais, admin, workspaceId, `csv-writer-${engine}@example.com`, 'contributor');
      const imported = await member.post<Report>(importUrl(false), { csv: 'channels,date,text\n@fan.test,2031-03-03 12:00,Proposé par la stagiaire\n' });
      assert.equal(imported.status, 201, JSON.stringify(imported.body));
      assert.equal(imported.body.rows[0].state, 'pending_approval');
      const created = await post(imported.body.created![0]);
      assert.equal(created.approval, 'pending');
      assert.equal(created.targets[0].state, 'pending_approval');

      type Notices = { items: Array<{ kind: string; payload: Record<string, unknown> }> };
      const notices = async () => (await admin.get<Notices>(`/api/workspaces/${workspaceId}/notifications`)).body.items;
      const before = (await notices()).length;
      const batch = await member.post<Report>(importUrl(false), {
        csv: 'channels,date,text\n@fan.test,2031-03-04 12:00,Un\n@fan.test,2031-03-05 12:00,Deux\n@fan.test,2031-03-06 12:00,Trois\n',
      });
      assert.equal(batch.status, 201, JSON.stringify(batch.body));
      const added = (await notices()).slice(0, (await notices()).length - before);
      assert.deepEqual(added.map((n) => [n.kind, n.payload.count]), [['approvals_requested', 3]], 'approvers hear of an import once, not once per line');
    });

    test('a media that cannot be downloaded stops the import at its line; no post is stored and the library is unchanged', async () => {
      const db = relais.relais.services.database.db;
      const before = await snapshot(db, ['post', 'post_target', 'post_event']);
      const shown = (await admin.get<{ total: number }>(`/api/workspaces/${workspaceId}/media`)).body.total;
      const csv = ['date,channels,text,media_url', `2031-04-01 09:00,@brand.test,Avec image,${images.origin}/pivoines.png`, `2031-04-02 09:00,@brand.test,Image perdue,${images.origin}/gone.png`].join('\n');
      assert.deepEqual((await admin.post<Report>(importUrl(true), { csv })).body.problems, [], 'the dry run only checks the address');
      const refused = await admin.post<Report>(importUrl(false), { csv });
      assert.equal(refused.status, 422, JSON.stringify(refused.body));
      assert.deepEqual(refused.body.problems.map((p) => [p.line, p.column, p.code]), [[3, 'media_url', 'csv_media_download_failed']]);
      assert.match(refused.body.problems[0].message, /HTTP 404/);
      assert.deepEqual(await snapshot(db, ['post', 'post_target', 'post_event']), before);
      assert.equal((await admin.get<{ total: number }>(`/api/workspaces/${workspaceId}/media`)).body.total, shown);
    });

    test('limits: more than 2 MB or 1,000 lines is refused whole; 1,000 lines are checked in one dry run', async (t) => {
      const big = 'channels,text\n' + `@brand.test,${'a'.repeat(200)}\n`.repeat(11_000);
      const tooLarge = await admin.request<{ code: string }>('POST', importUrl(true), big, { 'content-type': 'text/csv' });
      assert.equal(tooLarge.status, 413);
      assert.equal(tooLarge.body.code, 'csv_too_large');

      const row = (i: number) => `2031-05-${String(1 + (i % 28)).padStart(2, '0')} ${String(8 + (i % 12)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')},@brand.test | @fan.test,Publication numéro ${i} #soldes https://example.com/${i}`;
      const tooMany = await admin.post<Report>(importUrl(true), { csv: ['date,channels,text', ...Array.from({ length: 1001 }, (_, i) => row(i))].join('\n') });
      assert.deepEqual(tooMany.body.problems.map((p) => [p.line, p.code]), [[null, 'csv_too_many_rows']]);
      assert.deepEqual(tooMany.body.rows, []);

      const full = ['date,channels,text', ...Array.from({ length: 1000 }, (_, i) => row(i))].join('\n');
      const started = performance.now();
      const dry = await admin.post<Report>(importUrl(true), { csv: full });
      const elapsed = performance.now() - started;
      assert.equal(dry.status, 200);
      assert.deepEqual(dry.body.problems, []);
      assert.equal(dry.body.rows.length, 1000);
      t.diagnostic(`dry run of 1,000 lines × 2 channels on ${engine}: ${Math.round(elapsed)} ms`);
    });

    test('both routes are documented in the OpenAPI description', async () => {
      const docs = await admin.get<{ paths: Record<string, Record<string, unknown>> }>('/api/docs/json');
      assert.equal(docs.status, 200);
      assert.ok(docs.body.paths['/api/workspaces/{workspaceId}/posts/import']?.post);
      assert.ok(docs.body.paths['/api/workspaces/{workspaceId}/calendar.csv']?.get);
    });
  });
}
