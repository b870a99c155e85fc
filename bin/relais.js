#!/usr/bin/env node
// Entry of the `relais` command. Relais runs its TypeScript sources on Node 24;
// when launched by an older Node, re-run with the Node 24 the package installs.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  const bundled = path.join(root, 'node_modules', 'node', 'bin', 'node');
  if (!existsSync(bundled)) {
    console.error('Relais needs Node.js 24: run `npm ci` in its folder first.');
    process.exit(1);
  }
  const result = spawnSync(bundled, [path.join(root, 'src/server/main.ts'), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
const { runCli } = await import('../src/server/main.ts');
await runCli(process.argv.slice(2));
