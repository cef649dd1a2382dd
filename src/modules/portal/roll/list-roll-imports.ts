import { count, desc, eq } from 'drizzle-orm';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { scopeOf } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { type PageQuery, pageWindow } from '../../../platform/http/pagination.ts';
import { requireRollManager } from './policies.ts';
import { rollImports } from './schema.ts';

type ImportRow = typeof rollImports.$inferSelect;

/** An import as staff follow it: status, progress, counts, refused units and the fault if any. */
export function rollImportView(row: ImportRow) {
  return {
    id: row.id,
    status: row.status,
    fileName: row.fileName,
    year: row.year,
    municipalityCode: row.municipalityCode,
    bytesTotal: row.bytesTotal,
    bytesRead: row.bytesRead,
    progress: row.bytesTotal ? Math.min(1, row.bytesRead / row.bytesTotal) : null,
    unitsRead: row.unitsRead,
    unitsImported: row.unitsImported,
    unitsRejected: row.unitsRejected,
    rejections: row.rejections,
    error: row.errorCode ? { code: row.errorCode, line: row.errorLine, message: row.errorMessage } : null,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/** One import of the organisation (staff). */
export async function getRollImport(options: {
  db: Executor;
  auth: AuthContext | null;
  orgId: string;
  importId: string;
}) {
  requireRollManager(options.auth, options.orgId);
  const [row] = await options.db
    .select()
    .from(rollImports)
    .where(scopeOf(options.orgId).where(rollImports, eq(rollImports.id, options.importId)));
  if (!row) throw new AppError('roll.import_not_found', 404);
  return rollImportView(row);
}

/** The organisation's imports, latest first (staff). */
export async function listRollImports(options: {
  db: Executor;
  auth: AuthContext | null;
  orgId: string;
  query: PageQuery;
}) {
  requireRollManager(options.auth, options.orgId);
  const { limit, offset, page, perPage } = pageWindow(options.query);
  const where = scopeOf(options.orgId).where(rollImports);
  const rows = await options.db
    .select()
    .from(rollImports)
    .where(where)
    .orderBy(desc(rollImports.createdAt))
    .limit(limit)
    .offset(offset);
  const [total] = await options.db.select({ n: count() }).from(rollImports).where(where);
  return { items: rows.map(rollImportView), page, perPage, total: total?.n ?? 0 };
}
