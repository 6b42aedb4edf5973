import { TOKEN, type SearchTerm } from './search-query.ts';

/**
 * Which part of an item the terms must be found in: `all` the whole index (every term),
 * `title-all` every term in the title, `title-any` at least one term in the title.
 */
export type MatchScope = 'all' | 'title-all' | 'title-any';

// Terms come from parseQuery, whose tokens are letters and digits only; anything else here is a bug.
function checked(term: SearchTerm): readonly string[] {
  if (term.tokens.length === 0 || !term.tokens.every((t) => TOKEN.test(t))) throw new Error('search term with a non-word token');
  return term.tokens;
}

/**
 * An FTS5 MATCH expression: every token double-quoted (a quoted string is a phrase, whatever its
 * words), terms joined by AND, in `{title body}` (`all`) or `title` (the title scopes).
 */
export function fts5Expression(terms: readonly SearchTerm[], scope: MatchScope): string {
  const phrases = terms.map((t) => `"${checked(t).join(' ')}"`);
  // Title and body only: the `facets` column holds filter words (facet-tokens.ts), never matched by what is typed.
  if (scope === 'all') return `{title body} : (${phrases.join(' AND ')})`;
  return `title : (${phrases.join(scope === 'title-all' ? ' AND ' : ' OR ')})`;
}

/**
 * A to_tsquery('simple', …) expression: every token single-quoted, phrases with <->, terms joined
 * by & (| for `title-any`). For `all`, matched against the whole tsvector, where the title carries
 * weight A and the rest weight B, a phrase must lie within one part, as within one FTS5 column (the
 * B positions follow the A ones). The title scopes are matched against the title's own tsvector.
 */
export function tsqueryExpression(terms: readonly SearchTerm[], scope: MatchScope): string {
  const phrase = (tokens: readonly string[], weight: string) => {
    const words = tokens.map((t) => `'${t}'${weight}`);
    return words.length === 1 ? words[0]! : `(${words.join(' <-> ')})`;
  };
  const parts = terms.map((t) => {
    const tokens = checked(t);
    if (scope !== 'all' || tokens.length === 1) return phrase(tokens, '');
    return `(${phrase(tokens, ':A')} | ${phrase(tokens, ':B')})`;
  });
  return parts.join(scope === 'title-any' ? ' | ' : ' & ');
}
