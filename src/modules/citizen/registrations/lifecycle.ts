import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.ts';
import { scopeOf } from '../../../platform/db/tenancy.ts';
import { activities, seasons } from '../activities/schema.ts';
import { releasePlace } from './places.ts';
import { HOLDS_PLACE, type RegistrationRow, type RegistrationStatus, registrations } from './schema.ts';

/** Confirms held registrations once their order is paid (or its first instalment is). */
export async function confirmHeld(
  tx: Executor,
  orgId: string,
  registrationIds: string[],
): Promise<RegistrationRow[]> {
  if (registrationIds.length === 0) return [];
  return tx
    .update(registrations)
    .set({ status: 'confirmed', confirmedAt: sql`now()`, holdExpiresAt: null, updatedAt: sql`now()` })
    .where(
      scopeOf(orgId).where(
        registrations,
        inArray(registrations.id, registrationIds),
        eq(registrations.status, 'pending_payment'),
      ),
    )
    .returning();
}

/**
 * Ends registrations (cancelled, expired, declined …) that are still in one of the `from` states, and
 * hands each place they held to the next person waiting. Activities are locked first, in a fixed order,
 * as the checkout does, so that ending and registering never deadlock. Returns the registrations ended
 * and the offers made (to notify once the transaction commits).
 */
export async function endRegistrations(
  tx: Executor,
  options: {
    orgId: string;
    ids: string[];
    from: readonly RegistrationStatus[];
    to: RegistrationStatus;
    extra?: Partial<Pick<RegistrationRow, 'cancelledByAccountId' | 'refundCents'>>;
    /** Only those whose deadline passed (expiry jobs): the condition is re-checked under the lock. */
    deadline?: 'hold' | 'offer';
  },
): Promise<{ ended: RegistrationRow[]; offered: RegistrationRow[] }> {
  const { orgId } = options;
  if (options.ids.length === 0) return { ended: [], offered: [] };
  const scope = scopeOf(orgId);
  const targets = await tx
    .select({ activityId: registrations.activityId })
    .from(registrations)
    .where(scope.where(registrations, inArray(registrations.id, options.ids)));
  const activityIds = [...new Set(targets.map((t) => t.activityId))].sort();
  if (activityIds.length === 0) return { ended: [], offered: [] };
  await tx
    .select({ id: activities.id })
    .from(activities)
    .where(scope.where(activities, inArray(activities.id, activityIds)))
    .orderBy(asc(activities.id))
    .for('update');
  // Statuses read under the activities' locks: every change of who holds a place takes them too.
  const previous = new Map(
    (
      await tx
        .select({ id: registrations.id, status: registrations.status })
        .from(registrations)
        .where(scope.where(registrations, inArray(registrations.id, options.ids)))
    ).map((r) => [r.id, r.status]),
  );
  const deadline =
    options.deadline === 'hold'
      ? sql`${registrations.holdExpiresAt} < now()`
      : options.deadline === 'offer'
        ? sql`${registrations.offerExpiresAt} < now()`
        : undefined;
  const ended = await tx
    .update(registrations)
    .set({
      status: options.to,
      cancelledAt: options.to === 'cancelled' ? sql`now()` : undefined,
      updatedAt: sql`now()`,
      ...options.extra,
    })
    .where(
      scope.where(
        registrations,
        and(
          inArray(registrations.id, options.ids),
          inArray(registrations.status, [...options.from]),
          deadline,
        ),
      ),
    )
    .returning();
  const offered: RegistrationRow[] = [];
  const offerHours = await offerHoursOf(tx, orgId, activityIds);
  for (const r of ended.sort((a, b) => a.activityId.localeCompare(b.activityId))) {
    const was = previous.get(r.id);
    if (!was || !HOLDS_PLACE.includes(was)) continue;
    const next = await releasePlace(tx, {
      orgId,
      activityId: r.activityId,
      offerHours: offerHours.get(r.activityId) ?? 48,
    });
    if (next) offered.push(next);
  }
  return { ended, offered };
}

async function offerHoursOf(
  tx: Executor,
  orgId: string,
  activityIds: string[],
): Promise<Map<string, number>> {
  const scope = scopeOf(orgId);
  const rows = await tx
    .select({ id: activities.id, hours: seasons.offerHours })
    .from(activities)
    .innerJoin(seasons, scope.where(seasons, eq(seasons.id, activities.seasonId)))
    .where(scope.where(activities, inArray(activities.id, activityIds)));
  return new Map(rows.map((r) => [r.id, r.hours]));
}
