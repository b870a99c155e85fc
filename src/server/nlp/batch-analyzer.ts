// Language and sentiment for a batch of texts, as the inbox's intake needs
// them. In a server process the work runs on a thread of its own (one worker,
// started on first use): the 140 MB language model then lives there rather
// than on the main thread, and while one batch is written to the database the
// next is already being read. Tests and tools may run it in-process.
import { Piscina } from 'piscina';
import type { Nlp, SentimentResult } from './index.ts';

export interface TextAnalysis {
  language: string | null;
  /** Null for an empty text. */
  sentiment: Pick<SentimentResult, 'label' | 'score'> | null;
}

export interface BatchAnalyzer {
  analyse(texts: string[]): Promise<TextAnalysis[]>;
  /** Loads the model now, in the background, so that the first messages polled do not wait seconds for it. */
  warmUp(): void;
  close(): Promise<void>;
}

export function analyseTexts(nlp: Nlp, texts: string[]): TextAnalysis[] {
  return texts.map((text) => {
    const language = nlp.detectLanguage(text);
    if (text.trim() === '') return { language, sentiment: null };
    const { label, score } = nlp.analyze(text, language);
    return { language, sentiment: { label, score } };
  });
}

export function inProcessAnalyzer(nlp: Nlp): BatchAnalyzer {
  return { analyse: async (texts) => analyseTexts(nlp, texts), warmUp: () => void analyseTexts(nlp, ['Bonjour, merci !']), close: async () => {} };
}

export function threadedAnalyzer(): BatchAnalyzer {
  let pool: Piscina | undefined;
  const analyse = (texts: string[]) => {
    // One thread: one copy of the model; it answers ~20,000 texts a second, more than intake needs.
    pool ??= new Piscina({ filename: new URL('./batch-analyzer-worker.ts', import.meta.url).href, minThreads: 0, maxThreads: 1, idleTimeout: 10 * 60_000 });
    return pool.run(texts) as Promise<TextAnalysis[]>;
  };
  return {
    analyse,
    warmUp() {
      // A real sentence: the model and the lexicons load on first real use. A failure here shows again on first use.
      analyse(['Bonjour, merci !']).catch(() => {});
    },
    async close() {
      await pool?.destroy();
      pool = undefined;
    },
  };
}
