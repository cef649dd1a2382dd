import { type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/** A case- and accent-insensitive "contains" on any of the columns (`Montréal` finds `montreal`). */
export function textMatches(q: string, ...columns: PgColumn[]): SQL {
  const pattern = `%${q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql`(${sql.join(
    columns.map((c) => sql`unaccent(${c}) ilike unaccent(${pattern})`),
    sql` or `,
  )})`;
}
