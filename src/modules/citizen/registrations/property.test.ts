import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../tests/support/harness.ts';
import { scopeOf } from '../../../platform/db/tenancy.ts';
import { activityNow, createActivity, createFamily, createSeason, createTown } from '../test-support.ts';
import { expireHolds, expireOffers } from './expire.ts';
import { HOLDS_PLACE, registrations } from './schema.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

const FAMILIES = 6;
const CAPACITY = 2;

type Op =
  | { kind: 'register'; who: number; waitlist: boolean }
  | { kind: 'pay' | 'cancel' | 'accept' | 'decline' | 'lapseHold' | 'lapseOffer'; who: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('register' as const), who: fc.nat(FAMILIES - 1), waitlist: fc.boolean() }),
  ...(['pay', 'cancel', 'accept', 'decline', 'lapseHold', 'lapseOffer'] as const).map((kind) =>
    fc.record({ kind: fc.constant(kind), who: fc.nat(FAMILIES - 1) }),
  ),
);
// Batches run concurrently: on PostgreSQL their statements really interleave.
const scenario = fc.array(fc.array(op, { minLength: 1, maxLength: 3 }), { minLength: 3, maxLength: 12 });

describe('places under any interleaving (model-based, fast-check)', () => {
  it('never exceeds capacity, never loses a paid registration, never leaves a place empty while someone waits', async () => {
    const town = await createTown(ctx.db);
    const season = await createSeason(ctx.db, town.id, { offerHours: 24 });
    const families: Array<Awaited<ReturnType<typeof createFamily>>> = [];
    for (let i = 0; i < FAMILIES; i++) families.push(await createFamily(ctx, { residentOf: town.id }));

    await fc.assert(
      fc.asyncProperty(scenario, async (batches) => {
        const activity = await createActivity(ctx.db, season, {
          minAge: null,
          maxAge: null,
          capacity: CAPACITY,
          priceResidentCents: 2500,
        });
        const base = `/api/citizen/orgs/${town.id}`;
        // The model: which registrations were paid (they must stay confirmed unless their owner cancels).
        const paid = new Set<string>();
        const current = async (who: number) => {
          const rows = await ctx.db
            .select()
            .from(registrations)
            .where(scopeOf(town.id).where(registrations, eq(registrations.activityId, activity.id)));
          return rows
            .filter((r) => r.personId === families[who]?.account.personId)
            .sort((a, b) => +b.createdAt - +a.createdAt)[0];
        };
        const run = async (o: Op) => {
          const f = families[o.who];
          if (!f) return;
          const r = await current(o.who);
          if (o.kind === 'register') {
            await f.client.post(`${base}/checkout`, {
              items: [{ activityId: activity.id, personId: f.account.personId }],
              acceptWaitlist: o.waitlist,
            });
          } else if (o.kind === 'pay' && r?.orderId && r.status === 'pending_payment') {
            const res = await f.client.post(`/api/me/orders/${r.orderId}/pay?orgId=${town.id}`, {
              provider: 'sandbox',
              card: { number: '4242424242424242' },
            });
            const order = (res.body as { order?: { status?: string } }).order;
            // Money that reached an order already cancelled is kept for a refund, not a registration.
            if (res.status === 200 && (order?.status === 'paid' || order?.status === 'partially_paid'))
              paid.add(r.id);
          } else if (o.kind === 'cancel' && r) {
            const res = await f.client.post(`${base}/registrations/${r.id}/cancel`);
            if (res.status === 200) paid.delete(r.id);
          } else if (o.kind === 'accept' && r) {
            await f.client.post(`${base}/registrations/${r.id}/accept-offer`);
          } else if (o.kind === 'decline' && r) {
            await f.client.post(`${base}/registrations/${r.id}/decline-offer`);
          } else if (o.kind === 'lapseHold' && r) {
            await ctx.db
              .update(registrations)
              .set({ holdExpiresAt: new Date(Date.now() - 1000) })
              .where(eq(registrations.id, r.id));
            await expireHolds({ db: ctx.db, jobs: ctx.jobs, stripeConfig: ctx.config.stripe });
          } else if (o.kind === 'lapseOffer' && r) {
            await ctx.db
              .update(registrations)
              .set({ offerExpiresAt: new Date(Date.now() - 1000) })
              .where(eq(registrations.id, r.id));
            await expireOffers({ db: ctx.db, jobs: ctx.jobs });
          }
        };
        for (const batch of batches) {
          await Promise.all(batch.map(run));
          const now = await activityNow(ctx.db, town.id, activity.id);
          const rows = await ctx.db
            .select()
            .from(registrations)
            .where(scopeOf(town.id).where(registrations, eq(registrations.activityId, activity.id)));
          const holding = rows.filter((x) => HOLDS_PLACE.includes(x.status)).length;
          const waiting = rows.filter((x) => x.status === 'waitlisted');
          expect(now.taken).toBeLessThanOrEqual(CAPACITY);
          expect(now.taken).toBe(holding);
          if (waiting.length > 0) expect(now.taken).toBe(CAPACITY);
          for (const id of paid) expect(rows.find((x) => x.id === id)?.status).toBe('confirmed');
          // One active registration per person, whatever the interleaving.
          const active = rows.filter((x) => [...HOLDS_PLACE, 'waitlisted'].includes(x.status));
          expect(new Set(active.map((x) => x.personId)).size).toBe(active.length);
          // Offers go in waitlist order: nobody still waiting is ahead of someone offered.
          const offered = rows.filter((x) => x.status === 'offered' && x.waitlistPosition !== null);
          for (const o of offered)
            for (const w of waiting) expect(o.waitlistPosition ?? 0).toBeLessThan(w.waitlistPosition ?? 0);
        }
      }),
      { numRuns: 20 },
    );
  });
});
