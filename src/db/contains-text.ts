import { sql, type RawBuilder } from 'kysely';

/**
 * `column` contains `text` literally: LIKE with `%`, `_` and `\` in the text escaped, and the ESCAPE
 * character spelled out (SQLite has none by default; PostgreSQL's is the backslash), so a search for
 * “50%” or “a_b” finds exactly those characters on both engines. Case follows each engine's LIKE
 * (Chinese text has none).
 */
export function containsText(column: string, text: string): RawBuilder<boolean> {
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<boolean>`${sql.ref(column)} like ${pattern} escape '\\'`;
}
