import { and, asc, eq, sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '../../../platform/db/client.ts';
import { scopeOf } from '../../../platform/db/tenancy.ts';
import { activities } from '../activities/schema.ts';
import { type RegistrationRow, registrations } from './schema.ts';

/**
 * The one statement that takes places: it adds `n` to `taken` only while the result stays within the
 * capacity, so two people can never get the last place, whatever the interleaving (the database re-checks
 * the condition on the latest row version after waiting for a concurrent update). The benchmark measures
 * the raw rate of this very statement.
 */
export function takePlacesStatement(orgId: string, activityId: string, n: number) {
  return sql`UPDATE citizen_activities SET taken = taken + ${n}
    WHERE org_id = ${orgId} AND id = ${activityId} AND status = 'published' AND taken + ${n} <= capacity
    RETURNING taken`;
}

/** Takes `n` places at once (all or none); true when taken. */
export async function takePlaces(
  tx: Executor,
  options: { orgId: string; activityId: string; n: number },
): Promise<boolean> {
  const result = await tx.execute(takePlacesStatement(options.orgId, options.activityId, options.n));
  return rowsOf(result).length > 0;
}

/**
 * Hands out `n` consecutive waitlist positions, only while the activity is still too full for them: this
 * takes the activity's row lock, so it queues behind a place being freed, and a place freed in between
 * makes it answer null (the caller then tries to take the place again).
 */
export async function waitlistPositions(
  tx: Executor,
  options: { orgId: string; activityId: string; n: number },
): Promise<number[] | null> {
  const scope = scopeOf(options.orgId);
  const [row] = await tx
    .update(activities)
    .set({ waitlistSeq: sql`${activities.waitlistSeq} + ${options.n}` })
    .where(
      scope.where(
        activities,
        eq(activities.id, options.activityId),
        sql`${activities.taken} + ${options.n} > ${activities.capacity}`,
      ),
    )
    .returning({ last: activities.waitlistSeq });
  if (!row) return null;
  return Array.from({ length: options.n }, (_, i) => row.last - options.n + 1 + i);
}

/**
 * Frees one place of an activity whose registration stopped holding it: the place goes to the first
 * person on the waitlist as a time-limited offer (the place stays counted), or back to the pool when
 * nobody waits. The activity's row is locked first so that this and a concurrent registration that is
 * joining the waitlist happen one after the other: a freed place never sits empty while someone waits.
 */
export async function releasePlace(
  tx: Executor,
  options: { orgId: string; activityId: string; offerHours: number },
): Promise<RegistrationRow | null> {
  const scope = scopeOf(options.orgId);
  await tx
    .select({ id: activities.id })
    .from(activities)
    .where(scope.where(activities, eq(activities.id, options.activityId)))
    .for('update');
  const next = tx
    .select({ id: registrations.id })
    .from(registrations)
    .where(
      scope.where(
        registrations,
        and(eq(registrations.activityId, options.activityId), eq(registrations.status, 'waitlisted')),
      ),
    )
    .orderBy(asc(registrations.waitlistPosition))
    .limit(1)
    .for('update', { skipLocked: true });
  const [offered] = await tx
    .update(registrations)
    .set({
      status: 'offered',
      offerExpiresAt: sql`now() + ${`${options.offerHours} hours`}::interval`,
      updatedAt: sql`now()`,
    })
    .where(scope.where(registrations, sql`${registrations.id} = (${next})`))
    .returning();
  if (offered) return offered;
  await tx
    .update(activities)
    .set({ taken: sql`${activities.taken} - 1` })
    .where(scope.where(activities, eq(activities.id, options.activityId), sql`${activities.taken} > 0`));
  return null;
}

/**
 * Offers places that opened without anyone leaving (staff raised the capacity): while the activity has
 * room and people wait, the next one is offered a place, counted at once. Same lock as releasePlace.
 */
export async function offerOpenPlaces(
  tx: Executor,
  options: { orgId: string; activityId: string; offerHours: number },
): Promise<RegistrationRow[]> {
  const scope = scopeOf(options.orgId);
  const offered: RegistrationRow[] = [];
  await tx
    .select({ id: activities.id })
    .from(activities)
    .where(scope.where(activities, eq(activities.id, options.activityId)))
    .for('update');
  for (;;) {
    const [waiting] = await tx
      .select({ id: registrations.id })
      .from(registrations)
      .where(
        scope.where(
          registrations,
          and(eq(registrations.activityId, options.activityId), eq(registrations.status, 'waitlisted')),
        ),
      )
      .orderBy(asc(registrations.waitlistPosition))
      .limit(1)
      .for('update', { skipLocked: true });
    if (!waiting) return offered;
    if (!(await takePlaces(tx, { orgId: options.orgId, activityId: options.activityId, n: 1 })))
      return offered;
    const [row] = await tx
      .update(registrations)
      .set({
        status: 'offered',
        offerExpiresAt: sql`now() + ${`${options.offerHours} hours`}::interval`,
        updatedAt: sql`now()`,
      })
      .where(scope.where(registrations, eq(registrations.id, waiting.id)))
      .returning();
    if (row) offered.push(row);
  }
}
