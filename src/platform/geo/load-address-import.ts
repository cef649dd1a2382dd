import { eq, getTableColumns, sql } from 'drizzle-orm';
import type { AuthContext } from '../auth/context.ts';
import type { Executor } from '../db/client.ts';
import { inOrg } from '../db/tenancy.ts';
import { AppError } from '../http/errors.ts';
import { addressImports } from './schema.ts';

/** An import row as use cases read it (`content` only when asked: the file may weigh 50 MiB). */
export type AddressImportRow = typeof addressImports.$inferSelect;

const allColumns = getTableColumns(addressImports);
// Progress is polled every few seconds: it must not read the file each time.
const withoutFile = { ...allColumns, content: sql<string | null>`NULL` };

/**
 * An import of the organisation that this person started (or that its administrator oversees), or
 * `address_import.not_found` (404): another person's import is not even acknowledged.
 */
export async function loadAddressImport(options: {
  db: Executor;
  who: AuthContext;
  orgId: string;
  importId: string;
  forUpdate?: boolean;
  withFile?: boolean;
}): Promise<AddressImportRow> {
  const { db, who, orgId, importId } = options;
  const query = db
    .select(options.withFile ? allColumns : withoutFile)
    .from(addressImports)
    .where(inOrg(addressImports, orgId, eq(addressImports.id, importId)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  const isAdmin = who.memberships.some((m) => m.orgId === orgId && m.role === 'admin');
  if (!row || (row.startedBy !== who.account.id && !isAdmin))
    throw new AppError('address_import.not_found', 404);
  return row;
}
