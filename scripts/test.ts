// The test set-up behind `npm test`: makes sure Chromium, the web build and the
// peers under test/peers/ (scripts/ensure-peers.ts) are there, starts one real
// PostgreSQL server for the whole run (unless TEST_DATABASE_URL names one), then
// runs every test with Node's runner.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { startEmbeddedPostgres } from '../test/support/embedded-postgres.ts';
import { ensureChromium } from '../test/support/chromium.ts';

ensureChromium();
const build = spawnSync(process.execPath, ['scripts/ensure-web-build.ts'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const peers = spawnSync(process.execPath, ['scripts/ensure-peers.ts'], { stdio: 'inherit' });
if (peers.status !== 0) process.exit(peers.status ?? 1);

const postgres = process.env.TEST_DATABASE_URL ? null : await startEmbeddedPostgres();
const env = { ...process.env, TEST_DATABASE_URL: process.env.TEST_DATABASE_URL ?? postgres!.url };

const patterns = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['src/**/*.test.ts', 'test/**/*.test.ts'];
const child = spawn(
  process.execPath,
  ['--test', '--test-concurrency=2', '--test-timeout=600000', ...patterns],
  { stdio: 'inherit', env },
);
const code: number = await new Promise((resolve) => child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0))));
if (postgres) await postgres.stop();
if (!existsSync('node_modules')) process.exit(1);
process.exit(code);
