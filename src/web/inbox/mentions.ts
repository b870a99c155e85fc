// @mentions in internal notes. While a person types "@lé" the note box offers
// the teammates whose name starts that way; picking one writes "@Léa Martin"
// in the text and remembers her id. The API receives the ids (each person is
// notified once); an id is only sent while its "@Name" is still in the text.

export interface Teammate {
  userId: string;
  name: string;
}

const fold = (value: string) =>
  value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();

/**
 * The "@query" being typed just before the caret: it starts a word, holds no
 * line break and at most one space (first name, then the start of a last name).
 */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const match = /(?:^|[\s([{"'«])@([^\s@]{0,30}(?: [^\s@]{0,30})?)$/u.exec(before);
  if (!match) return null;
  return { start: caret - match[1].length - 1, query: match[1] };
}

/** Teammates whose name (or one of its words) starts with the query, accents and case ignored. */
export function matchTeammates<T extends Teammate>(query: string, teammates: readonly T[], limit = 8): T[] {
  const wanted = fold(query.trim());
  if (!wanted) return teammates.slice(0, limit);
  const starts = (name: string) => fold(name).startsWith(wanted) || fold(name).split(/\s+/).some((word) => word.startsWith(wanted));
  return teammates.filter((teammate) => starts(teammate.name)).slice(0, limit);
}

/** Writes "@Name " over the "@query" that ran from `start` to the caret; returns the text and the new caret. */
export function insertMention(text: string, start: number, caret: number, name: string): { text: string; caret: number } {
  const inserted = `@${name} `;
  const rest = text.slice(caret).replace(/^ /, '');
  return { text: text.slice(0, start) + inserted + rest, caret: start + inserted.length };
}

/** The ids of the picked teammates whose "@Name" is still in the note. */
export function mentionsIn(body: string, picked: readonly Teammate[]): string[] {
  return [...new Set(picked.filter((teammate) => containsMention(body, teammate.name)).map((teammate) => teammate.userId))];
}

function containsMention(body: string, name: string): boolean {
  let from = 0;
  const needle = `@${name}`;
  for (;;) {
    const at = body.indexOf(needle, from);
    if (at < 0) return false;
    const next = body.charAt(at + needle.length);
    // "@Léa Martin," counts; "@Léa Martinez" does not mention "Léa Martin".
    if (next === '' || !/[\p{L}\p{N}_-]/u.test(next)) return true;
    from = at + 1;
  }
}

/** A note's text cut into plain parts and the mentions of known teammates, to show them marked. */
export function noteParts(body: string, names: readonly string[]): Array<{ text: string; mention: boolean }> {
  const sorted = [...new Set(names)].filter(Boolean).sort((a, b) => b.length - a.length);
  if (sorted.length === 0) return [{ text: body, mention: false }];
  const escaped = sorted.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`@(?:${escaped.join('|')})(?![\\p{L}\\p{N}_-])`, 'gu');
  const parts: Array<{ text: string; mention: boolean }> = [];
  let last = 0;
  for (const match of body.matchAll(pattern)) {
    if (match.index > last) parts.push({ text: body.slice(last, match.index), mention: false });
    parts.push({ text: match[0], mention: true });
    last = match.index + match[0].length;
  }
  if (last < body.length) parts.push({ text: body.slice(last), mention: false });
  return parts;
}
