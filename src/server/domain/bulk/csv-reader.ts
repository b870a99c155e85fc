// Reads a posts CSV the way spreadsheets write it: UTF-8 with or without a
// BOM (or Windows-1252, what "CSV (semicolon separated)" gives in a French
// Excel), `;`, `,` or tab separators, CRLF line ends, quoted cells spanning
// several lines. Parsing is csv-parse's; this file decides the separator, maps
// headers to columns and numbers each row by the line it starts on.
import { parse, CsvError, type Info } from 'csv-parse/sync';
import { columnFor, requiredColumns, type CsvColumn } from './csv-columns.ts';
import { problem, type CsvProblem } from './csv-problems.ts';

/** A file larger than this is refused before it is read. */
export const maxCsvBytes = 2 * 1024 * 1024;
/** Rows (without the header) one import may hold. */
export const maxCsvRows = 1000;

export type CsvDelimiter = ',' | ';' | '\t';

export interface CsvRow {
  /** The line the row starts on (a quoted text may run over several). */
  line: number;
  cells: Partial<Record<CsvColumn, string>>;
  /** Cells beyond the header's columns (a separator inside an unquoted text). */
  extraCells: number;
}

export interface CsvFile {
  delimiter: CsvDelimiter;
  columns: Array<CsvColumn | null>;
  rows: CsvRow[];
  /** Problems of the file itself (header, quotes, size); row problems are found later. */
  problems: CsvProblem[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const windows1252 = new TextDecoder('windows-1252');

/** Bytes to text: UTF-8 when the bytes are valid UTF-8 (a BOM is dropped), Windows-1252 otherwise. */
export function decodeCsv(bytes: Uint8Array): string {
  try {
    return stripBom(utf8.decode(bytes));
  } catch {
    return windows1252.decode(bytes);
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The separator the header line uses most: French spreadsheets write `;`, others `,`. */
export function detectDelimiter(headerLine: string): CsvDelimiter {
  const counts = ([',', ';', '\t'] as const).map((d) => [d, headerLine.split(d).length - 1] as const);
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  return best[1] > 0 ? best[0] : ',';
}

interface ParsedRecord {
  record: string[];
  info: Info & { raw?: string };
}

/** The line a record starts on: the line it ends on, less the line breaks inside it. */
function startLine(parsed: ParsedRecord): number {
  const raw = (parsed.info.raw ?? '').replace(/^\n+/, '').replace(/\n$/, '');
  return parsed.info.lines - (raw.match(/\n/g)?.length ?? 0);
}

export function readCsv(input: string): CsvFile {
  const text = stripBom(input).replace(/\r\n?/g, '\n');
  const delimiter = detectDelimiter(text.slice(0, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n')));
  const records: ParsedRecord[] = [];
  const problems: CsvProblem[] = [];
  try {
    parse(text, {
      delimiter,
      record_delimiter: '\n',
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      raw: true,
      // Kept as they come, so that a broken quote further down still leaves the rows before it checked.
      on_record: (value: unknown) => {
        const parsed = value as { record: string[]; info: Info; raw: string };
        records.push({ record: parsed.record, info: { ...parsed.info, raw: parsed.raw } });
        return null;
      },
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const lastLine = records.length > 0 ? records[records.length - 1].info.lines : 0;
    if (error.code === 'CSV_QUOTE_NOT_CLOSED') problems.push(problem(lastLine + 1, null, 'csv_quote_not_closed'));
    else problems.push(problem(typeof error.lines === 'number' ? error.lines : lastLine + 1, null, 'csv_malformed', { details: error.code }));
  }

  const [header, ...body] = records;
  if (!header) return { delimiter, columns: [], rows: [], problems: problems.length > 0 ? problems : [problem(null, null, 'csv_empty')] };

  const columns = header.record.map((name) => columnFor(name));
  const seen = new Set<CsvColumn>();
  header.record.forEach((name, index) => {
    const column = columns[index];
    if (name.trim() === '') return;
    if (column === null) problems.push(problem(1, null, 'csv_column_unknown', { column: name.trim() }));
    else if (seen.has(column)) problems.push(problem(1, column, 'csv_column_duplicate', { column: name.trim() }));
    else seen.add(column);
  });
  for (const column of requiredColumns) if (!seen.has(column)) problems.push(problem(1, column, 'csv_column_missing', { column }));

  const rows: CsvRow[] = [];
  for (const parsed of body) {
    if (parsed.record.every((cell) => cell.trim() === '')) continue;
    const cells: CsvRow['cells'] = {};
    parsed.record.forEach((value, index) => {
      const column = columns[index];
      if (column && cells[column] === undefined) cells[column] = value;
    });
    const extraCells = parsed.record.slice(columns.length).filter((cell) => cell.trim() !== '').length;
    rows.push({ line: startLine(parsed), cells, extraCells });
  }
  if (rows.length === 0 && problems.length === 0) problems.push(problem(null, null, 'csv_empty'));
  if (rows.length > maxCsvRows) problems.push(problem(null, null, 'csv_too_many_rows', { count: rows.length, max: maxCsvRows }));
  return { delimiter, columns, rows, problems };
}
