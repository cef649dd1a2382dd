import { and, eq, type SQL } from 'drizzle-orm';
import { type AnyPgColumn, type PgColumn, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core';
import { newId } from './ids.ts';

/**
 * The columns every tenant-owned table starts with: `org_id` and `id`, keyed together.
 * Spread them first in a pgTable definition and add `tenantKey(t)` to its extra config.
 */
export function tenantColumns(orgReference: () => AnyPgColumn) {
  return {
    orgId: uuid('org_id').notNull().references(orgReference, { onDelete: 'restrict' }),
    id: uuid('id').notNull().$defaultFn(newId),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  };
}

/** The composite primary key `(org_id, id)` that makes cross-tenant references impossible. */
export function tenantKey(t: { orgId: PgColumn; id: PgColumn }) {
  return primaryKey({ columns: [t.orgId, t.id] });
}

/** A table whose rows belong to one organisation. */
export interface TenantTable {
  orgId: PgColumn;
}

/**
 * The WHERE clause of a query inside one organisation: `org_id = $org AND …`.
 * Use cases build every tenant query through this (or `Scope.where`), so forgetting the
 * organisation is a visible omission rather than a silent default.
 */
export function inOrg(table: TenantTable, orgId: string, ...conditions: Array<SQL | undefined>): SQL {
  const clause = and(eq(table.orgId, orgId), ...conditions);
  if (!clause) throw new Error('unreachable: and() of a non-empty list');
  return clause;
}

/** An organisation scope carried by a use case: the only way it names the tenant. */
export interface Scope {
  readonly orgId: string;
  where(table: TenantTable, ...conditions: Array<SQL | undefined>): SQL;
  /** Stamps the organisation on rows to insert (overriding whatever the caller passed). */
  rows<T extends object>(values: T): T & { orgId: string };
}

/** Creates the scope of one organisation. */
export function scopeOf(orgId: string): Scope {
  return {
    orgId,
    where: (table, ...conditions) => inOrg(table, orgId, ...conditions),
    rows: (values) => ({ ...values, orgId }),
  };
}
