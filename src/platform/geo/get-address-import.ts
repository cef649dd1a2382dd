import type { AuthContext } from '../auth/context.ts';
import type { Executor } from '../db/client.ts';
import type { ColumnMapping } from './column-mapping.ts';
import { loadAddressImport } from './load-address-import.ts';
import { requireAddressRegistrar } from './policies.ts';
import type { ImportStatus, StoredLineError } from './schema.ts';

/** An import's state and progress, for the person who started it. */
export interface AddressImportView {
  id: string;
  status: ImportStatus;
  format: 'csv' | 'geojson';
  fileName: string | null;
  columns: string[];
  mapping: ColumnMapping;
  total: number;
  processed: number;
  /** Whole percent of rows processed (100 once done). */
  percent: number;
  inserted: number;
  updated: number;
  errorCount: number;
  errors: StoredLineError[];
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

/** The progress of an import, readable by the person who started it (and the organisation's administrator). */
export async function getAddressImport(options: {
  db: Executor;
  auth: AuthContext | null;
  orgId: string;
  importId: string;
}): Promise<AddressImportView> {
  const { db, orgId, importId } = options;
  const who = requireAddressRegistrar(options.auth, orgId);
  const row = await loadAddressImport({ db, who, orgId, importId });
  const percent =
    row.status === 'done'
      ? 100
      : row.total > 0
        ? Math.min(99, Math.floor((row.processed * 100) / row.total))
        : 0;
  return {
    id: row.id,
    status: row.status,
    format: row.format,
    fileName: row.fileName,
    columns: row.columns,
    mapping: row.mapping,
    total: row.total,
    processed: row.processed,
    percent,
    inserted: row.inserted,
    updated: row.updated,
    errorCount: row.errorCount,
    errors: row.errors,
    createdAt: row.createdAt,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
  };
}
