import { and, eq, isNull, lte, sql } from 'drizzle-orm';
import type { StripeConfig } from '../../config.ts';
import { accounts } from '../auth/schema.ts';
import type { Database } from '../db/client.ts';
import { scopeOf } from '../db/tenancy.ts';
import type { JobQueue } from '../jobs/queue.ts';
import { sendEmail } from '../notify/send-email.ts';
import { INSTALMENT_CHARGED_TEMPLATE, INSTALMENT_REMINDER_TEMPLATE } from './emails.ts';
import { formatCad } from './money.ts';
import { loadPaymentSettings } from './payment-settings.ts';
import { sandboxProvider } from './providers/sandbox.ts';
import { formatQuebecDate } from './receipt.ts';
import { orderInstalments, orders } from './schema.ts';
import { startPayment } from './start-payment.ts';

/** The queue of the daily instalment run (reminders, then automatic charges). */
export const INSTALMENTS_QUEUE = 'payments.instalments';

const REMIND_DAYS_BEFORE = 3;

/**
 * The daily run over every organisation's second instalments: a reminder a few days before the due date
 * (claimed by a conditional update, so two workers never send it twice), then at the due date the
 * automatic charge where the first instalment left a card to charge (the sandbox's test card; Stripe
 * instalments are paid by the person from the reminder).
 */
export async function processDueInstalments(options: {
  db: Database;
  jobs: JobQueue;
  stripeConfig: StripeConfig;
  publicUrl: string;
  now?: Date;
}): Promise<{ reminded: number; charged: number; declined: number }> {
  const { db } = options;
  const now = options.now ?? new Date();
  const horizon = new Date(now.getTime() + REMIND_DAYS_BEFORE * 86_400_000);
  // A sweep across organisations by design: each row is then handled inside its own organisation.
  const due = await db
    .select({
      instalment: orderInstalments,
      order: orders,
      email: accounts.email,
      givenName: accounts.givenName,
      locale: accounts.locale,
    })
    .from(orderInstalments)
    .innerJoin(orders, and(eq(orders.orgId, orderInstalments.orgId), eq(orders.id, orderInstalments.orderId)))
    .leftJoin(accounts, eq(accounts.id, orders.accountId))
    .where(
      and(
        eq(orderInstalments.status, 'due'),
        eq(orderInstalments.number, 2),
        eq(orders.status, 'partially_paid'),
        lte(orderInstalments.dueAt, horizon),
      ),
    );
  let reminded = 0;
  let charged = 0;
  let declined = 0;
  for (const { instalment, order, email, givenName, locale } of due) {
    const scope = scopeOf(order.orgId);
    const lang = locale ?? 'fr';
    const params = {
      givenName: givenName ?? '',
      reference: order.reference,
      amount: formatCad(instalment.amountCents, lang),
      dueDate: formatQuebecDate(instalment.dueAt.toISOString(), lang),
      url: options.publicUrl,
      testMode: order.testMode,
    };
    if (instalment.sandboxCard && instalment.dueAt <= now) {
      const settings = await loadPaymentSettings(db, order.orgId, options.stripeConfig);
      const result = await startPayment({
        db,
        settings,
        orgId: order.orgId,
        orderId: order.id,
        provider: sandboxProvider(),
        cardNumber: instalment.sandboxCard,
        eventSource: { source: 'job' },
      }).catch(() => null);
      const succeeded = result?.result.status === 'succeeded';
      if (succeeded) charged++;
      else declined++;
      if (email)
        await sendEmail(options, {
          to: email,
          locale: lang,
          template: INSTALMENT_CHARGED_TEMPLATE,
          params: { ...params, succeeded },
          orgId: order.orgId,
        });
      continue;
    }
    if (!email) continue;
    const claimed = await db
      .update(orderInstalments)
      .set({ remindedAt: sql`now()` })
      .where(
        scope.where(
          orderInstalments,
          eq(orderInstalments.id, instalment.id),
          isNull(orderInstalments.remindedAt),
        ),
      )
      .returning({ id: orderInstalments.id });
    if (claimed.length === 0) continue;
    await sendEmail(options, {
      to: email,
      locale: lang,
      template: INSTALMENT_REMINDER_TEMPLATE,
      params,
      orgId: order.orgId,
    });
    reminded++;
  }
  return { reminded, charged, declined };
}
