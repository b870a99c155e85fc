// Bluesky's own local network (PLC directory + PDS + AppView, from
// @atproto/dev-env) for connector tests, and a small XRPC client to act as the
// other side (a fan) against it.
//
// The network runs in test/peers/bluesky/network.mjs on that folder's own Node
// (installed by scripts/ensure-peers.ts, which `npm test` runs; a file run alone
// installs it here when needed). It keeps the AppView's index in a dedicated
// database on the test PostgreSQL server (TEST_DATABASE_URL, or an embedded one
// started for the file) and its PDS files in a temporary folder; all of it is
// removed when the test file ends.
//
// Relais talks to the PDS URL, as it would to https://bsky.social: the PDS serves
// com.atproto.* and proxies app.bsky.* reads to the AppView.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { onCleanup } from './cleanup.ts';
import { postgresServerUrl } from './engines.ts';
import { ensurePeer, peerDir, peerNode } from '../../scripts/ensure-peers.ts';

// ---------------------------------------------------------------------------
// The network
// ---------------------------------------------------------------------------

export interface BlueskyAccountRequest {
  /** A handle under `.test`, e.g. `brand.test`. */
  handle: string;
  password: string;
  email?: string;
  /** Create an app password for it (default true): Relais signs in with handle + app password. */
  appPassword?: boolean;
}

export interface BlueskyAccount {
  handle: string;
  did: string;
  password: string;
  /** `xxxx-xxxx-xxxx-xxxx`, or null when not asked for. */
  appPassword: string | null;
}

/** The JSON line network.mjs prints when ready. */
export interface BlueskyNetworkInfo {
  /** What an app connects to (as to bsky.social), e.g. http://localhost:41233 */
  pdsUrl: string;
  appviewUrl: string;
  plcUrl: string;
  accounts: BlueskyAccount[];
}

export interface BlueskyNetwork extends BlueskyNetworkInfo {
  /** Milliseconds from spawning the network to its ready line. */
  bootMs: number;
  pid: number;
  /** The last 20 kB the network wrote to stderr (e.g. to explain a crash mid-test). */
  logs(): string;
  account(handle: string): BlueskyAccount;
  /** Stops the network and removes its files (also done when the test file ends). */
  stop(): Promise<void>;
}

export interface StartBlueskyOptions {
  accounts: BlueskyAccountRequest[];
  /** Fixed ports; each one picked freely when unset. */
  ports?: { pds?: number; plc?: number; bsky?: number };
  /** Fail when not ready by then (default 90 s; the peer's install, when needed, comes before). */
  timeoutMs?: number;
}

const BOOT_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 20_000;

/** Lower-case letters only: the network builds schema names from it (letters and `_` allowed). */
function randomLetters(count: number): string {
  return [...randomBytes(count)].map((byte) => String.fromCharCode(97 + (byte % 26))).join('');
}

/** Starts a PLC + PDS + AppView network with the given accounts; stopped when the test file ends. */
export async function startBlueskyNetwork(options: StartBlueskyOptions): Promise<BlueskyNetwork> {
  ensurePeer('bluesky', { quiet: true });

  const serverUrl = await postgresServerUrl();
  const database = `relais_bsky_${randomLetters(10)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${database}`);
  } finally {
    await admin.end();
  }
  onCleanup(async () => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    } finally {
      await client.end();
    }
  });
  const databaseUrl = new URL(serverUrl);
  databaseUrl.pathname = `/${database}`;

  const ownTmp = mkdtempSync(path.join(tmpdir(), 'relais-bsky-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DB_POSTGRES_URL: databaseUrl.toString(),
    DB_POSTGRES_SCHEMA: `run_${randomLetters(8)}`,
    REDIS_HOST: '127.0.0.1:1',
    TMPDIR: ownTmp,
    PORT_LOCK_TMPDIR: tmpdir(),
  };
  delete env.NODE_TEST_CONTEXT;
  delete env.NODE_OPTIONS;

  const ports = Object.fromEntries(Object.entries(options.ports ?? {}).filter(([, port]) => port));
  const started = Date.now();
  const child = spawn(peerNode('bluesky'), [path.join(peerDir('bluesky'), 'network.mjs'), JSON.stringify({ accounts: options.accounts, ports })], {
    cwd: peerDir('bluesky'),
    env,
    // stdin stays open: the network stops by itself if this process dies.
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', () => resolve()); // never started: no 'exit' comes
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-20_000);
    if (process.env.RELAIS_BLUESKY_DEBUG) process.stderr.write(chunk);
  });

  let stopped: Promise<void> | null = null;
  const stop = () =>
    (stopped ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
        await exited;
        clearTimeout(timer);
      }
      child.stdin.destroy();
      rmSync(ownTmp, { recursive: true, force: true });
    })());
  onCleanup(stop);

  const timeoutMs = options.timeoutMs ?? BOOT_TIMEOUT_MS;
  const info = await new Promise<BlueskyNetworkInfo>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    const fail = (why: string) => {
      clearTimeout(timer);
      lines.close();
      reject(new Error(`Bluesky network ${why}; its stderr:\n${stderr.trim() || '(empty)'}`));
    };
    const timer = setTimeout(() => fail(`not ready after ${timeoutMs} ms`), timeoutMs);
    child.once('error', (error) => fail(`could not start (${error.message})`));
    child.once('exit', (code, signal) => fail(`exited before it was ready (${signal ?? `code ${code}`})`));
    lines.on('line', (line) => {
      let parsed: BlueskyNetworkInfo | undefined;
      try {
        parsed = JSON.parse(line) as BlueskyNetworkInfo;
      } catch {
        parsed = undefined;
      }
      if (typeof parsed?.pdsUrl !== 'string') {
        if (process.env.RELAIS_BLUESKY_DEBUG) process.stderr.write(`${line}\n`);
        return;
      }
      clearTimeout(timer);
      resolve(parsed);
    });
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });

  return {
    ...info,
    bootMs: Date.now() - started,
    pid: child.pid!,
    logs: () => stderr,
    account(handle: string) {
      const found = info.accounts.find((account) => account.handle === handle);
      if (!found) throw new Error(`no account ${handle} in this network (${info.accounts.map((a) => a.handle).join(', ')})`);
      return found;
    },
    stop,
  };
}

// ---------------------------------------------------------------------------
// XRPC: acting as an account, with plain fetch against the PDS
// ---------------------------------------------------------------------------

/** An XRPC call answered with an error: `error` is the protocol's error name (e.g. `InvalidRequest`). */
export class XrpcError extends Error {
  readonly status: number;
  readonly error: string;
  constructor(nsid: string, status: number, error: string, message: string) {
    super(`${nsid} → ${status} ${error}: ${message}`);
    this.status = status;
    this.error = error;
  }
}

type Params = Record<string, string | number | boolean | string[] | undefined>;

/** One XRPC call: GET with `params` (a query), or POST with a JSON `body` (a procedure). */
export async function xrpc<T>(service: string, nsid: string, options: { params?: Params; body?: unknown; token?: string } = {}): Promise<T> {
  const url = new URL(`/xrpc/${nsid}`, service);
  for (const [key, value] of Object.entries(options.params ?? {})) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) url.searchParams.append(key, String(item));
  }
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(url, {
    method: options.body === undefined ? 'GET' : 'POST',
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  const json = text ? (JSON.parse(text) as unknown) : undefined;
  if (!response.ok) {
    const { error, message } = (json ?? {}) as { error?: string; message?: string };
    throw new XrpcError(nsid, response.status, error ?? 'Unknown', message ?? text);
  }
  return json as T;
}

/** A reference to a record: what replies, likes and reposts point at. */
export interface StrongRef {
  uri: string;
  cid: string;
}

export interface Facet {
  index: { byteStart: number; byteEnd: number };
  features: Array<
    | { $type: 'app.bsky.richtext.facet#mention'; did: string }
    | { $type: 'app.bsky.richtext.facet#link'; uri: string }
    | { $type: 'app.bsky.richtext.facet#tag'; tag: string }
  >;
}

/** UTF-8 byte range of the first `part` in `text` (facets count bytes, not characters). */
export function byteRange(text: string, part: string): Facet['index'] {
  const at = text.indexOf(part);
  if (at < 0) throw new Error(`${JSON.stringify(part)} is not in ${JSON.stringify(text)}`);
  const byteStart = Buffer.byteLength(text.slice(0, at));
  return { byteStart, byteEnd: byteStart + Buffer.byteLength(part) };
}

/** Facets: `@handle` mentioning `did`, a URL written in the text, `#tag`. */
export const facet = {
  mention: (text: string, handle: string, did: string): Facet => ({ index: byteRange(text, `@${handle}`), features: [{ $type: 'app.bsky.richtext.facet#mention', did }] }),
  link: (text: string, uri: string): Facet => ({ index: byteRange(text, uri), features: [{ $type: 'app.bsky.richtext.facet#link', uri }] }),
  tag: (text: string, tag: string): Facet => ({ index: byteRange(text, `#${tag}`), features: [{ $type: 'app.bsky.richtext.facet#tag', tag }] }),
};

const TID_ALPHABET = '234567abcdefghijklmnopqrstuvwxyz';

/**
 * A record key in TID form (13 characters): what `app.bsky.feed.post` keys must be.
 * The same time and clock id always give the same key — a client-chosen key is
 * what makes a retried createRecord unable to publish twice.
 */
export function tid(time: Date | number, clockId = 0): string {
  const micros = BigInt(typeof time === 'number' ? time : time.getTime()) * 1000n;
  let value = (micros << 10n) | BigInt(clockId & 0x3ff);
  let out = '';
  for (let i = 0; i < 13; i++) {
    out = TID_ALPHABET[Number(value & 31n)] + out;
    value >>= 5n;
  }
  return out;
}

export interface ActorRef {
  did: string;
  handle: string;
  displayName?: string;
}

export interface PostRecord {
  $type: 'app.bsky.feed.post';
  text: string;
  createdAt: string;
  facets?: Facet[];
  reply?: { root: StrongRef; parent: StrongRef };
  langs?: string[];
}

export interface Notification {
  uri: string;
  cid: string;
  author: ActorRef;
  /** like, repost, follow, mention, reply, quote, … (a reply that mentions you comes once, as `mention`). */
  reason: string;
  reasonSubject?: string;
  record: { $type: string; text?: string; reply?: { root: StrongRef; parent: StrongRef }; [key: string]: unknown };
  isRead: boolean;
  indexedAt: string;
}

export interface PostView {
  uri: string;
  cid: string;
  author: ActorRef;
  record: PostRecord;
  replyCount?: number;
  likeCount?: number;
  repostCount?: number;
  indexedAt: string;
}

export interface ThreadViewPost {
  $type: 'app.bsky.feed.defs#threadViewPost';
  post: PostView;
  parent?: ThreadViewPost | { $type: string };
  replies?: Array<ThreadViewPost | { $type: string }>;
}

export interface PostOptions {
  facets?: Facet[];
  reply?: { root: StrongRef; parent: StrongRef };
  langs?: string[];
  createdAt?: Date;
}

/** An app.bsky.feed.post record (keep `createdAt` fixed to send the very same record again). */
export function postRecord(text: string, options: PostOptions = {}): PostRecord {
  const record: PostRecord = { $type: 'app.bsky.feed.post', text, createdAt: (options.createdAt ?? new Date()).toISOString() };
  if (options.facets) record.facets = options.facets;
  if (options.reply) record.reply = options.reply;
  if (options.langs) record.langs = options.langs;
  return record;
}

/** A signed-in account: what a test uses to act as the other side (e.g. the fan). */
export class BlueskyActor {
  readonly service: string;
  readonly did: string;
  readonly handle: string;
  readonly accessJwt: string;

  private constructor(service: string, session: { did: string; handle: string; accessJwt: string }) {
    this.service = service;
    this.did = session.did;
    this.handle = session.handle;
    this.accessJwt = session.accessJwt;
  }

  /** com.atproto.server.createSession: with the account password or an app password. */
  static async login(service: string, identifier: string, password: string): Promise<BlueskyActor> {
    const session = await xrpc<{ did: string; handle: string; accessJwt: string }>(service, 'com.atproto.server.createSession', { body: { identifier, password } });
    return new BlueskyActor(service, session);
  }

  /** An XRPC call with this account's session. */
  call<T>(nsid: string, options: { params?: Params; body?: unknown } = {}): Promise<T> {
    return xrpc<T>(this.service, nsid, { ...options, token: this.accessJwt });
  }

  /** com.atproto.repo.createRecord in this account's repo; `rkey` chosen by the caller when given. */
  async createRecord(collection: string, record: Record<string, unknown>, rkey?: string): Promise<StrongRef> {
    const { uri, cid } = await this.call<StrongRef>('com.atproto.repo.createRecord', { body: { repo: this.did, collection, rkey, record } });
    return { uri, cid };
  }

  /**
   * com.atproto.repo.putRecord: writes the record under `rkey`. With `swapRecord: null` it
   * only creates: sending the same record again is answered 200 with no commit (a no-op),
   * a different one 400 InvalidSwap. createRecord on a taken key answers 500 instead.
   */
  async putRecord(collection: string, rkey: string, record: Record<string, unknown>, options: { swapRecord?: string | null } = {}): Promise<StrongRef & { commit?: { cid: string; rev: string } }> {
    return this.call('com.atproto.repo.putRecord', { body: { repo: this.did, collection, rkey, record, ...options } });
  }

  /** A post (createRecord); a reply when `reply` is given (root = the thread's first post, parent = the post answered). */
  post(text: string, options: PostOptions & { rkey?: string } = {}): Promise<StrongRef> {
    return this.createRecord('app.bsky.feed.post', { ...postRecord(text, options) }, options.rkey);
  }

  like(subject: StrongRef): Promise<StrongRef> {
    return this.createRecord('app.bsky.feed.like', { $type: 'app.bsky.feed.like', subject, createdAt: new Date().toISOString() });
  }

  repost(subject: StrongRef): Promise<StrongRef> {
    return this.createRecord('app.bsky.feed.repost', { $type: 'app.bsky.feed.repost', subject, createdAt: new Date().toISOString() });
  }

  follow(did: string): Promise<StrongRef> {
    return this.createRecord('app.bsky.graph.follow', { $type: 'app.bsky.graph.follow', subject: did, createdAt: new Date().toISOString() });
  }

  /** com.atproto.repo.getRecord; null when there is no such record. */
  async getRecord(uri: string): Promise<(StrongRef & { value: Record<string, unknown> }) | null> {
    const [, , repo, collection, rkey] = uri.split('/');
    try {
      return await this.call('com.atproto.repo.getRecord', { params: { repo, collection, rkey } });
    } catch (error) {
      if (error instanceof XrpcError && (error.error === 'RecordNotFound' || error.status === 404)) return null;
      throw error;
    }
  }

  /** app.bsky.notification.listNotifications (answered by the AppView, through the PDS). */
  listNotifications(params: { limit?: number; cursor?: string; reasons?: string[] } = {}): Promise<{ notifications: Notification[]; cursor?: string }> {
    return this.call('app.bsky.notification.listNotifications', { params });
  }

  /** app.bsky.feed.getPostThread (answered by the AppView, through the PDS). */
  getPostThread(uri: string, params: { depth?: number; parentHeight?: number } = {}): Promise<{ thread: ThreadViewPost }> {
    return this.call('app.bsky.feed.getPostThread', { params: { uri, ...params } });
  }

  /**
   * Waits until the AppView shows the post, as a person must see a post before answering it.
   * The AppView indexes each repository on its own: a reply indexed before its parent
   * notifies nobody (the parent's author is looked up from the indexed parent).
   */
  async waitUntilIndexed(uri: string, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while ((await this.call<{ posts: unknown[] }>('app.bsky.feed.getPosts', { params: { uris: [uri] } })).posts.length === 0) {
      if (Date.now() > deadline) throw new Error(`${this.handle}: ${uri} not in the AppView after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Polls listNotifications until one matches (the AppView indexes within ~0.1–0.5 s). */
  async waitForNotification(match: (notification: Notification) => boolean, timeoutMs = 10_000): Promise<Notification> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { notifications } = await this.listNotifications({ limit: 100 });
      const found = notifications.find(match);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`${this.handle}: no matching notification after ${timeoutMs} ms (has: ${notifications.map((n) => `${n.reason} from ${n.author.handle}`).join(', ') || 'none'})`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** Signs in as one of the network's accounts (with its app password unless `password: 'account'`). */
export async function loginAs(network: BlueskyNetworkInfo, handle: string, options: { password?: 'app' | 'account' } = {}): Promise<BlueskyActor> {
  const account = network.accounts.find((a) => a.handle === handle);
  if (!account) throw new Error(`no account ${handle} in this network`);
  const password = options.password === 'account' || !account.appPassword ? account.password : account.appPassword;
  return BlueskyActor.login(network.pdsUrl, handle, password);
}
