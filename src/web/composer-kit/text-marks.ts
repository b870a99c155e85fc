// Where the words flagged while writing sit in the text: misspellings and
// terms the brand avoids, cut into the runs a backdrop draws under a textarea.
// Offsets are UTF-16 indexes, as the spell checker and the brand-voice check
// give them.
import type { BrandFinding } from '../../shared/composer/brand-voice.ts';
import type { SpellIssue } from '../../shared/composer/kit-types.ts';

export type TextMarkKind = 'spelling' | 'brand';

export interface TextMark {
  offset: number;
  length: number;
  kind: TextMarkKind;
}

export interface TextRun {
  text: string;
  kind: TextMarkKind | null;
}

export function textMarks(spelling: readonly SpellIssue[], findings: readonly BrandFinding[]): TextMark[] {
  return [
    ...findings.flatMap((finding) => (finding.kind === 'forbidden' ? [{ offset: finding.offset, length: finding.length, kind: 'brand' as const }] : [])),
    ...spelling.map((issue) => ({ offset: issue.offset, length: issue.length, kind: 'spelling' as const })),
  ];
}

/**
 * The text as runs, marked or not, in order; together they are the text. Marks outside the text,
 * empty, or overlapping an earlier one (a brand term that is also misspelled) are left out: the
 * first one listed wins.
 */
export function markRuns(text: string, marks: readonly TextMark[]): TextRun[] {
  const kept: TextMark[] = [];
  for (const mark of marks) {
    if (mark.length <= 0 || mark.offset < 0 || mark.offset + mark.length > text.length) continue;
    if (kept.some((other) => mark.offset < other.offset + other.length && other.offset < mark.offset + mark.length)) continue;
    kept.push(mark);
  }
  kept.sort((a, b) => a.offset - b.offset);
  const runs: TextRun[] = [];
  let at = 0;
  for (const mark of kept) {
    if (mark.offset > at) runs.push({ text: text.slice(at, mark.offset), kind: null });
    runs.push({ text: text.slice(mark.offset, mark.offset + mark.length), kind: mark.kind });
    at = mark.offset + mark.length;
  }
  if (at < text.length) runs.push({ text: text.slice(at), kind: null });
  return runs;
}
