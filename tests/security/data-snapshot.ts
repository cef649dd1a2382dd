// A fingerprint of the data stored before a run (one md5 per row of every table), to check that hostile
// requests changed or removed nothing they had no right to. Rows the run may legitimately touch (the
// fuzzers' own organisation and accounts, and bookkeeping tables) are left out by the caller's filter.
import { sql } from 'drizzle-orm';
import type { Database } from '../../src/platform/db/client.ts';

/** Per table, the md5 of each row's text. */
export type Snapshot = Map<string, Set<string>>;

/** What to leave out: an organisation and accounts whose rows the run may change, and whole tables. */
export interface SnapshotFilter {
  orgId: string;
  accountIds: string[];
  householdIds: string[];
  skipTables: Set<string>;
}

async function columnsByTable(db: Database): Promise<Map<string, Set<string>>> {
  const rows = (await db.execute(
    sql`SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name IN
          (SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE')`,
  )) as unknown as { rows?: Array<{ table_name: string; column_name: string }> };
  const list = rows.rows ?? (rows as unknown as Array<{ table_name: string; column_name: string }>);
  const out = new Map<string, Set<string>>();
  for (const r of list) out.set(r.table_name, (out.get(r.table_name) ?? new Set()).add(r.column_name));
  return out;
}

const uuidList = (ids: string[]) =>
  sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );

/** Takes the fingerprint of every table (minus the filter). */
export async function snapshot(db: Database, filter: SnapshotFilter): Promise<Snapshot> {
  const out: Snapshot = new Map();
  for (const [table, columns] of await columnsByTable(db)) {
    if (filter.skipTables.has(table)) continue;
    const where = [sql`true`];
    if (columns.has('org_id')) where.push(sql`t.org_id IS DISTINCT FROM ${filter.orgId}::uuid`);
    if (table === 'organisations') where.push(sql`t.id <> ${filter.orgId}::uuid`);
    if (columns.has('account_id') && filter.accountIds.length)
      where.push(sql`t.account_id IS NULL OR t.account_id NOT IN (${uuidList(filter.accountIds)})`);
    if (table === 'accounts' && filter.accountIds.length)
      where.push(sql`t.id NOT IN (${uuidList(filter.accountIds)})`);
    if (columns.has('household_id') && filter.householdIds.length)
      where.push(sql`t.household_id NOT IN (${uuidList(filter.householdIds)})`);
    if (table === 'households' && filter.householdIds.length)
      where.push(sql`t.id NOT IN (${uuidList(filter.householdIds)})`);
    const result = (await db.execute(
      sql`SELECT md5(t::text) AS h FROM ${sql.identifier(table)} t WHERE ${sql.join(
        where.map((w) => sql`(${w})`),
        sql` AND `,
      )}`,
    )) as unknown as { rows?: Array<{ h: string }> };
    const rows = result.rows ?? (result as unknown as Array<{ h: string }>);
    out.set(table, new Set(rows.map((r) => r.h)));
  }
  return out;
}

/** Tables where a row present before is missing or changed after, with how many rows. */
export function changedRows(before: Snapshot, after: Snapshot): Record<string, number> {
  const changed: Record<string, number> = {};
  for (const [table, rows] of before) {
    const now = after.get(table) ?? new Set<string>();
    let missing = 0;
    for (const h of rows) if (!now.has(h)) missing++;
    if (missing) changed[table] = missing;
  }
  return changed;
}
