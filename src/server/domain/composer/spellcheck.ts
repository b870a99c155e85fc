// Spell check in French and English with Hunspell dictionaries (nspell +
// dictionary-fr / dictionary-en). Each language is loaded once per process,
// on first use (or by warmUp), in a worker thread (see spellcheck-worker.ts:
// the French dictionary costs seconds of CPU and a few hundred MB to build);
// requests wait for it without blocking anything else.
//
// Which words are wrong is always answered in full. Suggestions are waited
// for up to a time budget: a usual typo gets its suggestions in tens of
// milliseconds, but nspell can search for seconds for an unknown name, and a
// person typing should not wait for that. Whatever is not ready is reported
// as `complete: false`; the search goes on, and asking again shortly gets it.
import { Worker } from 'node:worker_threads';
import { spellTokens } from './spell-tokens.ts';
import type { SpellWorkerMessage, SpellWorkerRequest } from './spellcheck-worker.ts';
import type { SpellIssue, SpellLanguage } from '../../../shared/composer/kit-types.ts';

export type { SpellIssue, SpellLanguage } from '../../../shared/composer/kit-types.ts';

export interface SpellLoadStats {
  language: SpellLanguage;
  /** Time to read and build the dictionary, in its thread. */
  loadMs: number;
  /** What building the dictionary added to its thread's heap (garbage included). */
  heapBytes: number;
}

export interface SpellCheckResult {
  issues: SpellIssue[];
  /** False when some suggestions were still being looked for: check again shortly to get them. */
  complete: boolean;
}

export interface SpellCheckerOptions {
  /** How long a check waits for suggestions (default 1 s). */
  suggestionBudgetMs?: number;
}

export const maxSuggestions = 5;
/** Distinct misspelled words per request that get suggestions looked for; the rest are still reported. */
const suggestFor = 40;
/** Suggestions remembered per language: people send the same text again as they type. */
const cacheSize = 5_000;

const isMixedCase = (word: string) => /\p{Lu}/u.test(word.slice(1)) && /\p{Ll}/u.test(word);

/** One language's worker thread, what it was asked, and the suggestions it has found. */
class LanguageWorker {
  readonly ready: Promise<SpellLoadStats>;
  private readonly worker: Worker;
  private readonly checks = new Map<number, { resolve: (correct: boolean[]) => void; reject: (error: Error) => void }>();
  private readonly suggestions = new Map<string, string[]>();
  private readonly waiting = new Map<string, Array<() => void>>();
  private nextId = 1;
  private failure: Error | null = null;

  constructor(language: SpellLanguage, onExit: () => void) {
    this.worker = new Worker(new URL('./spellcheck-worker.ts', import.meta.url), { workerData: { language } });
    // An idle dictionary must not keep a process alive that is otherwise done.
    this.worker.unref();
    this.ready = new Promise((resolve, reject) => {
      this.worker.on('message', (message: SpellWorkerMessage) => {
        if (message.type === 'ready') resolve({ language, loadMs: message.loadMs, heapBytes: message.heapBytes });
        else if (message.type === 'checked') this.settleCheck(message.id, message.correct);
        else this.storeSuggestions(message.word, message.suggestions);
      });
      const fail = (error: Error) => {
        if (this.failure) return;
        this.failure = error;
        reject(error);
        for (const check of this.checks.values()) check.reject(error);
        this.checks.clear();
        for (const wakeUps of this.waiting.values()) for (const wake of wakeUps) wake();
        this.waiting.clear();
        onExit();
      };
      this.worker.on('error', fail);
      this.worker.on('exit', (code) => fail(new Error(`the ${language} spell-check thread stopped (exit code ${code})`)));
    });
    // The first caller sees the failure; nothing else should report it as unhandled.
    this.ready.catch(() => {});
  }

  private settleCheck(id: number, correct: boolean[]): void {
    const check = this.checks.get(id);
    this.checks.delete(id);
    check?.resolve(correct);
  }

  private storeSuggestions(word: string, suggestions: string[]): void {
    if (this.suggestions.size >= cacheSize) this.suggestions.delete(this.suggestions.keys().next().value!);
    this.suggestions.set(word, suggestions.slice(0, maxSuggestions));
    for (const wake of this.waiting.get(word) ?? []) wake();
    this.waiting.delete(word);
  }

  private send(request: SpellWorkerRequest): void {
    if (this.failure) throw this.failure;
    this.worker.postMessage(request);
  }

  /** Which of `words` the dictionary knows. */
  async correct(words: string[]): Promise<boolean[]> {
    await this.ready;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.checks.set(id, { resolve, reject });
      this.send({ type: 'check', id, words });
    });
  }

  /** Suggestions for each word found within `budgetMs`; a word still being searched is absent. */
  async suggest(words: string[], budgetMs: number): Promise<Map<string, string[]>> {
    const missing = words.filter((word) => !this.suggestions.has(word));
    const arrivals = missing.map((word) => {
      const asked = this.waiting.has(word);
      const arrived = new Promise<void>((resolve) => this.waiting.set(word, [...(this.waiting.get(word) ?? []), resolve]));
      return { word, asked, arrived };
    });
    const toAsk = arrivals.filter((arrival) => !arrival.asked).map((arrival) => arrival.word);
    if (toAsk.length > 0) this.send({ type: 'suggest', words: toAsk });
    if (arrivals.length > 0) {
      let timer: NodeJS.Timeout | undefined;
      const budget = new Promise<void>((resolve) => (timer = setTimeout(resolve, budgetMs)));
      await Promise.race([Promise.all(arrivals.map((arrival) => arrival.arrived)), budget]);
      clearTimeout(timer);
    }
    const found = new Map<string, string[]>();
    for (const word of words) {
      const suggestions = this.suggestions.get(word);
      if (suggestions) found.set(word, suggestions);
    }
    return found;
  }

  async terminate(): Promise<void> {
    await this.worker.terminate();
  }
}

export class SpellChecker {
  private readonly workers = new Map<SpellLanguage, LanguageWorker>();
  private readonly suggestionBudgetMs: number;
  private closing = false;

  constructor(options: SpellCheckerOptions = {}) {
    this.suggestionBudgetMs = options.suggestionBudgetMs ?? 1_000;
  }

  private workerFor(language: SpellLanguage): LanguageWorker {
    if (this.closing) throw new Error('the spell checker is closed');
    let worker = this.workers.get(language);
    if (!worker) {
      // A thread that died is forgotten, so the next request starts a fresh one.
      const created = new LanguageWorker(language, () => {
        if (this.workers.get(language) === created) this.workers.delete(language);
      });
      worker = created;
      this.workers.set(language, worker);
    }
    return worker;
  }

  /** Loads a language now (at start, or before measuring); resolves with what loading it cost. */
  warmUp(language: SpellLanguage): Promise<SpellLoadStats> {
    return this.workerFor(language).ready;
  }

  /**
   * The misspelled words of `text`, in order, each with up to five suggestions.
   * `acceptedWords` are the workspace's own words (brand and product names),
   * accepted in any case.
   */
  async check(text: string, language: SpellLanguage, acceptedWords: Iterable<string> = []): Promise<SpellCheckResult> {
    const key = (word: string) => word.replace(/[’‘ʼ]/gu, "'").toLocaleLowerCase(language);
    const accepted = new Set([...acceptedWords].map(key));
    const tokens = spellTokens(text, language).filter((token) => !accepted.has(key(token.word)) && !accepted.has(key(token.whole)));
    if (tokens.length === 0) return { issues: [], complete: true };

    const worker = this.workerFor(language);
    const words = [...new Set(tokens.map((token) => token.word))];
    const correct = await worker.correct(words);
    const misspelled = words.filter((_, index) => !correct[index]);
    // Mixed case inside a word (TikTok, WordPress) is a name: no dictionary word is near it, and nspell searches long to say so.
    const worthSuggesting = misspelled.filter((word) => !isMixedCase(word) && word.length <= 30).slice(0, suggestFor);
    const suggestions = await worker.suggest(worthSuggesting, this.suggestionBudgetMs);

    const wrong = new Set(misspelled);
    const issues = tokens
      .filter((token) => wrong.has(token.word))
      .map((token) => ({ offset: token.offset, length: token.length, word: token.word, suggestions: suggestions.get(token.word) ?? [] }));
    return { issues, complete: worthSuggesting.every((word) => suggestions.has(word)) };
  }

  /** True once close() was called: a load that fails then was stopped on purpose. */
  get closed(): boolean {
    return this.closing;
  }

  async close(): Promise<void> {
    this.closing = true;
    const workers = [...this.workers.values()];
    this.workers.clear();
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
