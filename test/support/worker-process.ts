// A Relais worker in its own process (`relais worker`), sharing a test
// instance's database and data folder: it can be killed (SIGKILL) mid-work.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { onCleanup } from './cleanup.ts';
import type { TestRelais } from './relais.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface WorkerProcess {
  child: ChildProcess;
  kill(signal?: NodeJS.Signals): Promise<void>;
  output(): string;
}

export function startWorkerProcess(relais: TestRelais, env: Record<string, string> = {}): WorkerProcess {
  const child = spawn(process.execPath, [path.join(root, 'src/server/main.ts'), 'worker'], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      RELAIS_DATA_DIR: relais.dataDir,
      ...(relais.databaseUrl ? { DATABASE_URL: relais.databaseUrl } : {}),
      RELAIS_BASE_URL: relais.baseUrl,
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output = (output + chunk).slice(-20_000)));
  child.stderr!.on('data', (chunk) => (output = (output + chunk).slice(-20_000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const kill = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  onCleanup(() => kill('SIGKILL'));
  return { child, kill, output: () => output };
}
