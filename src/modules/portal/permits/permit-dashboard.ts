import { and, eq, gte, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { elapsedDaysOf } from './file-clocks.ts';
import { requirePermitStaff } from './policies.ts';
import { permitApplications, permitTypes } from './schema.ts';
import { OPEN_STATUSES, PERMIT_STATUSES, type PermitStatus } from './state-machine.ts';

/**
 * Staff dashboard: files by step; for files awaiting a decision, time on the legal clock against the
 * legal delay (by type: on time, overdue, mean days); decisions of the last twelve months by type.
 */
export async function permitDashboard(options: {
  db: Executor;
  auth: AuthContext | null;
  orgId: string;
  now?: Date;
}) {
  requirePermitStaff(options.auth, options.orgId);
  const { db, orgId } = options;
  const now = options.now ?? new Date();
  const byStatus = await db
    .select({ status: permitApplications.status, n: sql<number>`count(*)::int` })
    .from(permitApplications)
    .where(inOrg(permitApplications, orgId, ne(permitApplications.status, 'draft')))
    .groupBy(permitApplications.status);
  const joinType = and(
    eq(permitTypes.orgId, permitApplications.orgId),
    eq(permitTypes.id, permitApplications.typeId),
  );
  const open = await db
    .select({
      id: permitApplications.id,
      reference: permitApplications.reference,
      status: permitApplications.status,
      code: permitTypes.code,
      typeFr: permitTypes.nameFr,
      typeEn: permitTypes.nameEn,
      legal: permitTypes.legalDelayDays,
    })
    .from(permitApplications)
    .innerJoin(permitTypes, joinType)
    .where(inOrg(permitApplications, orgId, inArray(permitApplications.status, [...OPEN_STATUSES])));
  const decidedSince = new Date(now.getTime() - 365 * 86_400_000);
  const decided = await db
    .select({ id: permitApplications.id, code: permitTypes.code, legal: permitTypes.legalDelayDays })
    .from(permitApplications)
    .innerJoin(permitTypes, joinType)
    .where(
      inOrg(
        permitApplications,
        orgId,
        eq(permitApplications.kind, 'permit'),
        isNotNull(permitApplications.decidedAt),
        gte(permitApplications.decidedAt, decidedSince),
      ),
    );
  const elapsed = await elapsedDaysOf(
    db,
    orgId,
    [...open.map((o) => o.id), ...decided.map((d) => d.id)],
    now,
  );
  const types = new Map<
    string,
    {
      code: string;
      name: { fr: string; en: string };
      legalDelayDays: number;
      open: number;
      overdue: number;
      openDays: number;
      decided: number;
      decidedDays: number;
      decidedLate: number;
    }
  >();
  const entry = (code: string, name: { fr: string; en: string }, legal: number) => {
    let e = types.get(code);
    if (!e) {
      e = {
        code,
        name,
        legalDelayDays: legal,
        open: 0,
        overdue: 0,
        openDays: 0,
        decided: 0,
        decidedDays: 0,
        decidedLate: 0,
      };
      types.set(code, e);
    }
    return e;
  };
  for (const o of open) {
    const e = entry(o.code, { fr: o.typeFr, en: o.typeEn }, o.legal);
    const days = elapsed.get(o.id) ?? 0;
    e.open++;
    e.openDays += days;
    if (days > o.legal) e.overdue++;
  }
  const names = new Map(open.map((o) => [o.code, { fr: o.typeFr, en: o.typeEn }]));
  const allTypes = await db
    .select({ code: permitTypes.code, fr: permitTypes.nameFr, en: permitTypes.nameEn })
    .from(permitTypes)
    .where(inOrg(permitTypes, orgId));
  for (const t of allTypes) names.set(t.code, { fr: t.fr, en: t.en });
  for (const d of decided) {
    const e = entry(d.code, names.get(d.code) ?? { fr: d.code, en: d.code }, d.legal);
    const days = elapsed.get(d.id) ?? 0;
    e.decided++;
    e.decidedDays += days;
    if (days > d.legal) e.decidedLate++;
  }
  const counts = new Map(byStatus.map((s) => [s.status, Number(s.n)]));
  return {
    byStatus: PERMIT_STATUSES.filter((s): s is Exclude<PermitStatus, 'draft'> => s !== 'draft').map(
      (status) => ({
        status,
        count: counts.get(status) ?? 0,
      }),
    ),
    byType: [...types.values()].map((e) => ({
      code: e.code,
      name: e.name,
      legalDelayDays: e.legalDelayDays,
      open: e.open,
      overdue: e.overdue,
      meanOpenDays: e.open ? Math.round((e.openDays / e.open) * 10) / 10 : null,
      decided: e.decided,
      meanDecisionDays: e.decided ? Math.round((e.decidedDays / e.decided) * 10) / 10 : null,
      decidedLate: e.decidedLate,
    })),
    openFiles: open
      .map((o) => ({
        id: o.id,
        reference: o.reference,
        status: o.status,
        type: { fr: o.typeFr, en: o.typeEn },
        elapsedBusinessDays: elapsed.get(o.id) ?? 0,
        legalDelayDays: o.legal,
      }))
      .sort(
        (a, b) =>
          b.elapsedBusinessDays / Math.max(1, b.legalDelayDays) -
          a.elapsedBusinessDays / Math.max(1, a.legalDelayDays),
      )
      .slice(0, 50),
  };
}
