import { and, eq, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { Locale } from '../../../platform/http/locale.ts';
import type { JobQueue } from '../../../platform/jobs/queue.ts';
import { importView, KEPT_ERRORS } from './import-view.ts';
import { ingest } from './ingest.ts';
import { INSERT_CHUNK } from './insert-readings.ts';
import { loadStationRef } from './load-station.ts';
import { requireOperationsStaff } from './policies.ts';
import { checkRecords, mappingComplete, parseReadingsCsv } from './reading-csv.ts';
import { opsReadingImports } from './schema.ts';

/** The queue that runs reading imports. */
export const READING_IMPORT_QUEUE = 'operations.reading-import';

/** Staff start a previewed import; it runs in the background and its progress is read with getReadingImport. */
export async function startReadingImport(options: {
  db: Executor;
  jobs: JobQueue;
  auth: AuthContext | null;
  ip: string | null;
  orgId: string;
  importId: string;
  locale: Locale;
}) {
  const who = requireOperationsStaff(options.auth, options.orgId);
  // The status moves in one conditional statement: two clicks cannot start the import twice.
  const [row] = await options.db
    .update(opsReadingImports)
    .set({ status: 'queued', updatedAt: sql`now()` })
    .where(
      inOrg(
        opsReadingImports,
        options.orgId,
        eq(opsReadingImports.id, options.importId),
        inArray(opsReadingImports.status, ['previewed', 'failed']),
        sql`${opsReadingImports.content} IS NOT NULL`,
        sql`(${opsReadingImports.mapping}->>'observedAt') IS NOT NULL`,
      ),
    )
    .returning();
  if (!row) {
    const [existing] = await options.db
      .select({ status: opsReadingImports.status, mapping: opsReadingImports.mapping })
      .from(opsReadingImports)
      .where(inOrg(opsReadingImports, options.orgId, eq(opsReadingImports.id, options.importId)));
    if (!existing) throw new AppError('ops.import_not_found', 404);
    if (existing.status === 'previewed' && !mappingComplete(existing.mapping))
      throw new AppError('ops.import_mapping_incomplete', 422);
    throw new AppError('ops.import_already_started', 409);
  }
  if (!mappingComplete(row.mapping)) {
    await options.db
      .update(opsReadingImports)
      .set({ status: 'previewed' })
      .where(inOrg(opsReadingImports, options.orgId, eq(opsReadingImports.id, row.id)));
    throw new AppError('ops.import_mapping_incomplete', 422);
  }
  await recordAudit(options.db, {
    orgId: options.orgId,
    actorAccountId: who.account.id,
    action: 'ops.readings.import',
    targetType: 'ops_reading_import',
    targetId: row.id,
    ip: options.ip,
    details: { stationId: row.stationId, fileName: row.fileName, lines: row.total },
  });
  await options.jobs.send(READING_IMPORT_QUEUE, { orgId: options.orgId, importId: row.id });
  return importView(row, options.locale);
}

/** The job: checks every line, stores the good readings chunk by chunk and records progress. */
export async function runReadingImport(
  ctx: { db: Executor; jobs: JobQueue },
  data: { orgId: string; importId: string },
): Promise<void> {
  const where = inOrg(opsReadingImports, data.orgId, eq(opsReadingImports.id, data.importId));
  const [row] = await ctx.db
    .update(opsReadingImports)
    .set({ status: 'running', updatedAt: sql`now()` })
    .where(and(where, inArray(opsReadingImports.status, ['queued', 'running'])))
    .returning();
  if (!row || row.content === null) return;
  try {
    const station = await loadStationRef(ctx.db, data.orgId, row.stationId);
    const parsed = parseReadingsCsv(row.content);
    const { rows, errors } = checkRecords(station, parsed, row.mapping);
    let inserted = 0;
    let duplicates = 0;
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      const chunk = rows.slice(i, i + INSERT_CHUNK);
      const result = await ingest(ctx, data.orgId, chunk, 'csv');
      inserted += result.inserted;
      duplicates += result.duplicates;
      // Progress in readings checked-and-stored, scaled to the file's lines for the progress bar.
      const processed = Math.round(((i + chunk.length) / Math.max(1, rows.length)) * row.total);
      await ctx.db
        .update(opsReadingImports)
        .set({ processed, inserted, duplicates, updatedAt: sql`now()` })
        .where(where);
    }
    await ctx.db
      .update(opsReadingImports)
      .set({
        status: 'done',
        processed: row.total,
        inserted,
        duplicates,
        errorCount: errors.length,
        errors: errors.slice(0, KEPT_ERRORS),
        content: null,
        finishedAt: sql`now()`,
        updatedAt: sql`now()`,
      })
      .where(where);
  } catch (error) {
    await ctx.db.update(opsReadingImports).set({ status: 'failed', updatedAt: sql`now()` }).where(where);
    throw error;
  }
}

/** An import's progress and outcome. */
export async function getReadingImport(options: {
  db: Executor;
  auth: AuthContext | null;
  orgId: string;
  importId: string;
  locale: Locale;
}) {
  requireOperationsStaff(options.auth, options.orgId);
  const [row] = await options.db
    .select()
    .from(opsReadingImports)
    .where(inOrg(opsReadingImports, options.orgId, eq(opsReadingImports.id, options.importId)));
  if (!row) throw new AppError('ops.import_not_found', 404);
  return importView(row, options.locale);
}
