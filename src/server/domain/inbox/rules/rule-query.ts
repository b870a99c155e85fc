// The boolean queries of inbox rules (and, later, listening): words,
// "phrases", word* prefixes, AND, OR, NOT (or a leading -), parentheses;
// words side by side mean AND. Matching is on whole words, accents and case
// ignored: « livraison AND (retard OR "pas reçu") NOT remboursé ».
import { normalizeSearchText } from '../search-text.ts';

export type QueryNode =
  | { type: 'term'; words: string[]; prefix: boolean }
  | { type: 'and' | 'or'; children: QueryNode[] }
  | { type: 'not'; child: QueryNode };

export class QueryError extends Error {
  readonly near: string;
  constructor(reason: string, near: string) {
    super(reason);
    this.near = near;
  }
}

type Token = { kind: 'word' | 'phrase' | 'and' | 'or' | 'not' | 'open' | 'close'; text: string };

function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /\s*(?:(\()|(\))|"([^"]*)("?)|(-)(?=\S)|([^\s()"]+))/gy;
  let match: RegExpExecArray | null;
  let at = 0;
  while (at < query.length && (match = pattern.exec(query))) {
    at = pattern.lastIndex;
    if (match[1]) tokens.push({ kind: 'open', text: '(' });
    else if (match[2]) tokens.push({ kind: 'close', text: ')' });
    else if (match[3] !== undefined) {
      if (match[4] !== '"') throw new QueryError('unclosed quote', `"${match[3]}`);
      tokens.push({ kind: 'phrase', text: match[3] });
    } else if (match[5]) tokens.push({ kind: 'not', text: '-' });
    else if (match[6]) {
      const upper = match[6];
      if (upper === 'AND' || upper === 'ET') tokens.push({ kind: 'and', text: upper });
      else if (upper === 'OR' || upper === 'OU') tokens.push({ kind: 'or', text: upper });
      else if (upper === 'NOT' || upper === 'SAUF') tokens.push({ kind: 'not', text: upper });
      else tokens.push({ kind: 'word', text: match[6] });
    }
    if (query.slice(at).trim() === '') break;
  }
  return tokens;
}

function words(text: string): string[] {
  return normalizeSearchText(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** Parses a query; throws QueryError (with where) when it cannot be read. */
export function parseQuery(query: string): QueryNode {
  const tokens = tokenize(query);
  let index = 0;
  const peek = () => tokens[index];
  const near = () => tokens.slice(index, index + 3).map((t) => t.text).join(' ') || query.slice(-20);

  const primary = (): QueryNode => {
    const token = peek();
    if (!token) throw new QueryError('a word is missing at the end', query.slice(-20));
    if (token.kind === 'open') {
      index += 1;
      const inner = or();
      if (peek()?.kind !== 'close') throw new QueryError('a closing parenthesis is missing', near());
      index += 1;
      return inner;
    }
    if (token.kind === 'word' || token.kind === 'phrase') {
      index += 1;
      const prefix = token.kind === 'word' && token.text.endsWith('*');
      const list = words(prefix ? token.text.slice(0, -1) : token.text);
      if (list.length === 0) throw new QueryError('this term has no letters or digits', token.text);
      return { type: 'term', words: list, prefix };
    }
    throw new QueryError(`“${token.text}” cannot come here`, near());
  };
  const not = (): QueryNode => {
    if (peek()?.kind === 'not') {
      index += 1;
      return { type: 'not', child: not() };
    }
    return primary();
  };
  const and = (): QueryNode => {
    const children = [not()];
    for (;;) {
      const token = peek();
      if (!token || token.kind === 'or' || token.kind === 'close') break;
      if (token.kind === 'and') index += 1;
      children.push(not());
    }
    return children.length === 1 ? children[0] : { type: 'and', children };
  };
  const or = (): QueryNode => {
    const children = [and()];
    while (peek()?.kind === 'or') {
      index += 1;
      children.push(and());
    }
    return children.length === 1 ? children[0] : { type: 'or', children };
  };

  if (tokens.length === 0) throw new QueryError('the query is empty', '');
  const tree = or();
  if (index < tokens.length) throw new QueryError(`“${tokens[index].text}” is unexpected`, near());
  return tree;
}

/** The words of a text, as queries see them. */
export function textWords(text: string): string[] {
  return words(text);
}

/** Whether the text's words contain the phrase `term` (whole words; the last may be a prefix). */
function hasTerm(textTokens: string[], term: { words: string[]; prefix: boolean }): boolean {
  const n = term.words.length;
  for (let start = 0; start + n <= textTokens.length; start += 1) {
    let ok = true;
    for (let offset = 0; offset < n && ok; offset += 1) {
      const expected = term.words[offset];
      const actual = textTokens[start + offset];
      ok = term.prefix && offset === n - 1 ? actual.startsWith(expected) : actual === expected;
    }
    if (ok) return true;
  }
  return false;
}

export function matchesQuery(node: QueryNode, textTokens: string[]): boolean {
  switch (node.type) {
    case 'term':
      return hasTerm(textTokens, node);
    case 'and':
      return node.children.every((child) => matchesQuery(child, textTokens));
    case 'or':
      return node.children.some((child) => matchesQuery(child, textTokens));
    case 'not':
      return !matchesQuery(node.child, textTokens);
  }
}

/** Any of the keywords (each a word or a phrase) is in the text. */
export function matchesKeywords(keywords: string[], textTokens: string[]): boolean {
  return keywords.some((keyword) => {
    const list = words(keyword);
    return list.length > 0 && hasTerm(textTokens, { words: list, prefix: false });
  });
}
