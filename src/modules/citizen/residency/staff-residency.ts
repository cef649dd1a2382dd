import { and, count, desc, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import { recordPersonalDataAccess } from '../../../platform/audit/record-personal-data-access.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import { requireRole } from '../../../platform/auth/policies.ts';
import { accounts } from '../../../platform/auth/schema.ts';
import type { Database, Executor } from '../../../platform/db/client.ts';
import { scopeOf } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { type PageQuery, pageWindow } from '../../../platform/http/pagination.ts';
import type { JobQueue } from '../../../platform/jobs/queue.ts';
import { notify } from '../../../platform/notify/notify.ts';
import { organisations } from '../../../platform/orgs/schema.ts';
import { todayInQuebec } from '../../../platform/people/birth-date.ts';
import { addYears, issueHouseholdCards, revokeHouseholdCards } from '../cards/issue-cards.ts';
import { RESIDENCY_DECIDED } from './emails.ts';
import { RESIDENCY_YEARS, type ResidencyView, residencyView } from './residency-view.ts';
import { type ResidencyStatus, residencies } from './schema.ts';

const staff = (auth: AuthContext | null, orgId: string) => requireRole(auth, orgId, ['recreation', 'clerk']);

/** Residencies of the town for staff (pending proofs first to check), with who submitted them; audited. */
export async function listResidencies(options: {
  db: Executor;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  status?: ResidencyStatus;
  page: PageQuery;
}): Promise<{
  items: Array<ResidencyView & { submittedBy: { name: string; email: string } | null }>;
  page: number;
  perPage: number;
  total: number;
}> {
  const who = staff(options.auth, options.orgId);
  const { db, orgId } = options;
  const scope = scopeOf(orgId);
  const where = scope.where(residencies, options.status ? eq(residencies.status, options.status) : undefined);
  const window = pageWindow(options.page);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        r: residencies,
        a: { givenName: accounts.givenName, familyName: accounts.familyName, email: accounts.email },
      })
      .from(residencies)
      .leftJoin(accounts, eq(accounts.id, residencies.submittedByAccountId))
      .where(where)
      .orderBy(desc(residencies.createdAt))
      .limit(window.limit)
      .offset(window.offset),
    db.select({ n: count() }).from(residencies).where(where),
  ]);
  await recordPersonalDataAccess(db, {
    orgId,
    actorAccountId: who.account.id,
    subjectAccountId: null,
    ip: options.ip,
    targetType: 'citizen_residency',
    targetId: orgId,
    purpose: 'residency.list',
    details: { status: options.status ?? null, count: rows.length },
  });
  return {
    items: rows.map(({ r, a }) => ({
      ...residencyView(r),
      submittedBy: a ? { name: `${a.givenName} ${a.familyName}`, email: a.email } : null,
    })),
    page: window.page,
    perPage: window.perPage,
    total: total?.n ?? 0,
  };
}

/**
 * Staff decide on an uploaded proof: approved, the residency becomes active for its full term and the
 * household's cards are issued; refused, it ends with the note. The person is told; audited.
 */
export async function decideResidency(options: {
  db: Database;
  jobs: JobQueue;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  residencyId: string;
  publicUrl: string;
  input: { approve: boolean; note?: string };
}): Promise<ResidencyView> {
  const who = staff(options.auth, options.orgId);
  const { db, orgId, input } = options;
  const scope = scopeOf(orgId);
  const today = todayInQuebec();
  const decided = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(residencies)
      .set({
        status: input.approve ? 'active' : 'rejected',
        startsOn: input.approve ? today : null,
        expiresOn: input.approve ? addYears(today, RESIDENCY_YEARS) : null,
        decidedByAccountId: who.account.id,
        decidedAt: sql`now()`,
        decisionNote: input.note?.trim() || null,
        updatedAt: sql`now()`,
      })
      .where(
        scope.where(residencies, eq(residencies.id, options.residencyId), eq(residencies.status, 'pending')),
      )
      .returning();
    if (!row) throw new AppError('residency.not_pending', 409);
    if (input.approve) await issueHouseholdCards(tx, { orgId, householdId: row.householdId });
    await recordAudit(tx, {
      orgId,
      actorAccountId: who.account.id,
      ip: options.ip,
      action: input.approve ? 'citizen.residency_approved' : 'citizen.residency_refused',
      targetType: 'citizen_residency',
      targetId: row.id,
      subjectAccountId: row.submittedByAccountId,
    });
    return row;
  });
  if (decided.submittedByAccountId) {
    const [org] = await db.select().from(organisations).where(eq(organisations.id, orgId));
    const [account] = await db.select().from(accounts).where(eq(accounts.id, decided.submittedByAccountId));
    await notify(
      { db, jobs: options.jobs },
      {
        accountId: decided.submittedByAccountId,
        orgId,
        category: 'account',
        template: RESIDENCY_DECIDED,
        params: {
          givenName: account?.givenName ?? '',
          town: { fr: org?.nameFr ?? '', en: org?.nameEn ?? '' },
          approved: input.approve,
          note: decided.decisionNote,
          url: `${options.publicUrl}/${org?.slug ?? ''}/residency`,
        },
      },
    );
  }
  return residencyView(decided);
}

/** Staff end a residency (the household left, or the proof was false): its cards stop working; audited. */
export async function endResidency(options: {
  db: Database;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  residencyId: string;
  input: { reason: 'moved' | 'revoked'; note?: string };
}): Promise<ResidencyView> {
  const who = staff(options.auth, options.orgId);
  const { db, orgId } = options;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(residencies)
      .set({
        status: 'ended',
        endedAt: sql`now()`,
        endReason: options.input.reason,
        decisionNote: options.input.note ?? null,
        updatedAt: sql`now()`,
      })
      .where(
        scopeOf(orgId).where(
          residencies,
          and(eq(residencies.id, options.residencyId), eq(residencies.status, 'active')),
        ),
      )
      .returning();
    if (!row) throw new AppError('residency.none', 404);
    await revokeHouseholdCards(tx, {
      orgId,
      householdId: row.householdId,
      reason: options.input.reason === 'moved' ? 'moved' : 'residency_ended',
      byAccountId: who.account.id,
    });
    await recordAudit(tx, {
      orgId,
      actorAccountId: who.account.id,
      ip: options.ip,
      action: 'citizen.residency_ended',
      targetType: 'citizen_residency',
      targetId: row.id,
      subjectAccountId: row.submittedByAccountId,
      details: { reason: options.input.reason },
    });
    return residencyView(row);
  });
}
