import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.ts';
import type { AuthContext } from '../auth/context.ts';
import type { Executor } from '../db/client.ts';
import { inOrg } from '../db/tenancy.ts';
import { AppError } from '../http/errors.ts';
import type { JobQueue } from '../jobs/queue.ts';
import { buildPreview } from './import-preview.ts';
import { openSource } from './import-sources.ts';
import { loadAddressImport } from './load-address-import.ts';
import { requireAddressRegistrar } from './policies.ts';
import { FATAL_CODES } from './scan-import.ts';
import { addressImports } from './schema.ts';

/** The queue that runs address imports. */
export const ADDRESS_IMPORT_QUEUE = 'geo.address-import';

/**
 * Starts a previewed (or failed) import: it is queued and runs in the background; its progress is read
 * with `getAddressImport`. A file whose checked rows hold no valid address, or that cannot be read, is refused.
 */
export async function startAddressImport(options: {
  db: Executor;
  jobs: JobQueue;
  auth: AuthContext | null;
  ip: string | null;
  orgId: string;
  importId: string;
}): Promise<{ id: string; status: 'queued' }> {
  const { db, jobs, orgId, importId } = options;
  const who = requireAddressRegistrar(options.auth, orgId);
  await db.transaction(async (tx) => {
    const row = await loadAddressImport({ db: tx, who, orgId, importId, forUpdate: true, withFile: true });
    if (row.status !== 'previewed' && row.status !== 'failed')
      throw new AppError('address_import.already_started', 409);
    if (row.content === null) throw new AppError('address_import.file_expired', 410);
    // The preview again (it is quick): the mapping may have changed since the upload.
    const preview = await buildPreview(await openSource(row.format, row.content), row.mapping);
    if (!preview.mappingComplete) throw new AppError('address_import.mapping_incomplete', 422);
    const fatal = preview.errors.find((e) => FATAL_CODES.has(e.code));
    if (fatal) throw new AppError(fatal.code, 422, { params: fatal.params ?? {} });
    if (preview.valid === 0) throw new AppError('address_import.nothing_to_import', 422);
    await tx
      .update(addressImports)
      .set({ status: 'queued', processed: 0, startedAt: sql`now()`, finishedAt: null, updatedAt: sql`now()` })
      .where(inOrg(addressImports, orgId, eq(addressImports.id, importId)));
    await recordAudit(tx, {
      orgId,
      actorAccountId: who.account.id,
      action: 'address_import.start',
      targetType: 'address_import',
      targetId: importId,
      ip: options.ip,
      details: { fileName: row.fileName, format: row.format, rows: row.total },
    });
  });
  // After the commit, so that the job never runs before the import is marked queued.
  await jobs.send(ADDRESS_IMPORT_QUEUE, { orgId, importId });
  return { id: importId, status: 'queued' };
}
