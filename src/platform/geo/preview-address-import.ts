import type { AuthContext } from '../auth/context.ts';
import type { Executor } from '../db/client.ts';
import { scopeOf } from '../db/tenancy.ts';
import { detectMapping } from './column-mapping.ts';
import { buildPreview, type ImportPreview } from './import-preview.ts';
import { openSource } from './import-sources.ts';
import { requireAddressRegistrar } from './policies.ts';
import { addressImports } from './schema.ts';

/** An import as its preview shows it. */
export type ImportPreviewView = ImportPreview & {
  id: string;
  status: 'previewed';
  format: 'csv' | 'geojson';
  fileName: string | null;
  delimiter: string | null;
  columns: string[];
};

/**
 * Receives an address file (CSV or GeoJSON) and previews it: detected column mapping, the first rows
 * parsed, line-precise errors. The file is kept with the import, which waits for the person to start it.
 */
export async function previewAddressImport(options: {
  db: Executor;
  auth: AuthContext | null;
  orgId: string;
  input: { format: 'csv' | 'geojson'; text: string; fileName?: string };
}): Promise<ImportPreviewView> {
  const { db, orgId, input } = options;
  const who = requireAddressRegistrar(options.auth, orgId);
  const source = await openSource(input.format, input.text);
  const mapping = detectMapping(source.columns);
  const preview = await buildPreview(source, mapping);
  const fileName = input.fileName?.trim().slice(0, 200) || null;
  const [row] = await db
    .insert(addressImports)
    .values(
      scopeOf(orgId).rows({
        startedBy: who.account.id,
        format: input.format,
        fileName,
        columns: source.columns,
        mapping,
        delimiter: source.delimiter,
        content: input.text,
        total: preview.total,
        errorCount: preview.errorCount,
        errors: preview.errors,
      }),
    )
    .returning({ id: addressImports.id });
  if (!row) throw new Error('address import insert returned no row');
  return {
    id: row.id,
    status: 'previewed',
    format: input.format,
    fileName,
    delimiter: source.delimiter,
    columns: source.columns,
    ...preview,
  };
}
