import { recordAudit } from '../audit/record-audit.ts';
import type { AuthContext } from '../auth/context.ts';
import type { Executor } from '../db/client.ts';
import type { Locale } from '../http/locale.ts';
import { receiptPdf } from './receipt-pdf.ts';
import { findStaffOrder } from './staff-order.ts';

/** Staff print the receipt of an order (a counter sale, a reprint); audited. */
export async function getOrderReceipt(options: {
  db: Executor;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  orderId: string;
  locale: Locale;
}): Promise<{ pdf: Buffer; fileName: string }> {
  const { db, orgId } = options;
  const { who, order } = await findStaffOrder(db, options.auth, orgId, options.orderId);
  const result = await receiptPdf(db, orgId, order.id, options.locale);
  await recordAudit(db, {
    orgId,
    actorAccountId: who.account.id,
    ip: options.ip,
    action: 'payments.receipt_printed',
    targetType: 'order',
    targetId: order.id,
    subjectAccountId: order.accountId,
  });
  return result;
}
