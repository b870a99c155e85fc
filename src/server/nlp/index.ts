// The NLP layer the inbox and listening call per item: language, then
// sentiment in that language. No I/O, no database, no web framework.
import { createLanguageDetector, type LanguageDetector } from './language.ts';
import { createLexiconSentimentAnalyzer, type SentimentAnalyzer, type SentimentResult } from './sentiment.ts';

export type { LanguageDetector } from './language.ts';
export type { SentimentAnalyzer, SentimentLabel, SentimentResult } from './sentiment.ts';
export { priorityScore, rankByPriority, influence, type PriorityInput } from './priority.ts';

export interface Nlp {
  /** ISO 639-1 code ('fr', 'en', 'es' …) or null when unsure (emoji only, a word or two of unclear language). */
  detectLanguage(text: string): string | null;
  /** Sentiment; without `language` it is detected first. */
  analyze(text: string, language?: string | null): SentimentResult;
}

export interface NlpOptions {
  languageDetector?: LanguageDetector;
  sentimentAnalyzer?: SentimentAnalyzer;
}

/**
 * Builds the NLP layer. Cheap to call; the language model (≈ 3–5 s, ≈ 140 MB of heap) and
 * the lexicons load on first use and are shared by every instance of the process.
 */
export function createNlp(options: NlpOptions = {}): Nlp {
  const detector = options.languageDetector ?? createLanguageDetector();
  let analyzer = options.sentimentAnalyzer;
  const sentiment = () => (analyzer ??= createLexiconSentimentAnalyzer());
  return {
    detectLanguage: (text) => detector.detect(text),
    analyze: (text, language) => sentiment().analyze(text, language === undefined ? detector.detect(text) : language),
  };
}
