// One language's Hunspell dictionary, in its own thread. Building nspell's
// French dictionary takes seconds of CPU and a few hundred MB; here it never
// stalls the web server. Checking a word takes microseconds and is answered
// at once; suggestions take tens of milliseconds for a usual typo but seconds
// for some unknown names (nspell then searches two edits away), so they are
// worked out one word at a time in the background, and a check that arrives
// meanwhile is answered between two words.
import { parentPort, workerData } from 'node:worker_threads';
import { getHeapStatistics } from 'node:v8';
import nspell from 'nspell';
import type { SpellLanguage } from '../../../shared/composer/kit-types.ts';

export type SpellWorkerRequest =
  | { type: 'check'; id: number; words: string[] }
  | { type: 'suggest'; words: string[] };

export type SpellWorkerMessage =
  | { type: 'ready'; loadMs: number; heapBytes: number }
  | { type: 'checked'; id: number; correct: boolean[] }
  | { type: 'suggestions'; word: string; suggestions: string[] };

const { language } = workerData as { language: SpellLanguage };
const heapBefore = getHeapStatistics().used_heap_size;
const started = performance.now();
const dictionary = language === 'fr' ? (await import('dictionary-fr')).default : (await import('dictionary-en')).default;
const spell = nspell({ aff: Buffer.from(dictionary.aff), dic: Buffer.from(dictionary.dic) });
const loadMs = performance.now() - started;

const toSuggest = new Set<string>();
let working = false;

function suggestNext(): void {
  const word = toSuggest.values().next().value;
  if (word === undefined) {
    working = false;
    return;
  }
  toSuggest.delete(word);
  let suggestions: string[] = [];
  try {
    suggestions = spell.suggest(word);
  } catch {
    // nspell gave up on this word: no suggestions is an answer too.
  }
  parentPort!.postMessage({ type: 'suggestions', word, suggestions } satisfies SpellWorkerMessage);
  // Let waiting checks through before the next word.
  setImmediate(suggestNext);
}

parentPort!.on('message', (request: SpellWorkerRequest) => {
  if (request.type === 'check') {
    parentPort!.postMessage({ type: 'checked', id: request.id, correct: request.words.map((word) => spell.correct(word)) } satisfies SpellWorkerMessage);
    return;
  }
  for (const word of request.words) toSuggest.add(word);
  if (!working) {
    working = true;
    setImmediate(suggestNext);
  }
});

parentPort!.postMessage({ type: 'ready', loadMs, heapBytes: getHeapStatistics().used_heap_size - heapBefore } satisfies SpellWorkerMessage);
