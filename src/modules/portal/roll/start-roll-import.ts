import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Database } from '../../../platform/db/client.ts';
import { scopeOf } from '../../../platform/db/tenancy.ts';
import type { PlatformDeps } from '../../../platform/deps.ts';
import { receiveToFile } from '../../../platform/files/receive.ts';
import type { UploadPart } from '../../../platform/files/store-upload.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { failRollImport } from './finish-roll-import.ts';
import { beginRollImport } from './import-roll.ts';
import { requireRollManager } from './policies.ts';
import { rollImports } from './schema.ts';

/** The queue of roll imports started from the web (the CLI imports in its own process). */
export const ROLL_IMPORT_QUEUE = 'portal.roll-import';
/** Largest roll file accepted through the web (Montréal's is about 800 MB). */
export const ROLL_UPLOAD_MAX_BYTES = 2 * 1024 ** 3;

/** Where an uploaded roll waits for its import job. */
export function rollUploadPath(dataDir: string, importId: string): string {
  return join(dataDir, 'tmp', `roll-${importId}.xml`);
}

/**
 * Receives a roll file from staff onto disk and queues its import; progress is read from the import row.
 * The policy is checked before any byte is stored.
 */
export async function startRollImport(options: {
  db: Database;
  deps: PlatformDeps;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  part: UploadPart;
}): Promise<{ importId: string }> {
  const who = requireRollManager(options.auth, options.orgId);
  const { db, deps, orgId, part } = options;
  if (!/\.xml$/i.test(part.filename)) throw new AppError('roll.not_xml', 415);
  const importId = await beginRollImport(db, {
    orgId,
    fileName: part.filename,
    actorAccountId: who.account.id,
  });
  const path = rollUploadPath(deps.config.dataDir, importId);
  try {
    await mkdir(join(deps.config.dataDir, 'tmp'), { recursive: true });
    const digest = await receiveToFile(part.file, path, ROLL_UPLOAD_MAX_BYTES);
    // The size is known only once received; progress is shown against it.
    await db
      .update(rollImports)
      .set({ bytesTotal: digest.size })
      .where(scopeOf(orgId).where(rollImports, eq(rollImports.id, importId)));
    await recordAudit(db, {
      orgId,
      actorAccountId: who.account.id,
      action: 'roll.import_started',
      targetType: 'roll_import',
      targetId: importId,
      ip: options.ip,
      details: { fileName: part.filename, bytes: digest.size },
    });
    await deps.jobs.send(ROLL_IMPORT_QUEUE, { orgId, importId, path });
    return { importId };
  } catch (error) {
    await rm(path, { force: true });
    await failRollImport(db, {
      orgId,
      importId,
      bytesRead: 0,
      summary: {
        importId,
        status: 'failed',
        year: null,
        municipalityCode: null,
        unitsRead: 0,
        unitsImported: 0,
        unitsRejected: 0,
        rejectedByReason: {},
        rejections: [],
        error: {
          code: error instanceof AppError ? error.code : 'roll.upload_failed',
          line: null,
          column: null,
          message: String(error),
        },
      },
    });
    throw error;
  }
}
