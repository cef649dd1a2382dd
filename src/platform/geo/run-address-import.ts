import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { inOrg } from '../db/tenancy.ts';
import type { AddressInput } from './address-fields.ts';
import { MAX_STORED_ERRORS } from './import-preview.ts';
import { openSource } from './import-sources.ts';
import { scanSource } from './scan-import.ts';
import { addressImports, type StoredLineError } from './schema.ts';
import { upsertAddresses } from './upsert-addresses.ts';

/** Rows written per statement, and how often the progress the person reads moves. */
export const IMPORT_BATCH_ROWS = 500;

/**
 * Runs a queued import (the `geo.address-import` job): reads the file, upserts valid rows in batches
 * (the same address again updates its row, so running twice changes nothing twice), reports invalid
 * lines and skips them, and records progress after every batch. A failure is recorded on the import,
 * which the person can start again.
 */
export async function runAddressImport(options: {
  db: Executor;
  orgId: string;
  importId: string;
}): Promise<void> {
  const { db, orgId, importId } = options;
  const where = inOrg(addressImports, orgId, eq(addressImports.id, importId));
  const [row] = await db.select().from(addressImports).where(where);
  // A job for an import already done, or started again meanwhile, has nothing to do.
  if (!row || (row.status !== 'queued' && row.status !== 'running') || row.content === null) return;
  await db
    .update(addressImports)
    .set({
      status: 'running',
      processed: 0,
      inserted: 0,
      updated: 0,
      errorCount: 0,
      errors: [],
      updatedAt: sql`now()`,
    })
    .where(where);

  const source = `${row.format}:${row.fileName ?? row.id}`;
  let batch: AddressInput[] = [];
  let newErrors: StoredLineError[] = [];
  const totals = { processed: 0, inserted: 0, updated: 0, errorCount: 0, stored: 0 };

  const flush = async () => {
    const written = await upsertAddresses({ db, orgId, rows: batch, source });
    totals.inserted += written.inserted;
    totals.updated += written.updated;
    const kept = newErrors.slice(0, Math.max(0, MAX_STORED_ERRORS - totals.stored));
    totals.stored += kept.length;
    await db
      .update(addressImports)
      .set({
        processed: totals.processed,
        inserted: totals.inserted,
        updated: totals.updated,
        errorCount: totals.errorCount,
        errors: kept.length ? sql`${addressImports.errors} || ${JSON.stringify(kept)}::jsonb` : undefined,
        updatedAt: sql`now()`,
      })
      .where(where);
    batch = [];
    newErrors = [];
  };

  try {
    const scan = await scanSource(await openSource(row.format, row.content), row.mapping, {
      onAddress: async (_line, address) => {
        batch.push(address);
        totals.processed++;
        if (batch.length >= IMPORT_BATCH_ROWS) await flush();
      },
      onProblem: (error) => {
        newErrors.push(error);
        totals.processed++;
        totals.errorCount++;
      },
    });
    if (scan.fatal) {
      newErrors.push(scan.fatal);
      totals.errorCount++;
    }
    await flush();
    await db
      .update(addressImports)
      .set({
        status: 'done',
        total: scan.rows,
        finishedAt: sql`now()`,
        content: null,
        updatedAt: sql`now()`,
      })
      .where(where);
  } catch (error) {
    // Rows already written stay (they are valid and upserted); the person may start the import again.
    await db
      .update(addressImports)
      .set({ status: 'failed', finishedAt: sql`now()`, updatedAt: sql`now()` })
      .where(where);
    throw error;
  }
}
