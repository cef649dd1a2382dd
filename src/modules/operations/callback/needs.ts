import { and, asc, count, desc, eq, gte, inArray, lt } from 'drizzle-orm';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Database, Executor } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { type PageQuery, pageWindow } from '../../../platform/http/pagination.ts';
import { verifyChain } from './log.ts';
import { requireCallbackReader } from './policies.ts';
import type { NeedRow } from './round.ts';
import { callbackEmployees, callbackLog, callbackNeeds, callbackOffers, type NeedStatus } from './schema.ts';

/** Names of people of the list by id (no contact details: readers include union representatives). */
export async function namesOf(db: Executor, orgId: string, ids: Array<string | null>) {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (wanted.length === 0) return new Map<string, { name: string; employeeNumber: string }>();
  const rows = await db
    .select({
      id: callbackEmployees.id,
      givenName: callbackEmployees.givenName,
      familyName: callbackEmployees.familyName,
      employeeNumber: callbackEmployees.employeeNumber,
    })
    .from(callbackEmployees)
    .where(inOrg(callbackEmployees, orgId, inArray(callbackEmployees.id, wanted)));
  return new Map(
    rows.map((r) => [r.id, { name: `${r.givenName} ${r.familyName}`, employeeNumber: r.employeeNumber }]),
  );
}

/** A need as the board shows it. */
export function needSummary(n: NeedRow, filledByName: string | null, pending: number) {
  return {
    id: n.id,
    reference: n.reference,
    jobClass: n.jobClass,
    startsAt: n.startsAt.toISOString(),
    endsAt: n.endsAt.toISOString(),
    place: n.place,
    qualifications: n.qualifications,
    urgent: n.urgent,
    note: n.note,
    status: n.status,
    filledByName,
    filledAt: n.filledAt?.toISOString() ?? null,
    createdAt: n.createdAt.toISOString(),
    pendingOffers: pending,
  };
}

/** The needs board (staff and union representatives): by status and period, soonest first. */
export async function listNeeds(options: {
  db: Database;
  auth: AuthContext | null;
  orgId: string;
  query: PageQuery & { status?: NeedStatus; from?: string; to?: string };
}) {
  const { db, orgId, query } = options;
  await requireCallbackReader(db, options.auth, orgId);
  const w = pageWindow(query);
  const where = inOrg(
    callbackNeeds,
    orgId,
    query.status ? eq(callbackNeeds.status, query.status) : undefined,
    query.from ? gte(callbackNeeds.startsAt, new Date(query.from)) : undefined,
    query.to ? lt(callbackNeeds.startsAt, new Date(query.to)) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(callbackNeeds)
      .where(where)
      .orderBy(query.status === 'open' ? asc(callbackNeeds.startsAt) : desc(callbackNeeds.startsAt))
      .limit(w.limit)
      .offset(w.offset),
    db.select({ n: count() }).from(callbackNeeds).where(where),
  ]);
  const ids = rows.map((r) => r.id);
  const pending = ids.length
    ? await db
        .select({ needId: callbackOffers.needId, n: count() })
        .from(callbackOffers)
        .where(
          inOrg(
            callbackOffers,
            orgId,
            inArray(callbackOffers.needId, ids),
            eq(callbackOffers.status, 'pending'),
          ),
        )
        .groupBy(callbackOffers.needId)
    : [];
  const names = await namesOf(
    db,
    orgId,
    rows.map((r) => r.filledBy),
  );
  return {
    items: rows.map((r) =>
      needSummary(
        r,
        r.filledBy ? (names.get(r.filledBy)?.name ?? null) : null,
        pending.find((p) => p.needId === r.id)?.n ?? 0,
      ),
    ),
    page: w.page,
    perPage: w.perPage,
    total: total?.n ?? 0,
  };
}

/** A need's log entries in order. */
export async function logOf(db: Executor, orgId: string, needId: string) {
  return db
    .select()
    .from(callbackLog)
    .where(and(inOrg(callbackLog, orgId), eq(callbackLog.needId, needId)))
    .orderBy(asc(callbackLog.seq));
}

/**
 * One need with its round: the offers (who, rank, when, answer) and the grievance log, with whether its
 * hash chain is whole. For staff and union representatives.
 */
export async function getNeed(options: {
  db: Database;
  auth: AuthContext | null;
  orgId: string;
  needId: string;
}) {
  const { db, orgId, needId } = options;
  const { capacity } = await requireCallbackReader(db, options.auth, orgId);
  const [need] = await db
    .select()
    .from(callbackNeeds)
    .where(inOrg(callbackNeeds, orgId, eq(callbackNeeds.id, needId)));
  if (!need) throw new AppError('callback.need_not_found', 404);
  const [offers, log] = await Promise.all([
    db
      .select()
      .from(callbackOffers)
      .where(and(inOrg(callbackOffers, orgId), eq(callbackOffers.needId, needId)))
      .orderBy(asc(callbackOffers.offeredAt), asc(callbackOffers.rank)),
    logOf(db, orgId, needId),
  ]);
  const names = await namesOf(db, orgId, [
    need.filledBy,
    ...offers.map((o) => o.employeeId),
    ...log.map((l) => l.employeeId),
  ]);
  const name = (id: string | null) => (id ? (names.get(id)?.name ?? null) : null);
  return {
    ...needSummary(need, name(need.filledBy), offers.filter((o) => o.status === 'pending').length),
    capacity,
    rules: need.rules,
    offers: offers.map((o) => ({
      id: o.id,
      employeeId: o.employeeId,
      employeeName: name(o.employeeId),
      employeeNumber: names.get(o.employeeId)?.employeeNumber ?? null,
      rank: o.rank,
      status: o.status,
      offeredAt: o.offeredAt.toISOString(),
      expiresAt: o.expiresAt.toISOString(),
      answeredAt: o.answeredAt?.toISOString() ?? null,
      answeredVia: o.answeredVia,
    })),
    log: log.map((l) => ({
      seq: l.seq,
      at: l.at.toISOString(),
      kind: l.kind,
      employeeId: l.employeeId,
      employeeName: name(l.employeeId),
      rank: l.rank,
      reason: l.reason,
      details: l.details,
      hash: l.hash,
    })),
    chain: verifyChain(log),
  };
}
