import type { AuthContext } from '../auth/context.ts';
import { requireAccount } from '../auth/policies.ts';
import type { Executor } from '../db/client.ts';
import type { Locale } from '../http/locale.ts';
import { findOwnOrder } from './get-my-order.ts';
import { receiptPdf } from './receipt-pdf.ts';

/** The PDF receipt of one of the signed-in person's orders, in their language. */
export async function getMyReceipt(options: {
  db: Executor;
  auth: AuthContext | null;
  orderId: string;
  orgId?: string;
  locale: Locale;
}): Promise<{ pdf: Buffer; fileName: string }> {
  const who = requireAccount(options.auth);
  const order = await findOwnOrder(options.db, who.account.id, options.orderId, options.orgId);
  return receiptPdf(options.db, order.orgId, order.id, options.locale);
}
