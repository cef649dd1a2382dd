import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../../platform/db/client.ts';
import { scopeOf } from '../../../platform/db/tenancy.ts';
import { createOrder } from '../../../platform/payments/create-order.ts';
import type { OrderView } from '../../../platform/payments/order-view.ts';
import { type ActivityRow, activities } from '../activities/schema.ts';
import { type RegistrationRow, registrations } from './schema.ts';

/** The payment module's name for what recreation sells. */
export const ORDER_MODULE = 'citizen.registration';

/**
 * Creates one order for held registrations (each a line, its price already discounted) and links them
 * to it. Runs after the places were committed: the order's reference counter is a row of its own, and
 * keeping it out of the place-taking transaction keeps that transaction as short as the statement
 * that takes the places. Only registrations still held and still without an order are ordered.
 */
export async function orderFor(options: {
  db: Database;
  orgId: string;
  accountId: string | null;
  registrationIds: string[];
  customerName?: string | null;
  createdByAccountId?: string | null;
  source?: 'module' | 'staff';
  /** Holds committed a moment ago by the caller, with their activities (no claim needed: they cannot lapse yet). */
  fresh?: Array<{ registration: RegistrationRow; activity: ActivityRow }>;
}): Promise<OrderView | null> {
  const { db, orgId } = options;
  if (options.registrationIds.length === 0) return null;
  const scope = scopeOf(orgId);
  const held = options.fresh ?? (await claimHolds(db, orgId, options.registrationIds));
  if (held.length === 0) return null;

  const allowInstalments = held.every((h) => h.activity.allowInstalments);
  const firstStart = held.map((h) => h.activity.startsOn).sort()[0];
  // The second instalment falls half-way to the start at the latest, and never sooner than in 14 days.
  const dueAt = firstStart ? new Date(`${firstStart}T12:00:00Z`) : undefined;
  const soonest = new Date(Date.now() + 14 * 86_400_000);
  const order = await createOrder({
    db,
    orgId,
    accountId: options.accountId,
    customerName: options.customerName ?? null,
    createdByAccountId: options.createdByAccountId ?? null,
    allowInstalments: allowInstalments && held.some((h) => h.registration.amountCents > 0),
    secondInstalmentDueAt: dueAt && dueAt > soonest ? dueAt : soonest,
    source: options.source ?? 'module',
    actorAccountId: options.createdByAccountId ?? null,
    lines: held.map(({ registration: r, activity: a }) => ({
      module: ORDER_MODULE,
      reference: r.id,
      description: {
        fr: `${a.titleFr} — ${r.givenName} ${r.familyName}${r.discountPercent ? ` (rabais familial ${r.discountPercent} %)` : ''}`,
        en: `${a.titleEn} — ${r.givenName} ${r.familyName}${r.discountPercent ? ` (family discount ${r.discountPercent}%)` : ''}`,
      },
      unitPriceCents: r.amountCents,
      taxCodes: [],
    })),
  });
  await db
    .update(registrations)
    .set({ orderId: order.id })
    .where(
      scope.where(
        registrations,
        and(
          inArray(
            registrations.id,
            held.map((h) => h.registration.id),
          ),
          isNull(registrations.orderId),
        ),
      ),
    );
  return order;
}

/**
 * Claims holds to order: a hold being ordered is kept a little longer, and the expiry job (which re-checks
 * the deadline under the row lock) can no longer release it behind the order's back.
 */
async function claimHolds(db: Database, orgId: string, registrationIds: string[]) {
  const scope = scopeOf(orgId);
  const claimed = await db
    .update(registrations)
    .set({ holdExpiresAt: sql`greatest(${registrations.holdExpiresAt}, now() + interval '10 minutes')` })
    .where(
      scope.where(
        registrations,
        inArray(registrations.id, registrationIds),
        eq(registrations.status, 'pending_payment'),
        isNull(registrations.orderId),
        sql`${registrations.holdExpiresAt} > now()`,
      ),
    )
    .returning({ id: registrations.id });
  if (claimed.length === 0) return [];
  return db
    .select({ registration: registrations, activity: activities })
    .from(registrations)
    .innerJoin(activities, scope.where(activities, eq(activities.id, registrations.activityId)))
    .where(
      scope.where(
        registrations,
        inArray(
          registrations.id,
          claimed.map((c) => c.id),
        ),
      ),
    );
}
