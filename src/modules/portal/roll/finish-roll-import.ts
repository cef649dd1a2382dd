import { and, eq, inArray, lt, ne, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../../platform/db/client.ts';
import { scopeOf } from '../../../platform/db/tenancy.ts';
import { forgetActiveRolls } from './active-roll.ts';
import type { RollImportSummary } from './import-roll.ts';
import { rollImports, rollLots, rollStreets, rollUnits } from './schema.ts';

// An import still `running` after this long was cut off (the process stopped): its staged rows go.
const STALE_AFTER_MS = 6 * 3600_000;

/** Deletes the staged rows of an import (units first: they reference its streets). */
export async function deleteImportRows(db: Executor, orgId: string, importId: string): Promise<void> {
  const scope = scopeOf(orgId);
  await db.delete(rollLots).where(scope.where(rollLots, eq(rollLots.importId, importId)));
  await db.delete(rollUnits).where(scope.where(rollUnits, eq(rollUnits.importId, importId)));
  await db.delete(rollStreets).where(scope.where(rollStreets, eq(rollStreets.importId, importId)));
}

/** Marks imports cut off long ago as failed and deletes the rows of failed and superseded imports. */
export async function purgeStaleRollImports(db: Database, orgId: string): Promise<void> {
  const scope = scopeOf(orgId);
  await db
    .update(rollImports)
    .set({ status: 'failed', errorCode: 'roll.import_interrupted', finishedAt: new Date() })
    .where(
      scope.where(
        rollImports,
        eq(rollImports.status, 'running'),
        lt(rollImports.createdAt, new Date(Date.now() - STALE_AFTER_MS)),
      ),
    );
  const leftovers = await db
    .selectDistinct({ id: rollUnits.importId })
    .from(rollUnits)
    .innerJoin(
      rollImports,
      and(eq(rollImports.orgId, rollUnits.orgId), eq(rollImports.id, rollUnits.importId)),
    )
    .where(scope.where(rollUnits, inArray(rollImports.status, ['failed', 'superseded'])));
  for (const { id } of leftovers) await deleteImportRows(db, orgId, id);
}

/**
 * Makes a finished import the organisation's roll for its year, in one transaction: the previous import of
 * the same year is superseded (other years stay). Then places units whose address the address register
 * knows with coordinates, and deletes the superseded rows.
 */
export async function activateRollImport(
  db: Database,
  options: { orgId: string; importId: string; year: number; summary: RollImportSummary },
): Promise<void> {
  const { orgId, importId, year, summary } = options;
  const scope = scopeOf(orgId);
  const superseded = await db.transaction(async (tx) => {
    const old = await tx
      .update(rollImports)
      .set({ status: 'superseded' })
      .where(
        scope.where(
          rollImports,
          eq(rollImports.year, year),
          eq(rollImports.status, 'active'),
          ne(rollImports.id, importId),
        ),
      )
      .returning({ id: rollImports.id });
    await tx
      .update(rollImports)
      .set({
        status: 'active',
        unitsRead: summary.unitsRead,
        unitsImported: summary.unitsImported,
        unitsRejected: summary.unitsRejected,
        rejections: summary.rejections,
        finishedAt: new Date(),
      })
      .where(scope.where(rollImports, eq(rollImports.id, importId)));
    return old.map((o) => o.id);
  });
  // Fresh statistics for the planner after a bulk load (search plans depend on them too).
  await db.execute(sql`ANALYZE roll_units, roll_streets, roll_lots`);
  forgetActiveRolls(orgId);
  await locateRollUnits(db, orgId, importId);
  for (const id of superseded) await deleteImportRows(db, orgId, id);
}

/** Copies coordinates from the organisation's address register onto the units at the same address. */
export async function locateRollUnits(db: Executor, orgId: string, importId: string): Promise<void> {
  // The register's street words are computed once per address, matched to the roll's streets (small), and
  // only then joined to the units: a plan that stays linear whatever the statistics say of fresh rows.
  await db.execute(sql`
    WITH a AS MATERIALIZED (
      SELECT civic_number, latitude, longitude,
        civique_address_words(coalesce(street_type, '') || ' ' || street_name) AS words
      FROM addresses WHERE org_id = ${orgId} AND latitude IS NOT NULL
    ), located AS MATERIALIZED (
      SELECT DISTINCT ON (s.id, a.civic_number) s.id AS street_id, a.civic_number, a.latitude, a.longitude
      FROM roll_streets s JOIN a ON a.words = s.search_text
      WHERE s.org_id = ${orgId} AND s.import_id = ${importId}
    )
    UPDATE roll_units u SET latitude = l.latitude, longitude = l.longitude
    FROM located l
    WHERE u.org_id = ${orgId} AND u.import_id = ${importId}
      AND u.street_id = l.street_id AND u.civic_from = l.civic_number`);
}

/** Records why an import failed and deletes everything it staged. */
export async function failRollImport(
  db: Database,
  options: { orgId: string; importId: string; summary: RollImportSummary; bytesRead: number },
): Promise<void> {
  const { orgId, importId, summary } = options;
  await deleteImportRows(db, orgId, importId);
  await db
    .update(rollImports)
    .set({
      status: 'failed',
      bytesRead: options.bytesRead,
      unitsRead: summary.unitsRead,
      unitsImported: 0,
      unitsRejected: summary.unitsRejected,
      rejections: summary.rejections,
      errorCode: summary.error?.code ?? 'roll.import_failed',
      errorLine: summary.error?.line ?? null,
      errorMessage: summary.error?.message.slice(0, 500) ?? null,
      finishedAt: new Date(),
    })
    .where(scopeOf(orgId).where(rollImports, eq(rollImports.id, importId)));
}
