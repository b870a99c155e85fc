// What the rule-based analyzer knows about one language: word valences on
// AFINN's scale (−5 … +5), multi-word expressions, and the small closed word
// classes the rules need (negators, intensifiers, contrast words …).
// Entries are written naturally (accents, apostrophes) and folded here, so
// lookups match however a post spells them.
import { fold, tokenize } from './tokenize.ts';

export interface Phrase {
  /** Folded word tokens ("pas", "terrible"). */
  words: string[];
  valence: number;
  /** An intensifying or softening expression ("un peu", "a bit"): multiplies the next opinion instead. */
  factor?: number;
  /**
   * The expression contains its own negation ("pas mal", "not bad", "toujours pas reçu"):
   * its valence already accounts for it, and it closes any negation scope.
   */
  closed: boolean;
}

export interface LanguageLexicon {
  language: string;
  /** Folded word → valence. */
  words: Map<string, number>;
  /** Valence by stem, for words not in `words` (a stemmed lexicon such as Pattern's). */
  stems?: { stem: (word: string) => string; valences: Map<string, number> };
  /** Multi-word expressions, indexed by their first word, longest first. */
  phrases: Map<string, Phrase[]>;
  /** Open a negation scope over the next few words. */
  negators: Set<string>;
  /** Negators only after another negator in the clause ("ne … plus", but "plus rapide"). */
  weakNegators: Set<string>;
  /** Also negate the word just before them (spoken French drops "ne": "je recommande pas"). */
  postNegators: Set<string>;
  /** Multiply the valence of the next opinion word ("très", "so"). */
  intensifiers: Map<string, number>;
  /** Multiply the opinion just before them ("pas déçu du tout", "kiffé grave", "not at all"). */
  afterIntensifiers: Map<string, number>;
  /** "mais", "but": what follows weighs more than what precedes. */
  contrasts: Set<string>;
  /** Negators after which a comparative is praise: "jamais aussi bien", "never been so happy". */
  neverWords: Set<string>;
  /** See neverWords; after other negators a comparative stays negative ("not as good as expected"). */
  comparatives: Set<string>;
  /** Neutral words whose negation is a complaint ("pas reçu", "no reply", "doesn't work"). */
  expectations: Set<string>;
  /** Words that make the next negator a noun ("une personne", "de rien"). */
  determiners: Set<string>;
}

export interface LexiconSource {
  language: string;
  /** Later sources win: list the broad lexicons first and your own corrections last. */
  words: Record<string, number>[];
  stems?: LanguageLexicon['stems'];
  /** Expression → valence. An expression containing a negator is closed (see Phrase). */
  phrases: Record<string, number>;
  negators: string[];
  weakNegators?: string[];
  postNegators?: string[];
  /** Word or expression → factor (> 1 strengthens, < 1 softens). */
  intensifiers: Record<string, number>;
  /** Word or expression → factor applied to the opinion just before it. */
  afterIntensifiers?: Record<string, number>;
  contrasts: string[];
  neverWords: string[];
  comparatives: string[];
  expectations: string[];
  determiners?: string[];
}

function words(expression: string): string[] {
  return tokenize(expression).filter((token) => token.kind === 'word').map((token) => token.norm);
}

export function buildLexicon(source: LexiconSource): LanguageLexicon {
  const negators = new Set(source.negators.map(fold));
  const weakNegators = new Set((source.weakNegators ?? []).map(fold));
  const single = new Map<string, number>();
  const phrases = new Map<string, Phrase[]>();
  const addPhrase = (tokens: string[], valence: number, factor?: number) => {
    const closed = tokens.some((word) => negators.has(word) || weakNegators.has(word) || word.endsWith("n't"));
    const list = phrases.get(tokens[0]) ?? [];
    const existing = list.findIndex((phrase) => phrase.words.join(' ') === tokens.join(' '));
    if (existing >= 0) list.splice(existing, 1);
    list.push({ words: tokens, valence, closed, ...(factor === undefined ? {} : { factor }) });
    list.sort((a, b) => b.words.length - a.words.length);
    phrases.set(tokens[0], list);
  };
  for (const dictionary of source.words) {
    for (const [entry, valence] of Object.entries(dictionary)) {
      const tokens = words(entry);
      if (tokens.length === 1) single.set(tokens[0], valence);
      else if (tokens.length > 1) addPhrase(tokens, valence);
    }
  }
  for (const [expression, valence] of Object.entries(source.phrases)) {
    const tokens = words(expression);
    if (tokens.length === 1) single.set(tokens[0], valence);
    else if (tokens.length > 1) addPhrase(tokens, valence);
  }
  const intensifiers = new Map<string, number>();
  for (const [expression, factor] of Object.entries(source.intensifiers)) {
    const tokens = words(expression);
    if (tokens.length === 1) intensifiers.set(tokens[0], factor);
    else if (tokens.length > 1) addPhrase(tokens, 0, factor);
  }
  const afterIntensifiers = new Map<string, number>();
  for (const [expression, factor] of Object.entries(source.afterIntensifiers ?? {})) {
    afterIntensifiers.set(words(expression).join(' '), factor);
  }
  return {
    language: source.language,
    words: single,
    stems: source.stems,
    phrases,
    negators,
    weakNegators,
    postNegators: new Set((source.postNegators ?? []).map(fold)),
    intensifiers,
    afterIntensifiers,
    contrasts: new Set(source.contrasts.map(fold)),
    neverWords: new Set(source.neverWords.map(fold)),
    comparatives: new Set(source.comparatives.map(fold)),
    expectations: new Set(source.expectations.map(fold)),
    determiners: new Set((source.determiners ?? []).map(fold)),
  };
}

/** Both languages at once, for a post whose language is unknown (too short to tell). */
export function mergeLexicons(language: string, ...lexicons: LanguageLexicon[]): LanguageLexicon {
  const union = <T>(pick: (lexicon: LanguageLexicon) => Iterable<T>) => new Set(lexicons.flatMap((lexicon) => [...pick(lexicon)]));
  const phrases = new Map<string, Phrase[]>();
  for (const lexicon of lexicons) {
    for (const [first, list] of lexicon.phrases) {
      phrases.set(first, [...(phrases.get(first) ?? []), ...list].sort((a, b) => b.words.length - a.words.length));
    }
  }
  return {
    language,
    // The first lexicon wins a word both define.
    words: new Map(lexicons.toReversed().flatMap((lexicon) => [...lexicon.words])),
    stems: lexicons.find((lexicon) => lexicon.stems)?.stems,
    phrases,
    negators: union((lexicon) => lexicon.negators),
    weakNegators: union((lexicon) => lexicon.weakNegators),
    postNegators: union((lexicon) => lexicon.postNegators),
    intensifiers: new Map(lexicons.toReversed().flatMap((lexicon) => [...lexicon.intensifiers])),
    afterIntensifiers: new Map(lexicons.toReversed().flatMap((lexicon) => [...lexicon.afterIntensifiers])),
    contrasts: union((lexicon) => lexicon.contrasts),
    neverWords: union((lexicon) => lexicon.neverWords),
    comparatives: union((lexicon) => lexicon.comparatives),
    expectations: union((lexicon) => lexicon.expectations),
    determiners: union((lexicon) => lexicon.determiners),
  };
}
