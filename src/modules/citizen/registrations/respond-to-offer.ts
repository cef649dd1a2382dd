import { eq, sql } from 'drizzle-orm';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Database } from '../../../platform/db/client.ts';
import { scopeOf } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { JobQueue } from '../../../platform/jobs/queue.ts';
import { activities, seasons } from '../activities/schema.ts';
import { findOwnRegistration } from './find-own-registration.ts';
import { endRegistrations } from './lifecycle.ts';
import { queueOfferNotices } from './notices.ts';
import { orderFor } from './order-for.ts';
import { type RegistrationView, registrationView } from './registration-view.ts';
import { registrations } from './schema.ts';

/**
 * Accepts a waitlist offer: the place already kept for the person becomes a held registration (until the
 * offer's deadline or the season's usual hold, whichever is later) with its order to pay.
 */
export async function acceptOffer(options: {
  db: Database;
  auth: AuthContext | null;
  orgId: string;
  registrationId: string;
}): Promise<{ registration: RegistrationView; orderId: string | null }> {
  const { db, orgId } = options;
  const { household, registration } = await findOwnRegistration(
    db,
    options.auth,
    orgId,
    options.registrationId,
  );
  const scope = scopeOf(orgId);
  const [season] = await db
    .select({ holdMinutes: seasons.holdMinutes })
    .from(activities)
    .innerJoin(seasons, scope.where(seasons, eq(seasons.id, activities.seasonId)))
    .where(scope.where(activities, eq(activities.id, registration.activityId)));
  const holdMinutes = season?.holdMinutes ?? 30;
  const [accepted] = await db
    .update(registrations)
    .set({
      status: 'pending_payment',
      holdExpiresAt: sql`greatest(${registrations.offerExpiresAt}, now() + ${`${holdMinutes} minutes`}::interval)`,
      updatedAt: sql`now()`,
    })
    .where(
      scope.where(
        registrations,
        eq(registrations.id, registration.id),
        eq(registrations.status, 'offered'),
        sql`${registrations.offerExpiresAt} > now()`,
      ),
    )
    .returning();
  if (!accepted) throw new AppError('registration.no_offer', 409);
  const order = await orderFor({
    db,
    orgId,
    accountId: household.accountId,
    registrationIds: [accepted.id],
    customerName: `${household.self.givenName} ${household.self.familyName}`,
  });
  const [now] = await db
    .select()
    .from(registrations)
    .where(scope.where(registrations, eq(registrations.id, accepted.id)));
  return { registration: registrationView(now ?? accepted), orderId: order?.id ?? null };
}

/** Declines a waitlist offer: the place goes at once to the next person waiting. */
export async function declineOffer(options: {
  db: Database;
  jobs: JobQueue;
  auth: AuthContext | null;
  orgId: string;
  registrationId: string;
}): Promise<RegistrationView> {
  const { db, orgId } = options;
  const { registration } = await findOwnRegistration(db, options.auth, orgId, options.registrationId);
  const { ended, offered } = await db.transaction((tx) =>
    endRegistrations(tx, { orgId, ids: [registration.id], from: ['offered'], to: 'offer_declined' }),
  );
  if (!ended[0]) throw new AppError('registration.no_offer', 409);
  await queueOfferNotices(options.jobs, offered);
  return registrationView(ended[0]);
}

/** Makes the order of the household's held registrations that have none (the order step was interrupted). */
export async function payHeld(options: {
  db: Database;
  auth: AuthContext | null;
  orgId: string;
  registrationIds: string[];
}): Promise<{ orderId: string }> {
  const { db, orgId } = options;
  let household: Awaited<ReturnType<typeof findOwnRegistration>>['household'] | undefined;
  for (const id of options.registrationIds)
    household = (await findOwnRegistration(db, options.auth, orgId, id)).household;
  if (!household) throw new AppError('registration.nothing_to_pay', 409);
  const order = await orderFor({
    db,
    orgId,
    accountId: household.accountId,
    registrationIds: options.registrationIds,
    customerName: `${household.self.givenName} ${household.self.familyName}`,
  });
  if (!order) throw new AppError('registration.nothing_to_pay', 409);
  return { orderId: order.id };
}
