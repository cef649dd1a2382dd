import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { addressImports } from './schema.ts';

/** Days an uploaded file waits to be started (or restarted after a failure) before it is dropped. */
export const IMPORT_FILE_RETENTION_DAYS = 7;

/**
 * Nightly, across organisations (a maintenance job, not a person): deletes previews never started and
 * drops the file of failed imports once they are a week old, so abandoned uploads do not fill the database.
 */
export async function purgeAddressImports(options: {
  db: Executor;
}): Promise<{ deleted: number; emptied: number }> {
  const { db } = options;
  const before = sql`now() - make_interval(days => ${IMPORT_FILE_RETENTION_DAYS})`;
  const deleted = await db
    .delete(addressImports)
    .where(and(eq(addressImports.status, 'previewed'), lt(addressImports.updatedAt, before)))
    .returning({ id: addressImports.id });
  const emptied = await db
    .update(addressImports)
    .set({ content: null })
    .where(
      and(
        inArray(addressImports.status, ['failed']),
        lt(addressImports.updatedAt, before),
        sql`${addressImports.content} IS NOT NULL`,
      ),
    )
    .returning({ id: addressImports.id });
  return { deleted: deleted.length, emptied: emptied.length };
}
