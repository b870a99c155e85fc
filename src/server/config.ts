// The only module that reads process.env. Every setting is declared, documented
// and validated here once; a bad configuration lists every problem and stops.
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';

export const processRoles = ['web', 'worker', 'scheduler'] as const;
export type ProcessRole = (typeof processRoles)[number];

const booleanish = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .optional()
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const envSchema = z.object({
  /** TCP port of the web role. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Interface to listen on; 127.0.0.1 keeps a fresh install private until put behind a proxy. */
  RELAIS_HOST: z.string().min(1).default('127.0.0.1'),
  /** Public URL people use to reach Relais (links in emails, OAuth callbacks, CSRF origin). */
  RELAIS_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Folder for the SQLite database, the secret key file and uploaded media. */
  RELAIS_DATA_DIR: z.string().min(1).default('./data'),
  /** PostgreSQL connection string; when absent Relais uses SQLite in the data folder. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  /** 32-byte key (64 hex chars or base64) for encrypting tokens and signing sessions. Generated into the data folder when absent. */
  RELAIS_SECRET_KEY: z.string().optional(),
  /** trace | debug | info | warn | error | fatal | silent */
  LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),
  /** Comma-separated roles this process runs: web, worker, scheduler. */
  RELAIS_ROLES: z
    .string()
    .default('web,worker,scheduler')
    .transform((value) => value.split(',').map((role) => role.trim()).filter(Boolean))
    .pipe(z.array(z.enum(processRoles)).min(1, 'name at least one role')),
  /** How many jobs one worker process runs at once. */
  RELAIS_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(512).default(16),
  /** How many publishes one worker process has waiting on the networks at once; half the worker's jobs when unset. */
  RELAIS_PUBLISH_IN_FLIGHT: z.coerce.number().int().min(1).max(512).optional(),
  /** SMTP server for invitations and password resets, e.g. smtp://user:pass@mail.example.com:587 */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  /** Sender of Relais' emails. */
  SMTP_FROM: z.string().min(3).default('Relais <relais@localhost>'),
  /** Let user-supplied URLs reach loopback, private and link-local addresses (off by default). */
  RELAIS_ALLOW_PRIVATE_URLS: booleanish,
  /** Trust X-Forwarded-* headers from a reverse proxy in front of Relais. */
  RELAIS_TRUST_PROXY: booleanish,
  /** Largest image and video a person may upload to the media library, in MB (1 MB = 1,048,576 bytes). */
  RELAIS_MEDIA_MAX_IMAGE_MB: z.coerce.number().int().min(1).max(200).default(15),
  RELAIS_MEDIA_MAX_VIDEO_MB: z.coerce.number().int().min(1).max(2000).default(50),
  /** S3-compatible storage for media (AWS S3, MinIO, Garage…); without a bucket, media go to the data folder. */
  RELAIS_S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  RELAIS_S3_BUCKET: z.string().min(3).max(63).optional(),
  RELAIS_S3_REGION: z.string().min(1).default('us-east-1'),
  RELAIS_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  RELAIS_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** Address buckets as https://host/bucket (MinIO and most self-hosted servers) instead of https://bucket.host. */
  RELAIS_S3_FORCE_PATH_STYLE: booleanish,
  /** Seconds a worker holds a job without renewing it; a crashed worker's jobs run again after this. */
  RELAIS_JOB_LEASE_SECONDS: z.coerce.number().int().min(2).max(3600).default(30),
  /** Seconds after publication when a post's first metrics are read (then again a day later). */
  RELAIS_FIRST_METRICS_AFTER_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
  /** Inbox polling: the shortest interval between two polls of a busy channel… */
  RELAIS_INBOX_POLL_MIN_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  /** …and the longest for a quiet one (the interval doubles after each empty poll). */
  RELAIS_INBOX_POLL_MAX_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
});

export type RawEnv = Record<string, string | undefined>;

export interface Config {
  port: number;
  host: string;
  baseUrl: string;
  dataDir: string;
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
  secretKey: Buffer;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  roles: ProcessRole[];
  workerConcurrency: number;
  /** Publishes one worker process has sent and awaits at once. */
  publishesInFlight: number;
  smtp: { url: string; from: string } | null;
  allowPrivateUrls: boolean;
  trustProxy: boolean;
  media: MediaConfig;
  firstMetricsAfterMs: number;
  inboxPoll: { minMs: number; maxMs: number };
  jobLeaseMs: number;
}

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.problems = problems;
  }
}

/** Reads the environment of this process. Nothing else in Relais touches process.env. */
export function readProcessEnv(): RawEnv {
  return { ...process.env };
}

export function loadConfig(env: RawEnv = readProcessEnv()): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.RELAIS_DATA_DIR);
  const problems: string[] = [];
  const media = readMediaConfig(e, dataDir, problems);
  let secretKey: Buffer | null = null;
  try {
    secretKey = e.RELAIS_SECRET_KEY ? decodeKey(e.RELAIS_SECRET_KEY) : loadOrCreateKeyFile(dataDir);
  } catch (error) {
    problems.push(`RELAIS_SECRET_KEY: ${(error as Error).message}`);
  }
  if (problems.length > 0 || !secretKey) throw new ConfigError(problems);
  return {
    port: e.PORT,
    host: e.RELAIS_HOST,
    baseUrl: (e.RELAIS_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    dataDir,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'sqlite', file: path.join(dataDir, 'relais.db') },
    secretKey,
    logLevel: e.LOG_LEVEL,
    roles: [...new Set(e.RELAIS_ROLES)],
    workerConcurrency: e.RELAIS_WORKER_CONCURRENCY,
    publishesInFlight: e.RELAIS_PUBLISH_IN_FLIGHT ?? Math.ceil(e.RELAIS_WORKER_CONCURRENCY / 2),
    smtp: e.SMTP_URL ? { url: e.SMTP_URL, from: e.SMTP_FROM } : null,
    allowPrivateUrls: e.RELAIS_ALLOW_PRIVATE_URLS,
    trustProxy: e.RELAIS_TRUST_PROXY,
    media,
    firstMetricsAfterMs: e.RELAIS_FIRST_METRICS_AFTER_SECONDS * 1000,
    inboxPoll: { minMs: e.RELAIS_INBOX_POLL_MIN_SECONDS * 1000, maxMs: Math.max(e.RELAIS_INBOX_POLL_MIN_SECONDS, e.RELAIS_INBOX_POLL_MAX_SECONDS) * 1000 },
    jobLeaseMs: e.RELAIS_JOB_LEASE_SECONDS * 1000,
  };
}

function decodeKey(text: string): Buffer {
  const key = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (key.length !== 32) throw new Error('must be 32 bytes, as 64 hex characters or base64');
  return key;
}

/** A generated key lives beside the data it protects, readable by its owner only. */
function loadOrCreateKeyFile(dataDir: string): Buffer {
  const file = path.join(dataDir, 'secret.key');
  if (existsSync(file)) return decodeKey(readFileSync(file, 'utf8').trim());
  mkdirSync(dataDir, { recursive: true });
  try {
    writeFileSync(file, randomBytes(32).toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Another process created it first: use theirs.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  chmodSync(file, 0o600);
  return decodeKey(readFileSync(file, 'utf8').trim());
}

export type MediaStorageConfig =
  | { kind: 'local'; dir: string }
  | { kind: 's3'; endpoint: string | null; bucket: string; region: string; credentials: { accessKeyId: string; secretAccessKey: string } | null; forcePathStyle: boolean };

export interface MediaConfig {
  maxImageBytes: number;
  maxVideoBytes: number;
  storage: MediaStorageConfig;
}

/** Media go to S3 when a bucket is named, otherwise to `<data folder>/media`. */
function readMediaConfig(e: z.infer<typeof envSchema>, dataDir: string, problems: string[]): MediaConfig {
  const mb = 1024 * 1024;
  const base = { maxImageBytes: e.RELAIS_MEDIA_MAX_IMAGE_MB * mb, maxVideoBytes: e.RELAIS_MEDIA_MAX_VIDEO_MB * mb };
  const keyId = e.RELAIS_S3_ACCESS_KEY_ID;
  const secret = e.RELAIS_S3_SECRET_ACCESS_KEY;
  if (!e.RELAIS_S3_BUCKET) {
    if (e.RELAIS_S3_ENDPOINT || keyId || secret) problems.push('RELAIS_S3_BUCKET: required when RELAIS_S3_ENDPOINT or S3 credentials are set');
    return { ...base, storage: { kind: 'local', dir: path.join(dataDir, 'media') } };
  }
  // Both or neither: without them the AWS SDK looks for the machine's own credentials (instance role, profile).
  if (Boolean(keyId) !== Boolean(secret)) problems.push('RELAIS_S3_ACCESS_KEY_ID, RELAIS_S3_SECRET_ACCESS_KEY: set both or neither');
  return {
    ...base,
    storage: {
      kind: 's3',
      endpoint: e.RELAIS_S3_ENDPOINT ?? null,
      bucket: e.RELAIS_S3_BUCKET,
      region: e.RELAIS_S3_REGION,
      credentials: keyId && secret ? { accessKeyId: keyId, secretAccessKey: secret } : null,
      forcePathStyle: e.RELAIS_S3_FORCE_PATH_STYLE,
    },
  };
}
