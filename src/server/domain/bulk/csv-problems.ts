// What a CSV check finds wrong, by line (as a text editor numbers them, the
// header being line 1) and by column. Codes are API message codes: the HTTP
// layer words them in the caller's language.
import type { MessageCode } from '../../i18n/messages.ts';
import type { CsvColumn } from './csv-columns.ts';

export interface CsvProblem {
  /** Null for a problem of the whole file (too many rows, nothing to import). */
  line: number | null;
  column: CsvColumn | null;
  code: MessageCode;
  params: Record<string, string | number>;
}

export function problem(line: number | null, column: CsvColumn | null, code: MessageCode, params: Record<string, string | number> = {}): CsvProblem {
  return { line, column, code, params };
}

/** Problems in reading order: whole-file ones first, then by line, keeping each line's order. */
export function sortProblems(problems: CsvProblem[]): CsvProblem[] {
  return problems
    .map((p, index) => ({ p, index }))
    .sort((a, b) => (a.p.line ?? 0) - (b.p.line ?? 0) || a.index - b.index)
    .map(({ p }) => p);
}
