import { and, eq, gt, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Database } from '../../../platform/db/client.ts';
import { scopeOf } from '../../../platform/db/tenancy.ts';
import type { JobQueue } from '../../../platform/jobs/queue.ts';
import { notify } from '../../../platform/notify/notify.ts';
import { organisations } from '../../../platform/orgs/schema.ts';
import { formatCad } from '../../../platform/payments/money.ts';
import { orderView } from '../../../platform/payments/order-view.ts';
import { activities } from '../activities/schema.ts';
import { quebecDateTime } from './eligibility.ts';
import { PLACE_OFFERED, REGISTRATION_CONFIRMED } from './emails.ts';
import { type RegistrationRow, registrations } from './schema.ts';

/** The queue that sends the confirmation of a paid order's registrations. */
export const CONFIRMATION_QUEUE = 'citizen.registration-confirmation';
/** The queue that tells a person a place is offered to them. */
export const OFFER_NOTICE_QUEUE = 'citizen.offer-notice';

/** Asks for the confirmation of an order's registrations (deduplicated per order). */
export async function queueConfirmation(jobs: JobQueue, orgId: string, orderId: string): Promise<void> {
  await jobs.send(
    CONFIRMATION_QUEUE,
    { orgId, orderId },
    { singletonKey: `confirm:${orderId}`, startAfter: 2 },
  );
}

/** Asks for the notice of each offer made (deduplicated per offer). */
export async function queueOfferNotices(jobs: JobQueue, offered: RegistrationRow[]): Promise<void> {
  for (const r of offered)
    await jobs.send(
      OFFER_NOTICE_QUEUE,
      { orgId: r.orgId, registrationId: r.id },
      { singletonKey: `offer:${r.id}:${r.offerExpiresAt?.getTime() ?? 0}`, startAfter: 1 },
    );
}

/**
 * Runs `send` once the caller's transaction is over. Handlers of order changes run inside the payment's
 * transaction, where a job cannot be enqueued (the embedded database has one connection); the jobs they
 * ask for re-read the state, so a transaction that rolled back sends nothing.
 */
export function afterTransaction(send: () => Promise<void>): void {
  setImmediate(() => {
    send().catch(() => {});
  });
}

/**
 * E-mails the confirmation (with the receipt's link) of an order's registrations, once: the rows are
 * claimed by setting `confirmation_sent_at` in the statement that reads them.
 */
export async function sendConfirmation(options: {
  db: Database;
  jobs: JobQueue;
  publicUrl: string;
  orgId: string;
  orderId: string;
}): Promise<number> {
  const { db, orgId } = options;
  const order = await orderView(db, orgId, options.orderId);
  if (!order) return 0;
  const scope = scopeOf(orgId);
  const claimed = await db
    .update(registrations)
    .set({ confirmationSentAt: sql`now()` })
    .where(
      scope.where(
        registrations,
        inArray(
          registrations.id,
          order.lines.map((l) => l.reference),
        ),
        eq(registrations.status, 'confirmed'),
        isNull(registrations.confirmationSentAt),
      ),
    )
    .returning();
  const accountId = order.accountId ?? claimed[0]?.accountId;
  if (claimed.length === 0 || !accountId) return 0;
  const [org] = await db.select().from(organisations).where(eq(organisations.id, orgId));
  const titles = await db
    .select({ id: activities.id, fr: activities.titleFr, en: activities.titleEn })
    .from(activities)
    .where(scope.where(activities, inArray(activities.id, [...new Set(claimed.map((c) => c.activityId))])));
  const titleOf = (id: string) => titles.find((t) => t.id === id) ?? { fr: '', en: '' };
  const [first] = claimed;
  await notify(
    { db, jobs: options.jobs },
    {
      accountId,
      orgId,
      category: 'recreation',
      channels: ['email', 'inapp'],
      template: REGISTRATION_CONFIRMED,
      params: {
        givenName: first?.givenName ?? '',
        town: { fr: org?.nameFr ?? '', en: org?.nameEn ?? '' },
        reference: order.reference,
        lines: claimed.map((c) => ({
          fr: `${titleOf(c.activityId).fr} — ${c.givenName} ${c.familyName}`,
          en: `${titleOf(c.activityId).en} — ${c.givenName} ${c.familyName}`,
        })),
        total: { fr: formatCad(order.totalCents, 'fr'), en: formatCad(order.totalCents, 'en') },
        receiptUrl: `${options.publicUrl}/api/me/orders/${order.id}/receipt.pdf?orgId=${orgId}`,
        registrationsUrl: `${options.publicUrl}/${org?.slug ?? ''}/registrations`,
        testMode: order.testMode,
      },
    },
  );
  return claimed.length;
}

/** Tells the guardian that a place is offered, while the offer still stands. */
export async function sendOfferNotice(options: {
  db: Database;
  jobs: JobQueue;
  publicUrl: string;
  orgId: string;
  registrationId: string;
}): Promise<boolean> {
  const { db, orgId } = options;
  const scope = scopeOf(orgId);
  const [row] = await db
    .select({ registration: registrations, activity: activities, org: organisations })
    .from(registrations)
    .innerJoin(activities, scope.where(activities, eq(activities.id, registrations.activityId)))
    .innerJoin(organisations, eq(organisations.id, registrations.orgId))
    .where(
      scope.where(
        registrations,
        and(eq(registrations.id, options.registrationId), eq(registrations.status, 'offered')),
        gt(registrations.offerExpiresAt, sql`now()`),
      ),
    );
  if (!row?.registration.accountId || !row.registration.offerExpiresAt) return false;
  const r = row.registration;
  const expires = r.offerExpiresAt as Date;
  await notify(
    { db, jobs: options.jobs },
    {
      accountId: r.accountId as string,
      orgId,
      category: 'recreation',
      urgency: 'high',
      template: PLACE_OFFERED,
      params: {
        givenName: r.givenName,
        participant: `${r.givenName} ${r.familyName}`,
        title: { fr: row.activity.titleFr, en: row.activity.titleEn },
        expires: { fr: quebecDateTime(expires, 'fr'), en: quebecDateTime(expires, 'en') },
        url: `${options.publicUrl}/${row.org.slug}/registrations`,
      },
    },
  );
  return true;
}

/** Confirmed registrations whose confirmation was never sent (a lost job): orders to confirm again. */
export async function unsentConfirmations(db: Database): Promise<Array<{ orgId: string; orderId: string }>> {
  const rows = await db
    .selectDistinct({ orgId: registrations.orgId, orderId: registrations.orderId })
    .from(registrations)
    .where(
      and(
        eq(registrations.status, 'confirmed'),
        isNull(registrations.confirmationSentAt),
        lt(registrations.confirmedAt, sql`now() - interval '1 minute'`),
      ),
    )
    .limit(500);
  return rows.flatMap((r) => (r.orderId ? [{ orgId: r.orgId, orderId: r.orderId }] : []));
}
