import { eq, sql } from 'drizzle-orm';
import type { AuthContext } from '../auth/context.ts';
import type { Executor } from '../db/client.ts';
import { inOrg } from '../db/tenancy.ts';
import { AppError } from '../http/errors.ts';
import { ADDRESS_FIELDS, type ColumnMapping } from './column-mapping.ts';
import { buildPreview } from './import-preview.ts';
import { openSource } from './import-sources.ts';
import { loadAddressImport } from './load-address-import.ts';
import { requireAddressRegistrar } from './policies.ts';
import type { ImportPreviewView } from './preview-address-import.ts';
import { addressImports } from './schema.ts';

/** Previews an uploaded import again with the columns the person chose; the import keeps that mapping. */
export async function remapAddressImport(options: {
  db: Executor;
  auth: AuthContext | null;
  orgId: string;
  importId: string;
  input: { mapping: Partial<ColumnMapping> };
}): Promise<ImportPreviewView> {
  const { db, orgId, importId } = options;
  const who = requireAddressRegistrar(options.auth, orgId);
  const row = await loadAddressImport({ db, who, orgId, importId, withFile: true });
  if (row.status !== 'previewed' && row.status !== 'failed')
    throw new AppError('address_import.already_started', 409);
  if (row.content === null) throw new AppError('address_import.not_found', 404);
  const mapping = { ...row.mapping };
  for (const field of ADDRESS_FIELDS) {
    const column = options.input.mapping[field];
    if (column === undefined) continue;
    if (column !== null && !row.columns.includes(column))
      throw new AppError('address_import.mapping_unknown_column', 422, {
        params: { column },
        details: { field },
      });
    mapping[field] = column;
  }
  const preview = await buildPreview(await openSource(row.format, row.content), mapping);
  await db
    .update(addressImports)
    .set({
      status: 'previewed',
      mapping,
      total: preview.total,
      errorCount: preview.errorCount,
      errors: preview.errors,
      updatedAt: sql`now()`,
    })
    .where(inOrg(addressImports, orgId, eq(addressImports.id, importId)));
  return {
    id: row.id,
    status: 'previewed',
    format: row.format,
    fileName: row.fileName,
    delimiter: row.delimiter,
    columns: row.columns,
    ...preview,
  };
}
