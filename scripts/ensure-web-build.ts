// Builds the web app into dist/web when the build is missing or older than its
// sources (src/web, src/shared, vite.config.ts, index.html); prints one line.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const output = path.join(root, 'dist/web/index.html');
const sources = ['src/web', 'src/shared', 'vite.config.ts', 'index.html'].map((p) => path.join(root, p));

/** Newest modification time under `target` (0 when it does not exist). */
function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

const builtAt = existsSync(output) ? statSync(output).mtimeMs : 0;
const sourcesAt = Math.max(...sources.map(newestMtime));

if (builtAt > 0 && builtAt >= sourcesAt) {
  console.log('Web app is up to date (dist/web).');
} else {
  const started = performance.now();
  const { build } = await import('vite');
  try {
    await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
  } catch (error) {
    console.error('Web app build failed:', error instanceof Error ? error.message : error);
    process.exit(1);
  }
  console.log(`Web app built into dist/web in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}
