import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAccount, createOrg } from '../../../tests/support/factories.ts';
import { createTestContext, type TestContext } from '../../../tests/support/harness.ts';
import { scopeOf } from '../db/tenancy.ts';
import { AppError } from '../http/errors.ts';
import { cancelOrder } from './cancel-order.ts';
import { createOrder } from './create-order.ts';
import { orders, payments } from './schema.ts';

// The race: cancelOrder asks the provider about payments in flight, then takes the order's lock. A payment
// that starts in between (another request: the person pressed "pay" at that moment) must be seen under the
// lock. The hook below plays that request right after the provider check, deterministically on both databases.
const between = vi.hoisted(() => ({ run: null as null | (() => Promise<void>) }));
vi.mock('./start-payment.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('./start-payment.ts')>();
  return {
    ...original,
    closeDeclinedIntents: async (...args: Parameters<typeof original.closeDeclinedIntents>) => {
      await original.closeDeclinedIntents(...args);
      const run = between.run;
      between.run = null;
      if (run) await run();
    },
  };
});

let ctx: TestContext;
let org: { id: string };
let accountId: string;

const order = () =>
  createOrder({
    db: ctx.db,
    orgId: org.id,
    accountId,
    lines: [
      {
        module: 'citizen.testing',
        reference: crypto.randomUUID(),
        description: { fr: 'Camp de jour', en: 'Day camp' },
        unitPriceCents: 14500,
        taxCodes: [],
      },
    ],
  });

beforeAll(async () => {
  ctx = await createTestContext();
  org = await createOrg(ctx.db, { refPrefix: 'CAN' });
  accountId = (await createAccount(ctx.db)).id;
});
afterAll(async () => ctx?.close());

describe('cancelOrder', () => {
  it('refuses to cancel when a payment started between the provider check and the order lock', async () => {
    const created = await order();
    between.run = async () => {
      // What startPayment commits under the order's lock: a payment in flight, no provider answer yet.
      await ctx.db.insert(payments).values(
        scopeOf(org.id).rows({
          orderId: created.id,
          provider: 'sandbox',
          method: 'card',
          amountCents: created.totalCents,
          instalment: 1,
          testMode: true,
        }),
      );
    };
    const error = await cancelOrder({
      db: ctx.db,
      stripeConfig: ctx.config.stripe,
      orgId: org.id,
      orderId: created.id,
      reason: 'hold expired',
    }).catch((e: unknown) => e);
    expect(between.run).toBeNull();
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('payment.in_progress');
    const [row] = await ctx.db.select().from(orders).where(eq(orders.id, created.id));
    expect(row?.status).toBe('pending');
  });

  it('cancels an unpaid order with no payment in flight', async () => {
    const created = await order();
    const view = await cancelOrder({
      db: ctx.db,
      stripeConfig: ctx.config.stripe,
      orgId: org.id,
      orderId: created.id,
      reason: 'hold expired',
    });
    expect(view.status).toBe('cancelled');
    const inFlight = await ctx.db.select().from(payments).where(eq(payments.orderId, created.id));
    expect(inFlight).toHaveLength(0);
  });
});
