// The `relais` command: one binary whose roles (web, worker, scheduler) are
// chosen by RELAIS_ROLES, plus maintenance commands.
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { createLogger } from './logger.ts';
import { createServices, type Services } from './services.ts';
import { openDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { buildApp, type RegisteredRoute } from './http/app.ts';
import { HandlerRegistry } from './jobs/handlers.ts';
import { Worker } from './jobs/worker.ts';
import { Scheduler } from './jobs/scheduler.ts';
import { cronEntries, registerHousekeeping } from './housekeeping.ts';
import { channelCronEntries, registerChannelJobs } from './channel-jobs.ts';
import { publishingCronEntries, registerPublishingJobs } from './publishing-jobs.ts';
import { feedCronEntries, registerFeedJobs } from './feed-jobs.ts';
import { inboxCronEntries, registerInboxJobs } from './inbox-jobs.ts';
import { assertStrongPassword } from './auth/password-policy.ts';
import { authCall } from './auth/auth-errors.ts';
import { AppError } from './errors.ts';
import { translate } from './i18n/messages.ts';

const help = `Relais — self-hosted community management

Usage: relais <command> [options]

Commands:
  start                 Run the roles in RELAIS_ROLES (default: web,worker,scheduler)
  worker                Run only a job worker (same as RELAIS_ROLES=worker start)
  migrate               Apply pending database migrations, then exit
  user create           Create an account: --email, --name, [--admin]; the password
                        is read from standard input, or generated and printed
  --help                Show this help

Configuration comes from environment variables; see the README.`;

export interface RunningRelais {
  services: Services;
  url: string | null;
  /** The HTTP routes this process serves (empty without the web role). */
  routes: RegisteredRoute[];
  stop(): Promise<void>;
}

/** Starts the given roles in this process; used by the CLI and by tests. */
export async function startRelais(config: Config, roles = config.roles, options: { logDestination?: NodeJS.WritableStream } = {}): Promise<RunningRelais> {
  const logger = createLogger(config, options.logDestination);
  const services = await createServices(config, logger);
  const stops: Array<() => Promise<void>> = [];
  let url: string | null = null;
  let routes: RegisteredRoute[] = [];

  if (roles.includes('worker')) {
    const handlers = new HandlerRegistry();
    registerHousekeeping(handlers, services);
    registerChannelJobs(handlers, services);
    registerPublishingJobs(handlers, services);
    registerFeedJobs(handlers, services);
    registerInboxJobs(handlers, services);
    // Workers poll the inbox: the language model loads while the worker starts, not when the first messages wait.
    services.inbox.analyzer.warmUp();
    const worker = new Worker(services.database, handlers, { concurrency: config.workerConcurrency, leaseMs: config.jobLeaseMs, logger });
    await worker.start();
    stops.push(() => worker.stop({ timeoutMs: 20_000 }));
  }
  if (roles.includes('scheduler')) {
    const scheduler = new Scheduler(services.database, services.queue, [...cronEntries, ...channelCronEntries, ...publishingCronEntries, ...feedCronEntries, ...inboxCronEntries]);
    await scheduler.start();
    stops.push(() => scheduler.stop());
  }
  if (roles.includes('web')) {
    const app = await buildApp(services);
    routes = app.registeredRoutes;
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
    logger.info({ url, baseUrl: config.baseUrl, database: config.database.kind, roles }, 'Relais is listening');
    // Stop taking requests first, so in-flight ones finish before the workers go.
    stops.unshift(() => app.close());
  }
  return {
    services,
    url,
    routes,
    async stop() {
      for (const stop of stops) await stop();
      await services.close();
    },
  };
}

async function commandStart(config: Config, roles = config.roles) {
  const running = await startRelais(config, roles);
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    running.services.logger.info({ signal }, 'shutting down: finishing in-flight work');
    await running.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

async function commandMigrate(config: Config) {
  const database = openDatabase(config.database);
  const applied = await migrateToLatest(database.db);
  console.log(applied.length > 0 ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
  await database.close();
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return '';
  let data = '';
  for await (const chunk of process.stdin) data += chunk;
  return data.trim();
}

async function commandUserCreate(config: Config, args: string[]) {
  const { values } = parseArgs({ args, options: { email: { type: 'string' }, name: { type: 'string' }, admin: { type: 'boolean', default: false } } });
  if (!values.email || !values.name) throw new Error('user create needs --email and --name');
  const logger = createLogger({ logLevel: 'warn' });
  const services = await createServices(config, logger);
  try {
    const given = await readStdin();
    const password = given || randomBytes(12).toString('base64url');
    assertStrongPassword(password, [values.name, values.email]);
    const result = await authCall(() => services.auth.api.signUpEmail({ body: { name: values.name!, email: values.email!.toLowerCase(), password } }));
    await services.database.db
      .updateTable('user')
      .set({ emailVerified: true as never, instanceRole: values.admin ? 'admin' : null })
      .where('id', '=', result.user.id)
      .execute();
    if (values.admin) {
      await services.database.db.insertInto('instance_setting').values({ key: 'setup_completed_at', value: new Date().toISOString(), updated_at: Date.now() }).onConflict((oc) => oc.doNothing()).execute();
    }
    console.log(`Created ${values.admin ? 'administrator' : 'user'} ${values.email}.`);
    if (!given) console.log(`Password: ${password}`);
  } finally {
    await services.close();
  }
}

export async function main(argv: string[]): Promise<void> {
  const [command, sub, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    console.log(help);
    return;
  }
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  switch (command) {
    case 'start':
      return commandStart(config);
    case 'worker':
      return commandStart(config, ['worker']);
    case 'migrate':
      return commandMigrate(config);
    case 'user':
      if (sub === 'create') return commandUserCreate(config, rest);
      break;
  }
  console.error(`Unknown command: ${[command, sub].filter(Boolean).join(' ')}\n\n${help}`);
  process.exit(2);
}

/** Runs the command line, printing a person-readable error instead of a stack trace. */
export async function runCli(argv: string[]): Promise<void> {
  try {
    await main(argv);
  } catch (error) {
    if (error instanceof AppError) console.error(translate('en', error.code, error.params));
    else console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}

if (import.meta.main) await runCli(process.argv.slice(2));
