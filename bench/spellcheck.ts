// Spell check, per language (no database involved):
//  - dictionary load: wall time until the first check can run, the time the
//    worker thread spent building nspell, the memory it holds (process RSS
//    growth), and the longest stall of the main event loop meanwhile (the
//    load runs in a worker thread, so this should stay small);
//  - a new post: one check of a 280-character post whose two typos have never
//    been seen (the suggestions are computed), median of several posts;
//  - re-checks: checks per second of the same 280-character post, as the
//    composer sends it again while a person types (suggestions remembered),
//    target ≥ 50/s: a debounced composer sends at most a couple a second.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { SpellChecker, type SpellLanguage } from '../src/server/domain/composer/spellcheck.ts';
import { percentile, type BenchResult } from './support.ts';

const RECHECK_SECONDS = 3;
const RECHECK_TARGET_PER_SECOND = 50;

/** A post as a community manager writes one: a link, a mention, hashtags, an emoji, two typos. */
const posts: Record<SpellLanguage, string> = {
  fr: "🎉 Grande nouvelle pour notre communautée : dès aujourd'hui, l'électricité verte arrive dans nos boutiques ! Merci à @marie.dupont pour son aide précieuse. Découvrez l'offre sur https://relais.example/offre et partagez vos questions ici, on répond rapidemment. #Energie #Bienvenue",
  en: '🎉 Big news for our comunity: starting today, green electricity is coming to our stores! Thanks to @marie.dupont for her precious help. Discover the offer at https://relais.example/offer and share your questions below, we always reply quikly. See you soon! #Energy #Welcome',
};
/** Typos never seen before, two per fresh post. */
const freshTypos: Record<SpellLanguage, Array<[string, string]>> = {
  fr: [['abonement', 'nouvele'], ['concour', 'gagnez'], ['messsage', 'reponse'], ['évennement', 'inscrivé'], ['magazin', 'ouvertur'], ['promotio', 'semainne'], ['cadeaus', 'clientelle']],
  en: [['subscibe', 'newsleter'], ['giveaway', 'winnner'], ['mesage', 'replye'], ['evnet', 'registr'], ['stor', 'openning'], ['promotoin', 'weeek'], ['gifs', 'custommer']],
};

const to280 = (text: string) => (text.length >= 280 ? text.slice(0, 280) : text.padEnd(280, ' '));

async function measureLanguage(language: SpellLanguage): Promise<BenchResult[]> {
  const spelling = new SpellChecker({ suggestionBudgetMs: 60_000 });
  try {
    const rssBefore = process.memoryUsage().rss;
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
    const started = performance.now();
    const stats = await spelling.warmUp(language);
    const loadWallMs = performance.now() - started;
    loopDelay.disable();
    const rssGrowth = process.memoryUsage().rss - rssBefore;
    const maxStallMs = loopDelay.max / 1e6;

    const post = to280(posts[language]);
    const freshMs: number[] = [];
    for (const [first, second] of freshTypos[language]) {
      const text = to280(post.replace(language === 'fr' ? 'précieuse' : 'precious', first).replace('questions', second));
      const checkStarted = performance.now();
      await spelling.check(text, language, ['Relais']);
      freshMs.push(performance.now() - checkStarted);
    }
    freshMs.sort((a, b) => a - b);

    const issues = (await spelling.check(post, language, ['Relais'])).issues.length;
    let checks = 0;
    const deadline = performance.now() + RECHECK_SECONDS * 1000;
    const recheckStarted = performance.now();
    while (performance.now() < deadline) {
      await spelling.check(post, language, ['Relais']);
      checks += 1;
    }
    const perSecond = Math.round(checks / ((performance.now() - recheckStarted) / 1000));

    const mb = (bytes: number) => `${Math.round(bytes / 1e6)} MB`;
    const bench = (name: string) => `spell check ${language}: ${name}`;
    return [
      { bench: bench('dictionary load'), engine: '-', measured: `${(loadWallMs / 1000).toFixed(1)} s (built in ${(stats.loadMs / 1000).toFixed(1)} s)`, target: '(info)', pass: true },
      { bench: bench('dictionary memory'), engine: '-', measured: `${mb(rssGrowth)} RSS, ${mb(stats.heapBytes)} heap`, target: '(info)', pass: true },
      { bench: bench('main loop stall during load'), engine: '-', measured: `${Math.round(maxStallMs)} ms`, target: '≤ 200 ms', pass: maxStallMs <= 200 },
      { bench: bench('new post, 2 new typos (p50)'), engine: '-', measured: `${Math.round(percentile(freshMs, 50))} ms (max ${Math.round(freshMs.at(-1)!)} ms)`, target: '(info)', pass: true },
      { bench: bench(`re-check 280 chars, ${issues} typo(s)`), engine: '-', measured: `${perSecond.toLocaleString('en')} checks/s`, target: `≥ ${RECHECK_TARGET_PER_SECOND} checks/s`, pass: perSecond >= RECHECK_TARGET_PER_SECOND },
    ];
  } finally {
    await spelling.close();
  }
}

export async function run(): Promise<BenchResult[]> {
  // English first: its load is small, so the French one is measured on a process that already runs a worker.
  return [...(await measureLanguage('en')), ...(await measureLanguage('fr'))];
}

// Run alone: `node bench/spellcheck.ts` (no PostgreSQL needed).
if (import.meta.main) {
  const { printResults } = await import('./support.ts');
  printResults(await run());
}
