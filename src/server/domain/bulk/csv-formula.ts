// Spreadsheets run a cell that starts with = + - @ (or a tab / carriage return)
// as a formula: a post's text must never become one on an export opened in
// Excel or LibreOffice (OWASP "CSV injection"). The export prefixes such a cell
// with an apostrophe; the import takes that apostrophe off again, so an export
// re-imports to the same texts.

const formulaStart = /^[=+\-@\t\r]/;

export function escapeFormula(cell: string): string {
  return formulaStart.test(cell) ? `'${cell}` : cell;
}

export function unescapeFormula(cell: string): string {
  return cell.startsWith("'") && formulaStart.test(cell.slice(1)) ? cell.slice(1) : cell;
}
