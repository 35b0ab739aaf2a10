import { literal } from 'sequelize';
import { likePattern } from '~/utils/list-params';

/** A string as an SQL literal: quotes doubled, which both SQLite and PostgreSQL read the same way. */
export const sqlString = (value: string) => `'${value.replace(/\0/g, '').replace(/'/g, "''")}'`;

/**
 * Case-insensitive "contains" on a column (`"Alias"."column"`), with the user's % and _ taken
 * literally — an explicit ESCAPE, because SQLite has no default escape character.
 */
export function containsText(quotedColumn: string, term: string) {
  return literal(`lower(${quotedColumn}) LIKE ${sqlString(likePattern(term.toLowerCase()))} ESCAPE '\\'`);
}

/** `ORDER BY` with missing values last on both dialects (SQLite puts NULL first, PostgreSQL last). */
export function nullsLast(quotedColumn: string) {
  return literal(`CASE WHEN ${quotedColumn} IS NULL THEN 1 ELSE 0 END`);
}
