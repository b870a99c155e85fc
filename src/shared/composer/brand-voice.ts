// Brand voice: the words a workspace avoids ("say « client », not
// « consommateur »") and the ones every post must carry (a disclosure tag).
// Pure, so the composer runs it on every keystroke and the server runs the
// same check when a post is saved. Findings are warnings, never blockers.
//
// Matching ignores case and accents (« electricite » finds « électricité »),
// treats ’ and ' alike, matches whole words only (« client » is found in
// « l’client's » but not in « clientèle »), lets spaces in a phrase match any
// run of white space, and a term ending in * matches every word starting so
// (« consommateur* » also finds « consommateurs »).

export const brandRuleKinds = ['forbidden', 'required'] as const;
export type BrandRuleKind = (typeof brandRuleKinds)[number];

export interface BrandRule {
  id: string;
  kind: BrandRuleKind;
  /** A word or a phrase, as the person typed it. */
  term: string;
  /** What to write instead (forbidden terms). */
  suggestion: string | null;
  /** Why, in the team's words. */
  note: string | null;
  /** Networks the rule applies to; null for every network. */
  networks: string[] | null;
}

/** A forbidden term found in the text. Offsets are UTF-16 indexes into the text that was checked. */
export interface ForbiddenTermFinding {
  kind: 'forbidden';
  ruleId: string;
  term: string;
  /** The text as written at that place (« Consommateurs »). */
  match: string;
  offset: number;
  length: number;
  suggestion: string | null;
  note: string | null;
}

/** A required term the text does not contain. */
export interface MissingTermFinding {
  kind: 'missing';
  ruleId: string;
  term: string;
  note: string | null;
}

export type BrandFinding = ForbiddenTermFinding | MissingTermFinding;

const apostrophes = /[’‘ʼ´`′]/u;
const hyphens = /[‐‑‒–]/u;
const ligatures: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss' };

/** One character's folded form: lower case, no accents, one kind of apostrophe and hyphen. */
function foldChar(char: string): string {
  if (apostrophes.test(char)) return "'";
  if (hyphens.test(char)) return '-';
  const lower = char.toLowerCase();
  return ligatures[lower] ?? lower.normalize('NFD').replace(/\p{M}/gu, '');
}

/** The folded text and, for each of its UTF-16 units, where it came from in the original. */
function foldWithMap(text: string): { folded: string; starts: number[]; ends: number[] } {
  let folded = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let index = 0;
  for (const char of text) {
    const piece = foldChar(char);
    // A combining accent typed separately folds to nothing: it belongs to the letter before it.
    if (piece === '' && ends.length > 0) ends[ends.length - 1] = index + char.length;
    for (let unit = 0; unit < piece.length; unit += 1) {
      starts.push(index);
      ends.push(index + char.length);
    }
    folded += piece;
    index += char.length;
  }
  return { folded, starts, ends };
}

/** A term or text folded for comparison: lower case, no accents, ’ as ', white space collapsed. */
export function foldTerm(term: string): string {
  return foldWithMap(term.trim()).folded.replace(/\s+/gu, ' ');
}

// Syntax characters only: in a Unicode pattern, escaping anything else is an error.
const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const wordChar = '[\\p{L}\\p{N}_]';

/** The search pattern of a term, or null when it has nothing to search for. */
function termPattern(term: string): RegExp | null {
  let folded = foldTerm(term);
  const prefix = folded.endsWith('*');
  if (prefix) folded = folded.replace(/\*+$/u, '').trimEnd();
  if (!/[\p{L}\p{N}]/u.test(folded)) return null;
  const body = folded.split(' ').map(escapeRegExp).join('\\s+');
  // Word boundaries that know accented letters; a boundary is only asked for where the term itself starts or ends with a word character.
  const before = new RegExp(`^${wordChar}`, 'u').test(folded) ? `(?<!${wordChar})` : '';
  const after = prefix ? `${wordChar}*` : new RegExp(`${wordChar}$`, 'u').test(folded) ? `(?!${wordChar})` : '';
  return new RegExp(`${before}${body}${after}`, 'gu');
}

/** Whether a term can be searched for at all (it has a letter or a digit). */
export function isSearchableTerm(term: string): boolean {
  return termPattern(term) !== null;
}

/** Whether a rule applies to a post for `network`; without a network, only rules for every network apply. */
export function ruleApplies(rule: Pick<BrandRule, 'networks'>, network?: string): boolean {
  if (rule.networks === null || rule.networks.length === 0) return true;
  return network !== undefined && rule.networks.includes(network);
}

/**
 * Checks `text` against a workspace's brand rules for one network (or, without
 * a network, against the rules that apply everywhere). Returns forbidden terms
 * in the order they appear, then the required terms that are missing.
 */
export function checkBrandVoice(text: string, rules: readonly BrandRule[], network?: string): BrandFinding[] {
  const { folded, starts, ends } = foldWithMap(text);
  const forbidden: ForbiddenTermFinding[] = [];
  const missing: MissingTermFinding[] = [];
  for (const rule of rules) {
    if (!ruleApplies(rule, network)) continue;
    const pattern = termPattern(rule.term);
    if (!pattern) continue;
    if (rule.kind === 'required') {
      if (!pattern.test(folded)) missing.push({ kind: 'missing', ruleId: rule.id, term: rule.term, note: rule.note });
      continue;
    }
    for (const found of folded.matchAll(pattern)) {
      const offset = starts[found.index];
      const end = ends[found.index + found[0].length - 1];
      forbidden.push({ kind: 'forbidden', ruleId: rule.id, term: rule.term, match: text.slice(offset, end), offset, length: end - offset, suggestion: rule.suggestion, note: rule.note });
    }
  }
  forbidden.sort((a, b) => a.offset - b.offset || b.length - a.length);
  return [...forbidden, ...missing];
}
