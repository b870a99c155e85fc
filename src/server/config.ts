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
  /** SMTP server for invitations and password resets, e.g. smtp://user:pass@mail.example.com:587 */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  /** Sender of Relais' emails. */
  SMTP_FROM: z.string().min(3).default('Relais <relais@localhost>'),
  /** Let user-supplied URLs reach loopback, private and link-local addresses (off by default). */
  RELAIS_ALLOW_PRIVATE_URLS: booleanish,
  /** Trust X-Forwarded-* headers from a reverse proxy in front of Relais. */
  RELAIS_TRUST_PROXY: booleanish,
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
  smtp: { url: string; from: string } | null;
  allowPrivateUrls: boolean;
  trustProxy: boolean;
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
    smtp: e.SMTP_URL ? { url: e.SMTP_URL, from: e.SMTP_FROM } : null,
    allowPrivateUrls: e.RELAIS_ALLOW_PRIVATE_URLS,
    trustProxy: e.RELAIS_TRUST_PROXY,
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
