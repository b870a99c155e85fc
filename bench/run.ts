// Entry of `npm run bench`: starts an embedded PostgreSQL (unless
// BENCH_DATABASE_URL names a server on which databases may be created and
// dropped), runs every benchmark module below in turn, prints one table of
// results against their targets, and exits non-zero if a target was missed.
// Arguments pick benchmarks by title: `npm run bench -- publishing`.
import { startEmbeddedPostgres } from '../test/support/embedded-postgres.ts';
import { printResults, type BenchModule, type BenchResult } from './support.ts';

// Add new benchmarks here.
const modules: { title: string; load: () => Promise<BenchModule> }[] = [
  { title: 'job queue', load: () => import('./queue.ts') },
  { title: 'spell check', load: () => import('./spellcheck.ts') },
  { title: 'language and sentiment', load: () => import('./sentiment.ts') },
  { title: 'publishing', load: () => import('./publishing.ts') },
  { title: 'inbox', load: () => import('./inbox.ts') },
];

const wanted = process.argv.slice(2);
const chosen = modules.filter((module) => wanted.length === 0 || wanted.some((word) => module.title.includes(word)));

const postgres = process.env.BENCH_DATABASE_URL ? null : await startEmbeddedPostgres();
const postgresServerUrl = process.env.BENCH_DATABASE_URL ?? postgres!.url;
const results: BenchResult[] = [];
try {
  for (const module of chosen) {
    console.log(`== ${module.title}`);
    results.push(...(await (await module.load()).run({ postgresServerUrl })));
  }
} finally {
  await postgres?.stop();
}
printResults(results);
process.exitCode = results.every((result) => result.pass) ? 0 : 1;
