import { and, arrayContains, desc, eq, gte, inArray, lte, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { type CallbackRules, type Candidate, localParts, type Slot } from './call-order.ts';
import {
  callbackAbsences,
  callbackAvailabilities,
  callbackEmployees,
  callbackNeeds,
  callbackOffers,
} from './schema.ts';

const DAY = 86_400_000;

/** The availability slots in effect on a date: the latest version applying from that date or before. */
export async function slotsInEffect(
  db: Executor,
  orgId: string,
  employeeIds: readonly string[],
  onDate: string,
): Promise<Map<string, Slot[]>> {
  const result = new Map<string, Slot[]>();
  if (employeeIds.length === 0) return result;
  const rows = await db
    .select()
    .from(callbackAvailabilities)
    .where(
      inOrg(
        callbackAvailabilities,
        orgId,
        inArray(callbackAvailabilities.employeeId, [...employeeIds]),
        lte(callbackAvailabilities.effectiveFrom, onDate),
      ),
    )
    .orderBy(desc(callbackAvailabilities.effectiveFrom), desc(callbackAvailabilities.createdAt));
  for (const r of rows) if (!result.has(r.employeeId)) result.set(r.employeeId, r.slots);
  return result;
}

/**
 * Everyone of a job class with what the rules look at for one need: slots in effect on its date,
 * absences, other accepted shifts around it and refusals in the rules' period.
 */
export async function loadCandidates(
  db: Executor,
  orgId: string,
  need: { id: string; jobClass: string; startsAt: Date; endsAt: Date },
  rules: CallbackRules,
): Promise<Candidate[]> {
  const employees = await db
    .select()
    .from(callbackEmployees)
    .where(inOrg(callbackEmployees, orgId, arrayContains(callbackEmployees.jobClasses, [need.jobClass])));
  if (employees.length === 0) return [];
  const ids = employees.map((e) => e.id);
  const from = new Date(
    Math.min(need.startsAt.getTime() - rules.periodDays * DAY, need.startsAt.getTime() - 8 * DAY),
  );
  const to = new Date(need.endsAt.getTime() + 8 * DAY);
  // One after the other: inside a transaction the queries share one connection.
  const slots = await slotsInEffect(db, orgId, ids, localParts(need.startsAt).date);
  const absences = await db
    .select()
    .from(callbackAbsences)
    .where(
      inOrg(
        callbackAbsences,
        orgId,
        inArray(callbackAbsences.employeeId, ids),
        sql`${callbackAbsences.startsAt} < ${to} and ${callbackAbsences.endsAt} > ${from}`,
      ),
    );
  const shifts = await db
    .select({
      employeeId: callbackNeeds.filledBy,
      startsAt: callbackNeeds.startsAt,
      endsAt: callbackNeeds.endsAt,
    })
    .from(callbackNeeds)
    .where(
      inOrg(
        callbackNeeds,
        orgId,
        eq(callbackNeeds.status, 'filled'),
        inArray(callbackNeeds.filledBy, ids),
        ne(callbackNeeds.id, need.id),
        gte(callbackNeeds.endsAt, from),
        lte(callbackNeeds.startsAt, to),
      ),
    );
  const refusals = await db
    .select({
      employeeId: callbackOffers.employeeId,
      at: callbackOffers.answeredAt,
      hours: callbackOffers.hours,
      status: callbackOffers.status,
    })
    .from(callbackOffers)
    .where(
      inOrg(
        callbackOffers,
        orgId,
        inArray(callbackOffers.employeeId, ids),
        inArray(callbackOffers.status, ['refused', 'expired']),
        gte(callbackOffers.answeredAt, from),
      ),
    );
  return employees.map((e) => ({
    id: e.id,
    employeeNumber: e.employeeNumber,
    active: e.active,
    jobClasses: e.jobClasses,
    qualifications: e.qualifications,
    seniorityHours: e.seniorityHours,
    seniorityDate: e.seniorityDate,
    slots: slots.get(e.id) ?? [],
    absences: absences.filter((a) => a.employeeId === e.id),
    assignments: shifts.filter((s) => s.employeeId === e.id),
    refusals: refusals
      .filter((r) => r.employeeId === e.id && r.at)
      .map((r) => ({ at: r.at as Date, hours: r.hours, kind: r.status as 'refused' | 'expired' })),
  }));
}

/** An employee's availability version history (newest first), for their space and staff. */
export async function availabilityHistory(db: Executor, orgId: string, employeeId: string) {
  return db
    .select()
    .from(callbackAvailabilities)
    .where(and(inOrg(callbackAvailabilities, orgId), eq(callbackAvailabilities.employeeId, employeeId)))
    .orderBy(desc(callbackAvailabilities.effectiveFrom), desc(callbackAvailabilities.createdAt))
    .limit(20);
}
