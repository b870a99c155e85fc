// Shapes of the composer kit's API (spell check, brand rules, workspace
// dictionary, templates, hashtag groups), shared by the routes and the web app.
import type { Locale } from '../locales.ts';
import type { BrandRule, BrandRuleKind } from './brand-voice.ts';

export type SpellLanguage = Locale;

/** A word the dictionary does not know. Offsets are UTF-16 indexes into the checked text. */
export interface SpellIssue {
  offset: number;
  length: number;
  word: string;
  /** At most five, best first; empty when the dictionary has no idea. */
  suggestions: string[];
}

export interface SpellcheckRequest {
  text: string;
  language: SpellLanguage;
}

export interface SpellcheckResponse {
  issues: SpellIssue[];
  /** False when some suggestions were still being looked for: ask again shortly to get them. */
  complete: boolean;
}

/** A brand rule as the API shows it. */
export interface BrandRuleView extends BrandRule {
  createdAt: string;
  createdByName: string | null;
}

export interface BrandRuleInput {
  kind: BrandRuleKind;
  term: string;
  suggestion?: string | null;
  note?: string | null;
  networks?: string[] | null;
}

export interface DictionaryWord {
  word: string;
  createdAt: string;
}

export interface ContentTemplate {
  id: string;
  name: string;
  language: Locale;
  /** Plain text; placeholders like {{first_name}} are left for the person to fill in. */
  text: string;
  createdByName: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ContentTemplateInput {
  name: string;
  language: Locale;
  text: string;
}

export interface HashtagGroup {
  id: string;
  name: string;
  /** Each with its leading #, in the order given. */
  hashtags: string[];
  createdAt: string;
  updatedAt: string;
}

export interface HashtagGroupInput {
  name: string;
  hashtags: string[];
}

/** The placeholders of a template's text, once each, in order of appearance: `{{first_name}}` → `first_name`. */
export function templateVariables(text: string): string[] {
  const names = [...text.matchAll(/\{\{\s*([\p{L}\p{N}_.-]+)\s*\}\}/gu)].map((match) => match[1]);
  return [...new Set(names)];
}

/** A hashtag as stored: one leading #, nothing else changed; null when it is not a hashtag. */
export function normalizeHashtag(value: string): string | null {
  const tag = value.trim().replace(/^#+/u, '');
  return /^[\p{L}\p{M}\p{N}_]{1,100}$/u.test(tag) ? `#${tag}` : null;
}
