// The inbox at scale, on SQLite and PostgreSQL: one workspace holding
// 1,000,000 items (plus another workspace's 50,000), French and English, five
// channels, 20,000 authors, statuses and sentiments as a busy brand has them.
//  - the filtered page (open + one channel + one sentiment, newest first, 50
//    rows with everything the list shows): p95 ≤ 20 ms;
//  - full-text search (rare and common words, a phrase), 50 rows: p95 ≤ 100 ms;
//  - ingest through the real code (dedupe, thread linking, language,
//    sentiment, insert, due times, rules) in batches of 500, four channels at
//    once as a worker polls them: ≥ 5,000 items/s.
// The million rows are written with plain multi-row inserts (generation, not
// measured); the indexes and the full-text index are the migrations' own.
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../src/server/db/schema.ts';
import type { Engine } from '../src/server/db/database.ts';
import { threadedAnalyzer } from '../src/server/nlp/batch-analyzer.ts';
import { JobQueue } from '../src/server/jobs/queue.ts';
import { InboxQueries } from '../src/server/domain/inbox/inbox-queries.ts';
import { InboxIngest } from '../src/server/domain/inbox/ingest.ts';
import { InboxSettingsStore } from '../src/server/domain/inbox/inbox-settings.ts';
import { ResponseClock } from '../src/server/domain/inbox/response-clock.ts';
import { InboxRules } from '../src/server/domain/inbox/rules/inbox-rules.ts';
import { normalizeSearchText } from '../src/server/domain/inbox/search-text.ts';
import { inboxFilterSchema } from '../src/shared/inbox.ts';
import type { Activity } from '../src/server/connectors/contract.ts';
import { benchEngines, createBenchDatabase, percentile, type BenchContext, type BenchResult } from './support.ts';

const ITEMS = Number(process.env.BENCH_INBOX_ITEMS ?? 1_000_000);
const OTHER_ITEMS = Math.round(ITEMS / 20);
const AUTHORS = 20_000;
const CHANNELS = 5;
const PAGE_TARGET_MS = 20;
const SEARCH_TARGET_MS = 100;
const INGEST_TARGET = 5_000;
const INGESTED = 20_000;

const phrases = [
  'Commande toujours pas reçue, des nouvelles ?', 'Service client au top, merci !', 'Pas terrible la nouvelle formule', 'Je ne recommande pas',
  'Livraison rapide et soignée', 'Vous êtes ouverts dimanche ?', 'Le colis est arrivé abîmé 😡', 'Merci pour votre réactivité 🙏',
  'Quelle arnaque ces frais de port', 'Le retour est gratuit ?', 'On attend toujours le remboursement', 'Super accueil en boutique',
  'Order still not received, any news?', 'Customer service is top notch, thanks!', 'Parcel arrived damaged', 'Do you ship to Canada?',
  'Love the new collection 😍', 'Worst support ever, nobody answers', 'Is the return free?', 'Great quality, will buy again',
];
const words = ['robe', 'chemise', 'taille', 'couleur', 'jupe', 'manteau', 'soldes', 'promo', 'boutique', 'paris', 'lyon', 'size', 'jacket', 'sale', 'gift', 'card'];
const sentiments = ['negative', 'neutral', 'positive'] as const;

function text(n: number): string {
  // Each text carries an order number (a rare word: ~10 items share it) and a few common words.
  return `${phrases[n % phrases.length]} ${words[(n * 7) % words.length]} ${words[(n * 13) % words.length]} commande ${100_000 + (n % 100_000)}`;
}

async function seed(db: Kysely<Database>, engine: Engine, workspaceId: string, count: number, channelIds: string[]): Promise<string[]> {
  const now = Date.now();
  const authorIds: string[] = [];
  const chunk = engine === 'sqlite' ? 1000 : 2000;
  for (let start = 0; start < AUTHORS; start += chunk) {
    const rows = [];
    for (let n = start; n < Math.min(AUTHORS, start + chunk); n += 1) {
      const id = randomUUID();
      authorIds.push(id);
      rows.push({ id, workspace_id: workspaceId, network: 'bluesky', remote_id: `did:plc:${workspaceId}-${n}`, handle: `client${n}.bsky.social`, display_name: `Client ${n}`, avatar_url: null, url: null, followers: (n * 37) % 50_000, tags: '[]', first_seen_at: now });
    }
    await db.insertInto('inbox_author').values(rows).execute();
  }
  const conversationId = randomUUID();
  await db.insertInto('inbox_conversation').values({ id: conversationId, workspace_id: workspaceId, channel_id: channelIds[0], root_remote_id: `root-${workspaceId}`, root_url: null, root_ref: null, post_id: null, target_id: null, thread: null, thread_fetched_at: null, created_at: now }).execute();
  const itemChunk = engine === 'sqlite' ? 800 : 1000;
  for (let start = 0; start < count; start += itemChunk * 20) {
    await db.transaction().execute(async (trx) => {
      for (let offset = start; offset < Math.min(count, start + itemChunk * 20); offset += itemChunk) {
        const rows = [];
        for (let n = offset; n < Math.min(count, offset + itemChunk); n += 1) {
          const body = text(n);
          const status = n % 10 < 3 ? 'open' : n % 10 < 4 ? 'pending' : 'done';
          const sentiment = sentiments[(n * 7) % 4 === 0 ? 0 : (n * 7) % 4 === 1 ? 2 : 1];
          const at = now - (count - n) * 1000;
          rows.push({
            workspace_id: workspaceId,
            channel_id: channelIds[n % channelIds.length],
            remote_key: `k-${n}`,
            kind: (n % 3 === 0 ? 'reply' : 'mention') as 'reply' | 'mention',
            conversation_id: n % 50 === 0 ? conversationId : null,
            author_id: authorIds[n % authorIds.length],
            remote_id: `post-${n}`,
            remote_url: `https://bsky.app/profile/x/post/${n}`,
            remote_ref: null,
            reply_to_remote_id: null,
            root_remote_id: null,
            text: body,
            search_text: normalizeSearchText(body),
            language: n % 20 < 12 ? 'fr' : 'en',
            sentiment,
            sentiment_score: sentiment === 'negative' ? -0.6 : sentiment === 'positive' ? 0.6 : 0,
            priority: n % 100 === 0 ? 1 : 0,
            priority_score: (n % 1000) / 500,
            status: status as 'open',
            spam: n % 200 === 0 ? 1 : 0,
            assignee_id: null,
            snoozed_until: null,
            post_id: null,
            target_id: null,
            remote_created_at: at,
            received_at: at,
            first_response_due_at: at + 3_600_000,
            first_response_at: status === 'done' ? at + 1_800_000 : null,
            first_response_by: null,
            first_response_business_ms: status === 'done' ? 1_800_000 : null,
            resolved_at: status === 'done' ? at + 3_000_000 : null,
            resolved_by: null,
            resolution_business_ms: status === 'done' ? 3_000_000 : null,
            liked_at: null,
            updated_at: at,
          });
        }
        await trx.insertInto('inbox_item').values(rows).execute();
      }
    });
  }
  return authorIds;
}

async function timed(runs: number, run: (index: number) => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  const times: number[] = [];
  for (let index = 0; index < runs; index += 1) {
    const started = performance.now();
    await run(index);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

async function measure(engine: Engine, context: BenchContext): Promise<BenchResult[]> {
  const database = await createBenchDatabase(engine, context);
  const db = database.db;
  try {
    const workspaceId = randomUUID();
    const otherId = randomUUID();
    for (const id of [workspaceId, otherId]) {
      await db.insertInto('organization').values({ id, name: id, slug: id, createdAt: new Date().toISOString() as never, timeZone: 'Europe/Paris' } as never).execute();
    }
    const channelIds = Array.from({ length: CHANNELS }, () => randomUUID());
    const otherChannel = randomUUID();
    const now = Date.now();
    for (const [id, workspace] of [...channelIds.map((c) => [c, workspaceId]), [otherChannel, otherId]]) {
      await db.insertInto('channel').values({ id, workspace_id: workspace, network: 'bluesky', remote_id: `did:plc:brand-${id}`, server_url: 'https://pds.example', handle: `brand-${id.slice(0, 6)}`, display_name: null, avatar_url: null, profile_url: null, credentials: null, status: 'disabled', status_reason: null, rate_limited_until: null, created_by: null, created_at: now, updated_at: now }).execute();
    }
    const seeding = performance.now();
    await seed(db, engine, workspaceId, ITEMS, channelIds);
    await seed(db, engine, otherId, OTHER_ITEMS, [otherChannel]);
    if (engine === 'sqlite') await sql`ANALYZE`.execute(db);
    else await sql`ANALYZE`.execute(db);
    console.log(`  ${engine}: ${ITEMS.toLocaleString('en')} items seeded in ${((performance.now() - seeding) / 1000).toFixed(0)} s`);

    const queries = new InboxQueries(db);
    const filter = (raw: Record<string, unknown>) => inboxFilterSchema.parse(raw);
    // Warm-up: the first queries read pages from disk.
    for (let i = 0; i < 5; i += 1) await queries.list(workspaceId, null, filter({ view: 'open', channel: [channelIds[i % CHANNELS]], sentiment: ['negative'] }));
    const page = await timed(200, (i) => queries.list(workspaceId, null, filter({ view: i % 4 === 3 ? 'pending' : 'open', channel: [channelIds[i % CHANNELS]], sentiment: [sentiments[i % 3]] })));
    const terms = ['commande 100042', '"not received"', 'livraison', 'jacket sale', 'rembourse*', '1234', 'boutique -paris', 'colis abime'];
    for (const q of terms) await queries.list(workspaceId, null, filter({ view: 'all', q }));
    const search = await timed(160, (i) => queries.list(workspaceId, null, filter({ view: 'all', q: i % 2 === 0 ? `commande ${100_000 + ((i * 7919) % 100_000)}` : terms[i % terms.length] })));

    // Ingest through the real code: due times and two rules run on every new item.
    const settings = new InboxSettingsStore(db);
    const clock = new ResponseClock({ db, settings });
    const rules = new InboxRules({ db, queue: new JobQueue(database), workers: async () => [] });
    await rules.create(workspaceId, null, { name: 'Livraison', enabled: true, conditions: { query: 'livraison OR colis OR parcel' }, actions: [{ type: 'tag', tag: 'livraison' }] });
    await rules.create(workspaceId, null, { name: 'Urgent', enabled: true, conditions: { sentiments: ['negative'], minFollowers: 10_000 }, actions: [{ type: 'priority', priority: 2 }] });
    const analyzer = threadedAnalyzer();
    const ingest = new InboxIngest({ db, analyzer, hooks: () => [clock, rules] });
    await analyzer.analyse(['warm up the lexicons and the language model']);
    const activities: Activity[] = Array.from({ length: INGESTED }, (_, n) => ({
      id: `new-${n}`,
      kind: n % 3 === 0 ? 'reply' : 'mention',
      author: { remoteId: `did:plc:${workspaceId}-${n % 5000}`, handle: `client${n % 5000}.bsky.social`, displayName: null, avatarUrl: null, url: null, followers: n % 30_000 },
      post: { remoteId: `new-post-${n}`, url: `https://bsky.app/profile/x/post/new-${n}`, text: text(n * 3 + 1), createdAt: new Date().toISOString(), replyTo: n % 3 === 0 ? `root-${n % 200}` : null, rootId: n % 3 === 0 ? `root-${n % 200}` : null },
      subjectRemoteId: null,
      createdAt: new Date().toISOString(),
    }));
    // Four channels polled at once (a worker runs several polls in parallel), batches of 500.
    const STREAMS = 4;
    const perStream = INGESTED / STREAMS;
    const ingestStarted = performance.now();
    const counts = await Promise.all(
      Array.from({ length: STREAMS }, async (_, stream) => {
        const channel = { id: channelIds[stream], workspaceId, network: 'bluesky', remoteId: `did:plc:brand-${channelIds[stream]}` };
        const mine = activities.slice(stream * perStream, (stream + 1) * perStream);
        let count = 0;
        for (let start = 0; start < mine.length; start += 500) {
          // Each batch also repeats 50 activities of the previous one, as overlapping polls do.
          count += (await ingest.ingest(channel, mine.slice(Math.max(0, start - 50), start + 500))).inserted;
        }
        return count;
      }),
    );
    const inserted = counts.reduce((a, b) => a + b, 0);
    const ingestSeconds = (performance.now() - ingestStarted) / 1000;
    if (inserted !== INGESTED) throw new Error(`ingest inserted ${inserted} items instead of ${INGESTED}`);
    const perSecond = INGESTED / ingestSeconds;
    await analyzer.close();

    return [
      { bench: `inbox page (open+channel+sentiment, 50 rows, ${ITEMS.toLocaleString('en')} items) p95`, engine, measured: `${page.p95.toFixed(1)} ms (p50 ${page.p50.toFixed(1)})`, target: `≤ ${PAGE_TARGET_MS} ms`, pass: page.p95 <= PAGE_TARGET_MS },
      { bench: 'inbox full-text search (50 rows) p95', engine, measured: `${search.p95.toFixed(1)} ms (p50 ${search.p50.toFixed(1)})`, target: `≤ ${SEARCH_TARGET_MS} ms`, pass: search.p95 <= SEARCH_TARGET_MS },
      { bench: 'inbox ingest (dedupe, threads, language, sentiment, insert, rules)', engine, measured: `${Math.round(perSecond).toLocaleString('en')} items/s`, target: `≥ ${INGEST_TARGET.toLocaleString('en')} items/s`, pass: perSecond >= INGEST_TARGET },
    ];
  } finally {
    await database.dispose();
  }
}

export async function run(context: BenchContext): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const engine of benchEngines()) results.push(...(await measure(engine, context)));
  return results;
}
