// The text full-text search indexes and queries are matched against: lower
// case, accents removed ("Reçu" and "recu" are the same word), so that both
// engines (FTS5 on SQLite, to_tsvector('simple') on PostgreSQL) agree.
export function normalizeSearchText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}
