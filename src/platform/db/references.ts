import { sql } from 'drizzle-orm';
import { type Executor, rowsOf } from './client.ts';

/** Formats a human reference such as `RDL-2026-000123`. */
export function formatReference(prefix: string, year: number, n: number): string {
  return `${prefix}-${year}-${String(n).padStart(6, '0')}`;
}

/** Takes the next reference number atomically (one statement; no gaps under concurrency within a transaction). */
export async function nextReference(
  db: Executor,
  options: { orgId: string; prefix: string; kind: string; year: number },
): Promise<string> {
  const result = await db.execute(sql`
    INSERT INTO reference_counters (org_id, kind, year, last)
    VALUES (${options.orgId}, ${options.kind}, ${options.year}, 1)
    ON CONFLICT (org_id, kind, year) DO UPDATE SET last = reference_counters.last + 1
    RETURNING last`);
  const row = rowsOf<{ last: number }>(result)[0];
  if (!row) throw new Error('reference counter returned no row');
  return formatReference(options.prefix, options.year, Number(row.last));
}
