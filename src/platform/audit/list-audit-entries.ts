import { and, count, desc, eq, ilike, type SQL, sql } from 'drizzle-orm';
import type { AuthContext } from '../auth/context.ts';
import { requireInstallationAdmin, requireRole } from '../auth/policies.ts';
import { accounts } from '../auth/schema.ts';
import type { Executor } from '../db/client.ts';
import { inOrg } from '../db/tenancy.ts';
import { type PageQuery, pageWindow } from '../http/pagination.ts';
import { auditLog } from './schema.ts';

/** Whose log is read: one organisation's (its administrators) or the whole installation's. */
export type AuditScope = { kind: 'org'; orgId: string } | { kind: 'installation' };

/** Filters of the audit log view; dates are calendar days in Quebec, both ends included. */
export interface AuditFilter {
  action?: string;
  actor?: string;
  from?: string;
  to?: string;
  /** Installation scope only: one organisation's entries. */
  orgId?: string;
}

/** An audit entry as administrators see it. */
export interface AuditEntryView {
  id: string;
  at: string;
  orgId: string | null;
  action: string;
  actorAccountId: string | null;
  actorEmail: string | null;
  actorName: string | null;
  targetType: string | null;
  targetId: string | null;
  subjectAccountId: string | null;
  ip: string | null;
  details: Record<string, unknown> | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Checks the reader may read the scope's log: org administrators, or installation administrators. */
export function requireAuditReader(auth: AuthContext | null, scope: AuditScope): AuthContext {
  return scope.kind === 'org' ? requireRole(auth, scope.orgId, ['admin']) : requireInstallationAdmin(auth);
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The WHERE clause of a scope and its filters. */
export function auditWhere(scope: AuditScope, filter: AuditFilter): SQL | undefined {
  const conditions: Array<SQL | undefined> = [
    // A prefix, so `privacy.` lists every privacy action.
    filter.action ? ilike(auditLog.action, `${escapeLike(filter.action)}%`) : undefined,
    filter.actor
      ? UUID.test(filter.actor)
        ? eq(auditLog.actorAccountId, filter.actor)
        : ilike(accounts.email, `%${escapeLike(filter.actor)}%`)
      : undefined,
    filter.from
      ? sql`${auditLog.at} >= ((${filter.from}::date)::timestamp AT TIME ZONE 'America/Toronto')`
      : undefined,
    filter.to
      ? sql`${auditLog.at} < (((${filter.to}::date) + 1)::timestamp AT TIME ZONE 'America/Toronto')`
      : undefined,
  ];
  if (scope.kind === 'org') return inOrg(auditLog, scope.orgId, ...conditions);
  return and(filter.orgId ? eq(auditLog.orgId, filter.orgId) : undefined, ...conditions);
}

const columns = {
  id: auditLog.id,
  at: auditLog.at,
  orgId: auditLog.orgId,
  action: auditLog.action,
  actorAccountId: auditLog.actorAccountId,
  actorEmail: accounts.email,
  actorGivenName: accounts.givenName,
  actorFamilyName: accounts.familyName,
  targetType: auditLog.targetType,
  targetId: auditLog.targetId,
  subjectAccountId: auditLog.subjectAccountId,
  ip: auditLog.ip,
  details: auditLog.details,
};

/** Reads entries newest first (shared by the list and the export). */
export async function selectAuditEntries(
  db: Executor,
  where: SQL | undefined,
  window: { limit: number; offset: number },
): Promise<AuditEntryView[]> {
  const rows = await db
    .select(columns)
    .from(auditLog)
    .leftJoin(accounts, eq(accounts.id, auditLog.actorAccountId))
    .where(where)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(window.limit)
    .offset(window.offset);
  return rows.map(({ actorGivenName, actorFamilyName, at, ...r }) => ({
    ...r,
    at: at.toISOString(),
    actorName: actorGivenName === null ? null : `${actorGivenName} ${actorFamilyName ?? ''}`.trim(),
  }));
}

/** A page of the audit log of an organisation or of the installation. Reading the log is not itself logged. */
export async function listAuditEntries(options: {
  db: Executor;
  auth: AuthContext | null;
  scope: AuditScope;
  query: PageQuery & AuditFilter;
}): Promise<{ items: AuditEntryView[]; page: number; perPage: number; total: number }> {
  requireAuditReader(options.auth, options.scope);
  const where = auditWhere(options.scope, options.query);
  const { limit, offset, page, perPage } = pageWindow(options.query);
  const items = await selectAuditEntries(options.db, where, { limit, offset });
  const [total] = await options.db
    .select({ n: count() })
    .from(auditLog)
    .leftJoin(accounts, eq(accounts.id, auditLog.actorAccountId))
    .where(where);
  return { items, page, perPage, total: total?.n ?? 0 };
}
