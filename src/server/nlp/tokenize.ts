// Splits a social post into the tokens the sentiment rules look at: words
// (folded to lower case without accents, so "DÉÇU", "décu" and "deçu" meet the
// same lexicon entry), emoji, emoticons and the punctuation that bounds a
// clause or marks a question. URLs, @mentions and e-mail addresses carry no
// opinion and are dropped; a hashtag keeps its word.

export type TokenKind = 'word' | 'emoji' | 'emoticon' | 'punct';

export interface Token {
  kind: TokenKind;
  /** As written (for signals). */
  text: string;
  /** Lower case, accents removed, ’ → '; for emoji: without variation selectors and skin tones. */
  norm: string;
  /** Written in capitals ("NUL", "WORST"): shouting strengthens the word. */
  caps: boolean;
  /** A letter repeated three times or more ("trooop", "sooo"): `norm` keeps the repeats. */
  elongated: boolean;
}

const URL = /\b(?:https?:\/\/|www\.)\S+/giu;
// Anchored at the start of a run, so a long run of letters without "@" is scanned once, not once per letter.
const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu;
const MENTION = /(?<![\p{L}\p{N}])@[\p{L}\p{N}_.]+/gu;

// Western emoticons, longest first so ":-((" is not read as ":-(" + "(".
const EMOTICONS = [
  ">:-(", ">:(", ":'-(", ":'(", ":-((", ":((", ":-(", ":(", ":-/", ":/", ":-|", ":|", ":-[", ":[",
  ":-)))", ":)))", ":-))", ":))", ":-)", ":)", ":-D", ":D", ";-)", ";)", ":-P", ":P", ":-p", ":p", "=)", "=(",
  "</3", "<3", "^^", "^_^", "-_-", "xD", "XD", ":-o", ":o", ":-O", ":O", "T_T",
];
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
// An emoticon must stand apart from letters ("x" + "D" inside "xDrive" is not one).
const EMOTICON_SOURCE = `(?<![\\p{L}\\p{N}])(?:${EMOTICONS.map(escape).join('|')})(?![\\p{L}\\p{N}])`;

// One emoji: a pictographic character with its modifiers, or a ZWJ sequence, or a flag.
const EMOJI_SOURCE = '(?:\\p{Regional_Indicator}{2}|\\p{Extended_Pictographic}(?:\\uFE0F|\\p{Emoji_Modifier})*(?:\\u200D\\p{Extended_Pictographic}(?:\\uFE0F|\\p{Emoji_Modifier})*)*)';

// Words keep inner apostrophes and hyphens ("aujourd'hui", "don't", "peut-être").
const WORD_SOURCE = "[\\p{L}\\p{N}]+(?:['’\\-][\\p{L}\\p{N}]+)*";
const PUNCT_SOURCE = '[!?]+|[.…;:,()\\n]+';

const TOKEN = new RegExp(`(${EMOTICON_SOURCE})|(${EMOJI_SOURCE})|(${WORD_SOURCE})|(${PUNCT_SOURCE})`, 'gu');

// French elisions become their full word, so "n'" is the negator "ne" and
// "j'adore" reaches "adore". Everything before the apostrophe must be one of these.
const ELISIONS: Record<string, string> = {
  j: 'je', n: 'ne', c: 'ce', l: 'le', d: 'de', m: 'me', t: 'te', s: 'se', qu: 'que',
  jusqu: 'jusque', lorsqu: 'lorsque', puisqu: 'puisque', quoiqu: 'quoique',
};
const ELISION = /^(j|n|c|l|d|m|t|s|qu|jusqu|lorsqu|puisqu|quoiqu)'(.+)$/;

/** Lower case, no accents, typographic apostrophe made plain. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{Mn}/gu, '').toLowerCase().replace(/’/g, "'").normalize('NFC');
}

const HAS_LOWER = /\p{Ll}/u;
const HAS_UPPER = /\p{Lu}/u;
const ELONGATED = /(\p{L})\1\1/u;

/** An emoji without variation selector and skin tone, as lexicons list it ("👍🏽" → "👍"). */
export function normEmoji(emoji: string): string {
  return emoji.replace(/\uFE0F|\p{Emoji_Modifier}/gu, '');
}

export function tokenize(text: string): Token[] {
  const cleaned = text.replace(URL, ' ').replace(EMAIL, ' ').replace(MENTION, ' ');
  const tokens: Token[] = [];
  for (const match of cleaned.matchAll(TOKEN)) {
    const [raw, emoticon, emoji, word] = match;
    if (emoticon) {
      tokens.push({ kind: 'emoticon', text: raw, norm: raw.toLowerCase(), caps: false, elongated: false });
    } else if (emoji) {
      tokens.push({ kind: 'emoji', text: raw, norm: normEmoji(raw), caps: false, elongated: false });
    } else if (word) {
      const caps = word.length >= 2 && HAS_UPPER.test(word) && !HAS_LOWER.test(word) && !/\p{N}/u.test(word);
      const folded = fold(word);
      const elision = ELISION.exec(folded);
      const parts = elision ? [ELISIONS[elision[1]], elision[2]] : [folded];
      for (const part of parts) {
        tokens.push({ kind: 'word', text: word, norm: part, caps, elongated: ELONGATED.test(part) });
      }
    } else {
      // "?" wins over "!" ("?!" asks); any other mark just ends a clause.
      const norm = raw.includes('?') ? '?' : raw.includes('!') ? '!' : raw.trim() || '.';
      tokens.push({ kind: 'punct', text: raw, norm, caps: false, elongated: false });
    }
  }
  return tokens;
}

/**
 * Spellings to look an elongated word up under: "trooop" → "troop", "trop";
 * "goooood" → "good", "god". The word itself comes first.
 */
export function unelongated(norm: string): string[] {
  return [norm, norm.replace(/(\p{L})\1{2,}/gu, '$1$1'), norm.replace(/(\p{L})\1{2,}/gu, '$1')];
}
