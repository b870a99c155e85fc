// Sentiment of a short post in French or English, behind an interface that a
// better analyzer (a trained model, say) can implement later.
//
// The implementation here is a lexicon plus rules, in the manner of VADER:
// word valences from published lexicons (see lexicon-fr.ts, lexicon-en.ts),
// multi-word expressions first ("pas terrible", "not bad", "toujours pas reçu"),
// then negation scope (ne … pas, jamais, not, n't …: a negated praise is blame,
// a negated blame is faint praise, a negated expectation such as "reçu" or
// "reply" is a complaint), intensifiers and softeners, "mais"/"but" (what
// follows weighs more), emoji and emoticons, capitals and elongated words
// ("NUL", "trooop"), exclamation marks, and questions (plain opinion words in
// a question count for little: "Le retour est gratuit ?" asks, it does not praise).
import { emojiValenceOf, emoticonValenceOf } from './emoji.ts';
import { buildLexicon, mergeLexicons, type LanguageLexicon, type Phrase } from './lexicon.ts';
import { englishLexicon } from './lexicon-en.ts';
import { frenchLexicon } from './lexicon-fr.ts';
import { tokenize, unelongated, type Token } from './tokenize.ts';

export type SentimentLabel = 'positive' | 'neutral' | 'negative';

export interface SentimentResult {
  label: SentimentLabel;
  /** −1 (very negative) … 1 (very positive); 0 when nothing was found. */
  score: number;
  /** The language the text was analyzed as: given by the caller or detected; null when unknown. */
  language: string | null;
  /** What decided the result, for people reading it: "idiom:pas terrible", "negated:recommande", "emoji:😡" … */
  signals?: string[];
}

export interface SentimentAnalyzer {
  /**
   * `language`: an ISO 639-1 code, null when known to be unknown, or undefined to let the
   * analyzer detect it (when it was given a detector).
   */
  analyze(text: string, language?: string | null): SentimentResult;
}

export interface LexiconAnalyzerOptions {
  /** Lexicons by language; French and English by default. */
  lexicons?: Record<string, LanguageLexicon>;
  /** Used when `analyze` is called without a language. */
  detectLanguage?: (text: string) => string | null;
  /** Raw valence (AFINN scale) from which a text is positive or negative. */
  threshold?: number;
}

/** Words after a negator that it still reaches ("pas du tout satisfait", "not at all helpful"). */
const NEGATION_SCOPE = 4;
/** A negated praise becomes blame nearly as strong; a negated blame only faint praise ("pas mauvais"). */
const NEGATED_PRAISE = -0.75;
const NEGATED_BLAME = -0.5;
const NEGATED_EXPECTATION = -2;
const QUESTION_DAMPING = 0.35;
const CAPS_BOOST = 1.5;
const ELONGATION_BOOST = 1.3;
const BEFORE_CONTRAST = 0.5;
const AFTER_CONTRAST = 1.5;
const EXCLAMATION_BOOST = 0.1;
const DEFAULT_THRESHOLD = 1;
/** Longer texts are judged on their beginning: a post is short, and the cost stays bounded. */
const MAX_TEXT_LENGTH = 10_000;
/** Signals kept per result: enough to explain it, short enough to show. */
const MAX_SIGNALS = 20;
/** Normalizes a raw valence sum into −1 … 1 (VADER's alpha). */
const NORMALIZATION_ALPHA = 15;

type ContributionKind = 'word' | 'idiom' | 'emoji' | 'complaint';

interface Contribution {
  valence: number;
  kind: ContributionKind;
  sentence: number;
  /** Index of the last token it covers (a post-negator looks one token back). */
  end: number;
  signal: string;
  negated: boolean;
}

let defaultLexicons: Record<string, LanguageLexicon> | undefined;

/** French and English lexicons, built once per process. */
export function defaultSentimentLexicons(): Record<string, LanguageLexicon> {
  defaultLexicons ??= { fr: frenchLexicon(), en: englishLexicon() };
  return defaultLexicons;
}

const noWords = buildLexicon({
  language: 'und', words: [], phrases: {}, negators: [], intensifiers: {}, contrasts: [], neverWords: [],
  comparatives: [], expectations: [],
});

function spellings(token: Token): string[] {
  return token.elongated ? unelongated(token.norm) : [token.norm];
}

/** The longest expression starting at `start`; "trooop bien" matches "trop bien". */
function matchPhrase(tokens: Token[], start: number, lexicon: LanguageLexicon): Phrase | undefined {
  for (const first of spellings(tokens[start])) {
    const candidates = lexicon.phrases.get(first);
    const found = candidates?.find((phrase) =>
      phrase.words.every((word, offset) => {
        const token = tokens[start + offset];
        return token?.kind === 'word' && (token.norm === word || (token.elongated && spellings(token).includes(word)));
      }));
    if (found) return found;
  }
  return undefined;
}

class Scorer {
  private readonly contributions: Contribution[] = [];
  private readonly questions = new Set<number>();
  private sentence = 0;
  private wordsInSentence = 0;
  private exclamations = 0;
  private negation = 0;
  private negator = '';
  /** A negator appeared in this clause: weak negators count ("ne … plus"). */
  private clauseNegated = false;
  private comparative = false;
  private factor = 1;
  /** Per sentence, the index of the first contribution after its last "mais"/"but". */
  private readonly contrasts = new Map<number, number>();
  private readonly tokens: Token[];
  private readonly lexicon: LanguageLexicon;
  private readonly stemCache: Map<string, number | undefined>;

  constructor(tokens: Token[], lexicon: LanguageLexicon, stemCache: Map<string, number | undefined>) {
    this.tokens = tokens;
    this.lexicon = lexicon;
    this.stemCache = stemCache;
  }

  run(): { total: number; signals: string[] } {
    const { tokens } = this;
    for (let i = 0; i < tokens.length; i += 1) {
      const token = tokens[i];
      if (token.kind === 'punct') this.punctuation(token);
      else if (token.kind === 'emoji' || token.kind === 'emoticon') this.emoji(token, i);
      else {
        this.wordsInSentence += 1;
        i = this.word(i);
      }
    }
    return this.total();
  }

  private endClause(): void {
    this.negation = 0;
    this.clauseNegated = false;
    this.comparative = false;
    this.factor = 1;
  }

  private punctuation(token: Token): void {
    if (token.norm === '?') this.questions.add(this.sentence);
    if (token.norm === '!') this.exclamations += [...token.text].filter((c) => c === '!').length;
    if ((token.norm === '?' || token.norm === '!' || /[.…\n]/.test(token.text)) && this.wordsInSentence > 0) {
      this.sentence += 1;
      this.wordsInSentence = 0;
    }
    this.endClause();
  }

  private emoji(token: Token, index: number): void {
    const valence = token.kind === 'emoji' ? emojiValenceOf(token.norm) : emoticonValenceOf(token.norm);
    if (!valence) return;
    // Emoji right after a sentence's closing mark belong to it: "Des nouvelles ? 🙏" is a plea in a question.
    const sentence = this.wordsInSentence === 0 && this.sentence > 0 ? this.sentence - 1 : this.sentence;
    this.contributions.push({ valence, kind: 'emoji', sentence, end: index, signal: `emoji:${token.text}`, negated: false });
  }

  private add(valence: number, kind: ContributionKind, end: number, signal: string, negated = false): void {
    this.contributions.push({ valence, kind, sentence: this.sentence, end, signal, negated });
  }

  /** Handles the word at `start` (and the expression it begins); returns the index of the last token used. */
  private word(start: number): number {
    const { tokens, lexicon } = this;
    const token = tokens[start];
    const boosted = this.afterIntensifier(start);
    if (boosted !== undefined) return boosted;
    const phrase = matchPhrase(tokens, start, lexicon);
    if (phrase) {
      const end = start + phrase.words.length - 1;
      const text = tokens.slice(start, end + 1).map((t) => t.norm).join(' ');
      if (phrase.factor !== undefined) {
        this.factor *= phrase.factor;
        return end;
      }
      if (phrase.closed) {
        if (phrase.valence !== 0) this.add(phrase.valence * this.emphasis(start, end), 'idiom', end, `idiom:${text}`);
        this.negation = 0;
        this.factor = 1;
        return end;
      }
      this.opinion(phrase.valence, start, end, `idiom:${text}`, 'idiom');
      return end;
    }

    const norm = token.norm;
    if (this.isNegator(start)) {
      this.negation = NEGATION_SCOPE;
      this.negator = norm;
      this.comparative = false;
      this.clauseNegated = true;
      if (lexicon.postNegators.has(norm)) this.negateBackward(start);
      return start;
    }
    if (lexicon.contrasts.has(norm)) {
      this.contrasts.set(this.sentence, this.contributions.length);
      this.add(0, 'word', start, `contrast:${norm}`);
      this.endClause();
      return start;
    }
    if (this.negation > 0 && lexicon.neverWords.has(this.negator) && lexicon.comparatives.has(norm)) this.comparative = true;
    const factor = this.lookup(norm, token.elongated, lexicon.intensifiers);
    if (factor !== undefined && this.nextIsOpinion(start + 1)) {
      this.factor *= factor;
      this.step();
      return start;
    }
    if (this.negation > 0 && lexicon.expectations.has(norm)) {
      this.add(NEGATED_EXPECTATION, 'complaint', start, `complaint:${this.negator} ${norm}`);
      this.step();
      return start;
    }
    this.opinion(this.valence(token), start, start, `word:${norm}`, 'word');
    return start;
  }

  /** "pas déçu du tout", "kiffé grave": strengthens the opinion just before; returns the last token used. */
  private afterIntensifier(start: number): number | undefined {
    const last = this.contributions.at(-1);
    if (!last || last.end !== start - 1 || last.kind === 'emoji') return undefined;
    for (let length = 3; length >= 1; length -= 1) {
      const words = this.tokens.slice(start, start + length);
      if (words.length < length || words.some((token) => token.kind !== 'word')) continue;
      const factor = this.lexicon.afterIntensifiers.get(words.map((token) => token.norm).join(' '));
      if (factor !== undefined) {
        last.valence *= factor;
        last.end = start + length - 1;
        return last.end;
      }
    }
    return undefined;
  }

  /** Scores an opinion word or open expression under the current negation and intensity. */
  private opinion(valence: number | undefined, start: number, end: number, signal: string, kind: ContributionKind): void {
    if (valence) {
      let value = valence * this.factor * this.emphasis(start, end);
      let negated = false;
      if (this.negation > 0) {
        if (this.comparative) value *= 1.2;
        else {
          value *= value > 0 ? NEGATED_PRAISE : NEGATED_BLAME;
          negated = true;
        }
      }
      this.add(value, kind, end, negated ? `negated:${signal.slice(signal.indexOf(':') + 1)}` : signal, negated);
      this.factor = 1;
    }
    this.step(end - start + 1);
  }

  private step(words = 1): void {
    this.negation = Math.max(0, this.negation - words);
    if (this.negation === 0) this.comparative = false;
  }

  /** Capitals and elongation strengthen what a word says. */
  private emphasis(start: number, end: number): number {
    let emphasis = 1;
    for (let i = start; i <= end; i += 1) {
      if (this.tokens[i].caps) emphasis = Math.max(emphasis, CAPS_BOOST);
      if (this.tokens[i].elongated) emphasis = Math.max(emphasis, ELONGATION_BOOST);
    }
    return emphasis;
  }

  private isNegator(index: number): boolean {
    const { tokens, lexicon } = this;
    const norm = tokens[index].norm;
    const previous = index > 0 && tokens[index - 1].kind === 'word' ? tokens[index - 1].norm : undefined;
    // "une personne", "de rien": a noun, not a negator.
    if (previous !== undefined && lexicon.determiners.has(previous) && !lexicon.negators.has(previous)) return false;
    if (lexicon.negators.has(norm) || norm.endsWith("n't")) return true;
    return this.clauseNegated && lexicon.weakNegators.has(norm);
  }

  /** Spoken French puts the only negator after the verb: "je recommande pas", "ça marche pas". */
  private negateBackward(index: number): void {
    if (index === 0 || this.tokens[index - 1].kind !== 'word') return;
    const last = this.contributions.at(-1);
    const previous = this.tokens[index - 1].norm;
    if (this.lexicon.expectations.has(previous)) {
      if (last && last.end === index - 1) {
        if (last.kind === 'complaint') return;
        this.contributions.pop();
      }
      this.add(NEGATED_EXPECTATION, 'complaint', index, `complaint:${previous} ${this.tokens[index].norm}`);
      return;
    }
    if (last && last.end === index - 1 && !last.negated && last.kind !== 'complaint' && last.kind !== 'emoji') {
      last.valence *= last.valence > 0 ? NEGATED_PRAISE : NEGATED_BLAME;
      last.negated = true;
      last.signal = `negated:${last.signal.slice(last.signal.indexOf(':') + 1)}`;
    }
  }

  /** Whether an opinion follows within two words ("très bon", "super très content"); else an intensifier is a word itself ("super !"). */
  private nextIsOpinion(from: number): boolean {
    for (let i = from; i < Math.min(this.tokens.length, from + 2); i += 1) {
      const token = this.tokens[i];
      if (token.kind !== 'word') return false;
      if (this.lexicon.negators.has(token.norm) || this.lexicon.phrases.has(token.norm)) return true;
      if (this.valence(token) || this.lexicon.expectations.has(token.norm)) return true;
      if (!this.lexicon.intensifiers.has(token.norm)) return false;
    }
    return false;
  }

  private valence(token: Token): number | undefined {
    return this.lookup(token.norm, token.elongated, this.lexicon.words) ?? this.stemmed(token);
  }

  private lookup<T>(norm: string, elongated: boolean, map: Map<string, T>): T | undefined {
    if (!elongated) return map.get(norm);
    for (const spelling of unelongated(norm)) {
      const found = map.get(spelling);
      if (found !== undefined) return found;
    }
    return undefined;
  }

  private stemmed(token: Token): number | undefined {
    const stems = this.lexicon.stems;
    if (!stems || token.norm.length < 3 || /\d/.test(token.norm)) return undefined;
    const spellings = token.elongated ? unelongated(token.norm) : [token.norm];
    for (const spelling of spellings) {
      if (this.stemCache.has(spelling)) {
        const cached = this.stemCache.get(spelling);
        if (cached !== undefined) return cached;
        continue;
      }
      const valence = stems.valences.get(stems.stem(spelling));
      if (this.stemCache.size > 50_000) this.stemCache.clear();
      this.stemCache.set(spelling, valence);
      if (valence !== undefined) return valence;
    }
    return undefined;
  }

  private total(): { total: number; signals: string[] } {
    let total = 0;
    const signals: string[] = [];
    this.contributions.forEach((contribution, index) => {
      let value = contribution.valence;
      const plain = contribution.kind === 'word' || contribution.kind === 'emoji';
      if (plain && this.questions.has(contribution.sentence)) value *= QUESTION_DAMPING;
      const contrast = this.contrasts.get(contribution.sentence);
      if (contrast !== undefined) value *= index < contrast ? BEFORE_CONTRAST : AFTER_CONTRAST;
      total += value;
      if (contribution.valence !== 0 || contribution.signal.startsWith('contrast:')) signals.push(contribution.signal);
    });
    if (total !== 0) total *= 1 + EXCLAMATION_BOOST * Math.min(this.exclamations, 3);
    const kept = signals.slice(0, MAX_SIGNALS);
    if (this.questions.size > 0) kept.push('question');
    return { total, signals: kept };
  }
}

export function createLexiconSentimentAnalyzer(options: LexiconAnalyzerOptions = {}): SentimentAnalyzer {
  const lexicons = options.lexicons ?? defaultSentimentLexicons();
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const languages = Object.values(lexicons);
  const unknown = languages.length > 0 ? mergeLexicons('und', ...languages) : noWords;
  const stemCaches = new Map<LanguageLexicon, Map<string, number | undefined>>();

  return {
    analyze(text, language) {
      const given = language === undefined ? (options.detectLanguage?.(text) ?? null) : language;
      // Networks label posts with BCP 47 tags ("fr-CA", "en_US"): the primary language is what matters.
      const resolved = given === null ? null : given.toLowerCase().split(/[-_]/)[0] || null;
      const lexicon = resolved === null ? unknown : (lexicons[resolved] ?? noWords);
      let stemCache = stemCaches.get(lexicon);
      if (!stemCache) stemCaches.set(lexicon, (stemCache = new Map()));
      const { total, signals } = new Scorer(tokenize(text.slice(0, MAX_TEXT_LENGTH)), lexicon, stemCache).run();
      const label: SentimentLabel = total >= threshold ? 'positive' : total <= -threshold ? 'negative' : 'neutral';
      const score = Math.round((total / Math.sqrt(total * total + NORMALIZATION_ALPHA)) * 1000) / 1000;
      return { label, score, language: resolved, signals };
    },
  };
}
