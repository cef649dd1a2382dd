import type { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import type { Database } from '../../../platform/db/client.ts';
import { scopeOf } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { organisations } from '../../../platform/orgs/schema.ts';
import { activateRollImport, failRollImport, purgeStaleRollImports } from './finish-roll-import.ts';
import { type RollUnit, toRollUnit, type UnitRejection } from './mamh-format.ts';
import { RollFormatError, type RollHeader, readRoll } from './read-roll.ts';
import { type StreetIds, writeRollBatch } from './roll-batch.ts';
import { rollImports, type StoredRejection } from './schema.ts';

/** Whether a database error is a unique-key violation (Drizzle wraps the driver's error as `cause`). */
function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause)
    if ((e as { code?: unknown }).code === '23505') return true;
  return false;
}

/** Units written per statement: large enough to amortise the round trip, small enough for bounded memory. */
export const ROLL_BATCH_SIZE = 1000;
// Refused units kept with their line in the import row (the counts have them all).
const KEPT_REJECTIONS = 200;

/** Progress of a running import. */
export interface RollImportProgress {
  bytesRead: number;
  bytesTotal: number | null;
  unitsRead: number;
}

/** What an import did: counts, refused units with reasons, and the fault that stopped it if any. */
export interface RollImportSummary {
  importId: string;
  status: 'active' | 'failed';
  year: number | null;
  municipalityCode: string | null;
  unitsRead: number;
  unitsImported: number;
  unitsRejected: number;
  rejectedByReason: Record<string, number>;
  rejections: StoredRejection[];
  error: { code: string; line: number | null; column: number | null; message: string } | null;
}

/** Creates the import row (refused with 409 while another import of the organisation runs). */
export async function beginRollImport(
  db: Database,
  options: { orgId: string; fileName: string; bytesTotal?: number | null; actorAccountId?: string | null },
): Promise<string> {
  await purgeStaleRollImports(db, options.orgId);
  try {
    const [row] = await db
      .insert(rollImports)
      .values(
        scopeOf(options.orgId).rows({
          fileName: options.fileName.slice(0, 200),
          bytesTotal: options.bytesTotal ?? null,
          createdByAccountId: options.actorAccountId ?? null,
        }),
      )
      .returning({ id: rollImports.id });
    if (!row) throw new Error('roll import insert returned no row');
    return row.id;
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('roll.import_running', 409);
    throw error;
  }
}

function checkMunicipality(org: { geoCode: string; kind: string }, header: RollHeader): void {
  const code = header.municipality;
  const matches = org.kind === 'mrc' ? code === `NR${org.geoCode.padStart(3, '0')}` : code === org.geoCode;
  if (!matches)
    throw new RollFormatError(
      'roll.wrong_municipality',
      0,
      0,
      `the file is the roll of ${code}, not of this organisation (${org.geoCode})`,
    );
}

/**
 * Imports a MAMH roll file by streaming it: units are written in batches into a staged import that no
 * reader sees; at the end the import becomes the organisation's roll for its year in one transaction (the
 * previous year's roll stays beside it). A malformed file, or one of another municipality, fails the
 * import with the line of the fault and its staged rows are deleted: nothing is ever half-imported.
 * Refused units (bad matricule, number or date, duplicates) are counted with their line and reason.
 * No policy here: callers (CLI, staff job, demo seed) check theirs.
 */
export async function importRoll(options: {
  db: Database;
  orgId: string;
  source: Readable;
  fileName: string;
  bytesTotal?: number | null;
  actorAccountId?: string | null;
  importId?: string;
  batchSize?: number;
  onProgress?: (progress: RollImportProgress) => void | Promise<void>;
}): Promise<RollImportSummary> {
  const { db, orgId } = options;
  const [org] = await db
    .select({ geoCode: organisations.geoCode, kind: organisations.kind })
    .from(organisations)
    .where(eq(organisations.id, orgId));
  if (!org) throw new AppError('org.not_found', 404);
  const importId = options.importId ?? (await beginRollImport(db, options));
  const scope = scopeOf(orgId);
  const batchSize = options.batchSize ?? ROLL_BATCH_SIZE;
  const summary: RollImportSummary = {
    importId,
    status: 'failed',
    year: null,
    municipalityCode: null,
    unitsRead: 0,
    unitsImported: 0,
    unitsRejected: 0,
    rejectedByReason: {},
    rejections: [],
    error: null,
  };
  const reject = (r: UnitRejection) => {
    summary.unitsRejected++;
    summary.rejectedByReason[r.code] = (summary.rejectedByReason[r.code] ?? 0) + 1;
    if (summary.rejections.length < KEPT_REJECTIONS)
      summary.rejections.push({ line: r.line, code: r.code, ...(r.field ? { field: r.field } : {}) });
  };
  let bytesRead = 0;
  const streets: StreetIds = new Map();
  let batch: RollUnit[] = [];
  const progress = async () => {
    await db
      .update(rollImports)
      .set({
        bytesRead,
        unitsRead: summary.unitsRead,
        unitsImported: summary.unitsImported,
        unitsRejected: summary.unitsRejected,
        rejections: summary.rejections,
      })
      .where(scope.where(rollImports, eq(rollImports.id, importId)));
    await options.onProgress?.({
      bytesRead,
      bytesTotal: options.bytesTotal ?? null,
      unitsRead: summary.unitsRead,
    });
  };
  const flush = async () => {
    if (batch.length === 0 || summary.year === null) return;
    const written = await writeRollBatch(db, { orgId, importId, year: summary.year, streets }, batch);
    summary.unitsImported += written.inserted;
    for (const line of written.duplicateLines) reject({ line, code: 'roll.unit_duplicate', field: 'RL0104' });
    batch = [];
    await progress();
  };

  try {
    for await (const item of readRoll(options.source, { onBytes: (n) => (bytesRead += n) })) {
      if (item.kind === 'header') {
        checkMunicipality(org, item.header);
        summary.year = item.header.year;
        summary.municipalityCode = item.header.municipality;
        await db
          .update(rollImports)
          .set({
            year: item.header.year,
            municipalityCode: item.header.municipality,
            version: item.header.version,
          })
          .where(scope.where(rollImports, eq(rollImports.id, importId)));
        continue;
      }
      summary.unitsRead++;
      const converted = toRollUnit(item.unit);
      if ('rejection' in converted) reject(converted.rejection);
      else batch.push(converted.unit);
      if (batch.length >= batchSize) await flush();
    }
    await flush();
    if (summary.year === null) throw new RollFormatError('roll.header_missing', 1, 1, 'no RLM02A roll year');
    await activateRollImport(db, { orgId, importId, year: summary.year, summary });
    summary.status = 'active';
    return summary;
  } catch (error) {
    const known = error instanceof RollFormatError;
    summary.error = {
      code: known ? error.code : 'roll.import_failed',
      line: known && error.line > 0 ? error.line : null,
      column: known && error.column > 0 ? error.column : null,
      message: error instanceof Error ? error.message : String(error),
    };
    summary.unitsImported = 0;
    await failRollImport(db, { orgId, importId, summary, bytesRead });
    options.source.destroy();
    return summary;
  }
}
