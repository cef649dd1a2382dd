import { eq } from 'drizzle-orm';
import { accounts } from '../auth/schema.ts';
import type { Executor } from '../db/client.ts';
import { scopeOf } from '../db/tenancy.ts';
import { AppError } from '../http/errors.ts';
import type { Locale } from '../http/locale.ts';
import { organisations } from '../orgs/schema.ts';
import { orderView } from './order-view.ts';
import { buildReceipt } from './receipt.ts';
import { renderReceiptPdf } from './render-receipt.ts';
import { paymentSettings } from './schema.ts';

/** The PDF receipt of an order that received money, in one language, with its file name. */
export async function receiptPdf(
  db: Executor,
  orgId: string,
  orderId: string,
  locale: Locale,
): Promise<{ pdf: Buffer; fileName: string }> {
  const order = await orderView(db, orgId, orderId);
  if (!order) throw new AppError('payment.order_not_found', 404);
  if (order.paidCents === 0) throw new AppError('payment.no_receipt', 409);
  const [org] = await db
    .select({ nameFr: organisations.nameFr, nameEn: organisations.nameEn })
    .from(organisations)
    .where(eq(organisations.id, orgId));
  const [settings] = await db
    .select({ gstNumber: paymentSettings.gstNumber, qstNumber: paymentSettings.qstNumber })
    .from(paymentSettings)
    .where(scopeOf(orgId).where(paymentSettings));
  let customer = order.customerName;
  if (order.accountId) {
    const [account] = await db
      .select({ givenName: accounts.givenName, familyName: accounts.familyName })
      .from(accounts)
      .where(eq(accounts.id, order.accountId));
    if (account) customer = `${account.givenName} ${account.familyName}`;
  }
  const content = buildReceipt({
    order,
    issuer: {
      name: (locale === 'fr' ? org?.nameFr : org?.nameEn) ?? 'Civique',
      gstNumber: settings?.gstNumber ?? null,
      qstNumber: settings?.qstNumber ?? null,
    },
    customer,
    locale,
    issuedAt: new Date(),
  });
  const pdf = await renderReceiptPdf(content, locale);
  return { pdf, fileName: `${locale === 'fr' ? 'recu' : 'receipt'}-${order.reference}.pdf` };
}
