// Shared plumbing for benchmarks: fresh databases on either engine, worker
// child processes, and the result rows the runner prints.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Config } from '../src/server/config.ts';
import { openDatabase, type AppDatabase, type Engine } from '../src/server/db/database.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';

export interface BenchContext {
  /** A PostgreSQL server on which benchmarks may create and drop databases. */
  postgresServerUrl: string;
}

export interface BenchResult {
  bench: string;
  /** '-' for a benchmark that uses no database. */
  engine: Engine | '-';
  measured: string;
  target: string;
  pass: boolean;
}

export interface BenchModule {
  run(context: BenchContext): Promise<BenchResult[]>;
}

export interface BenchDatabase extends AppDatabase {
  config: Config['database'];
  /** Closes the handle and deletes the database. */
  dispose(): Promise<void>;
}

/** The engines to measure: both, unless BENCH_ENGINES names one (`sqlite` or `postgres`) while iterating. */
export function benchEngines(): Engine[] {
  const wanted = (process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(',').map((word) => word.trim());
  return (['sqlite', 'postgres'] as const).filter((engine) => wanted.includes(engine));
}

/** A brand-new migrated database on `engine`. */
export async function createBenchDatabase(engine: Engine, context: BenchContext): Promise<BenchDatabase> {
  let config: Config['database'];
  let drop: () => Promise<void>;
  if (engine === 'sqlite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'relais-bench-'));
    config = { kind: 'sqlite', file: path.join(dir, 'relais.db') };
    drop = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const name = `relais_bench_${randomBytes(6).toString('hex')}`;
    await adminQuery(context.postgresServerUrl, `CREATE DATABASE ${name}`);
    const url = new URL(context.postgresServerUrl);
    url.pathname = `/${name}`;
    config = { kind: 'postgres', url: url.toString() };
    drop = () => adminQuery(context.postgresServerUrl, `DROP DATABASE ${name} WITH (FORCE)`);
  }
  const database = openDatabase(config);
  await migrateToLatest(database.db);
  return {
    ...database,
    config,
    async dispose() {
      await database.close();
      await drop();
    },
  };
}

async function adminQuery(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * Starts `script` with a JSON argument; resolves once it sends its first IPC message. BENCH_CHILD_ARGS adds
 * Node options to the children only (`--cpu-prof --cpu-prof-dir=profiles` to see where a worker spends).
 */
export async function startChild(script: string, argument: unknown): Promise<ChildProcess> {
  const nodeOptions = process.env.BENCH_CHILD_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeOptions, script, JSON.stringify(argument)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code, signal) => reject(new Error(`${path.basename(script)} exited early (${code ?? signal})`)));
  });
  return child;
}

/** SIGTERMs a child and resolves with the last message it sent before exiting. */
export function stopChild<T>(child: ChildProcess): Promise<T | undefined> {
  return new Promise((resolve) => {
    let last: T | undefined;
    child.on('message', (message) => (last = message as T));
    child.once('exit', () => resolve(last));
    child.kill('SIGTERM');
  });
}

export async function waitUntil(check: () => Promise<boolean>, { intervalMs = 10, timeoutMs = 120_000 } = {}): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`benchmark condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

export function printResults(results: BenchResult[]): void {
  const rows = [
    ['benchmark', 'engine', 'measured', 'target', 'result'],
    ...results.map((r) => [r.bench, r.engine, r.measured, r.target, r.pass ? 'PASS' : 'MISS']),
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const line = (row: string[]) => row.map((cell, column) => cell.padEnd(widths[column])).join('  ');
  console.log(`\n${line(rows[0])}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const row of rows.slice(1)) console.log(line(row));
}
