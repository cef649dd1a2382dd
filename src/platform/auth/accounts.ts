import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.ts';
import type { Executor } from '../db/client.ts';
import { accounts, memberships } from './schema.ts';

/** An account row as stored. */
export type AccountRow = typeof accounts.$inferSelect;

/** The canonical form of an e-mail address: trimmed and lower-case (accounts are unique on it). */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The account that owns an e-mail address, whatever its case. */
export async function findAccountByEmail(db: Executor, email: string): Promise<AccountRow | undefined> {
  const [row] = await db
    .select()
    .from(accounts)
    .where(sql`lower(${accounts.email}) = ${normalizeEmail(email)}`);
  return row;
}

/** Whether a database error is a unique-key violation (Drizzle wraps the driver's error as `cause`). */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

/**
 * Audits an account-level event (sign-in, sign-out, password reset, TOTP change) when the account is
 * staff somewhere or an installation administrator; citizens' own sign-ins are not staff actions.
 */
export async function auditAccountEvent(
  db: Executor,
  event: { accountId: string; action: string; ip: string | null; details?: Record<string, unknown> },
): Promise<void> {
  const [row] = await db
    .select({
      admin: accounts.isInstallationAdmin,
      staff: sql<boolean>`exists (select 1 from ${memberships} where ${memberships.accountId} = ${accounts.id})`,
    })
    .from(accounts)
    .where(eq(accounts.id, event.accountId));
  if (!row || !(row.admin || row.staff)) return;
  await recordAudit(db, {
    orgId: null,
    actorAccountId: event.accountId,
    subjectAccountId: event.accountId,
    action: event.action,
    targetType: 'account',
    targetId: event.accountId,
    ip: event.ip,
    details: event.details,
  });
}
