// The `relais` command as an operator uses it: help, a bad configuration,
// migrations, creating a user, and a graceful stop on SIGTERM.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { freePort } from './support/embedded-postgres.ts';
import { waitFor } from './support/wait.ts';

const relais = path.resolve(import.meta.dirname, '../bin/relais.js');

function run(args: string[], env: Record<string, string> = {}, input?: string) {
  return spawnSync(process.execPath, [relais, ...args], { env: { PATH: process.env.PATH, ...env }, input, encoding: 'utf8', timeout: 30_000 });
}

function tempDir() {
  const dir = mkdtempSync(path.join(tmpdir(), 'relais-cli-'));
  test.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

test('--help lists the commands', () => {
  const result = run(['--help']);
  assert.equal(result.status, 0);
  for (const command of ['start', 'worker', 'migrate', 'user create']) assert.match(result.stdout, new RegExp(command));
});

test('a bad configuration prints every problem and exits non-zero', () => {
  const result = run(['migrate'], { PORT: 'eighty', RELAIS_ROLES: 'web,cook', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'chatty', RELAIS_DATA_DIR: tempDir() });
  assert.equal(result.status, 1);
  for (const name of ['PORT', 'RELAIS_ROLES', 'DATABASE_URL', 'LOG_LEVEL']) assert.match(result.stderr, new RegExp(name), `${name} is reported`);
});

test('migrate creates the SQLite database in the data folder, and a private key file', () => {
  const dataDir = tempDir();
  const first = run(['migrate'], { RELAIS_DATA_DIR: dataDir });
  assert.equal(first.status, 0, first.stderr);
  assert.match(first.stdout, /0001-foundation/);
  assert.match(run(['migrate'], { RELAIS_DATA_DIR: dataDir }).stdout, /up to date/);
  assert.equal(statSync(path.join(dataDir, 'secret.key')).mode & 0o777, 0o600);
  const db = new DatabaseSync(path.join(dataDir, 'relais.db'));
  assert.equal((db.prepare('PRAGMA journal_mode').get() as { journal_mode: string }).journal_mode, 'wal');
  db.close();
});

test('user create makes an administrator who can log in; setup is then closed', async () => {
  const dataDir = tempDir();
  const created = run(['user', 'create', '--email', 'ops@example.com', '--name', 'Ops', '--admin'], { RELAIS_DATA_DIR: dataDir }, 'Granite-otter-58-lighthouse\n');
  assert.equal(created.status, 0, created.stderr);
  assert.match(created.stdout, /Created administrator ops@example.com/);
  assert.ok(!created.stdout.includes('Granite'), 'a given password is not echoed');
  const weak = run(['user', 'create', '--email', 'weak@example.com', '--name', 'Weak'], { RELAIS_DATA_DIR: dataDir }, 'password\n');
  assert.equal(weak.status, 1);
  assert.match(weak.stderr, /at least 10 characters/);
  const duplicate = run(['user', 'create', '--email', 'ops@example.com', '--name', 'Ops'], { RELAIS_DATA_DIR: dataDir }, 'Granite-otter-58-lighthouse\n');
  assert.equal(duplicate.status, 1);
  assert.match(duplicate.stderr, /already exists/);

  const port = await freePort();
  const server = spawn(process.execPath, [relais, 'start'], { env: { PATH: process.env.PATH, RELAIS_DATA_DIR: dataDir, PORT: String(port), RELAIS_ROLES: 'web,worker,scheduler' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  server.stdout.on('data', (chunk) => (output += chunk));
  server.stderr.on('data', (chunk) => (output += chunk));
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitFor(() => fetch(`${base}/readyz`).then((r) => r.ok).catch(() => false), { timeoutMs: 15_000, what: 'the server to be ready' });
    assert.deepEqual(await (await fetch(`${base}/api/setup`)).json(), { needsSetup: false });
    const login = await fetch(`${base}/api/auth/sign-in/email`, { method: 'POST', headers: { 'content-type': 'application/json', origin: `http://localhost:${port}` }, body: JSON.stringify({ email: 'ops@example.com', password: 'Granite-otter-58-lighthouse' }) });
    assert.equal(login.status, 200);
    assert.ok(!output.includes('Granite-otter'), 'passwords never reach the logs');
    assert.ok(!output.includes(login.headers.getSetCookie()[0].split(';')[0].split('=')[1]), 'session tokens never reach the logs');
  } finally {
    server.kill('SIGTERM');
  }
  const code = await new Promise((resolve) => server.on('exit', resolve));
  assert.equal(code, 0, 'SIGTERM stops Relais cleanly');
  assert.match(output, /shutting down/);
  assert.ok(existsSync(path.join(dataDir, 'relais.db')));
});
