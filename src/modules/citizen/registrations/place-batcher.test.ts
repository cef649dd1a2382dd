import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../../../tests/support/factories.ts';
import { createTestContext, type TestContext } from '../../../../tests/support/harness.ts';
import { newId } from '../../../platform/db/ids.ts';
import { scopeOf } from '../../../platform/db/tenancy.ts';
import { isUniqueViolation } from '../../../platform/payments/start-payment.ts';
import { activityNow, createActivity, createSeason, createTown } from '../test-support.ts';
import { type AdmissionRequest, admitInTurn } from './place-batcher.ts';
import type { NewRegistration } from './places.ts';
import { registrations } from './schema.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
}, 120_000);
afterAll(async () => ctx?.close());

/** One new person's registration, as checkOut hands it to the batcher. */
async function household(activityId: string): Promise<NewRegistration[]> {
  const account = await createAccount(ctx.db);
  return [1].map(() => ({
    id: newId(),
    activityId,
    personId: account.personId,
    householdId: account.householdId,
    accountId: account.id,
    givenName: 'Parent',
    familyName: 'Test',
    birthDate: null,
    priceCategory: 'resident',
    residentOrgId: null,
    ageAtReference: null,
    listPriceCents: 1000,
    discountPercent: 0,
    amountCents: 1000,
    source: 'online',
    createdByAccountId: account.id,
  }));
}

describe('group commit of the places of one activity', () => {
  it('admits concurrent checkouts across the capacity edge in arrival order, never beyond it', async () => {
    const town = await createTown(ctx.db);
    const season = await createSeason(ctx.db, town.id);
    const activity = await createActivity(ctx.db, season, { capacity: 5 });
    const key = { orgId: town.id, activityId: activity.id, holdMinutes: season.holdMinutes };
    const requests: AdmissionRequest[] = [];
    for (let i = 0; i < 12; i++)
      requests.push({ people: await household(activity.id), acceptWaitlist: i % 4 !== 3 });
    // All sent at once: the first goes alone, the others wait for it and go together.
    const outcomes = await Promise.all(requests.map((r) => admitInTurn(ctx.db, key, r)));

    const statuses = outcomes.map((o) => o?.[0]?.status ?? 'refused');
    expect(statuses.slice(0, 5)).toEqual(Array(5).fill('pending_payment'));
    // After the edge: waitlisted in arrival order, refused where the waitlist was declined.
    expect(statuses.slice(5)).toEqual([
      'waitlisted',
      'waitlisted',
      'refused',
      'waitlisted',
      'waitlisted',
      'waitlisted',
      'refused',
    ]);
    const positions = outcomes.slice(5).flatMap((o) => (o ? [o[0]?.waitlistPosition] : []));
    expect(positions).toEqual([1, 2, 3, 4, 5]);
    expect(outcomes[0]?.[0]?.holdExpiresAt).toBeInstanceOf(Date);
    const now = await activityNow(ctx.db, town.id, activity.id);
    expect(now.taken).toBe(5);
    expect(now.waitlistSeq).toBe(5);
    const rows = await ctx.db
      .select()
      .from(registrations)
      .where(scopeOf(town.id).where(registrations, eq(registrations.activityId, activity.id)));
    expect(rows).toHaveLength(10);
  });

  it('takes a household’s places all or none, and lets a smaller later request take what is left', async () => {
    const town = await createTown(ctx.db);
    const season = await createSeason(ctx.db, town.id);
    const activity = await createActivity(ctx.db, season, { capacity: 3 });
    const key = { orgId: town.id, activityId: activity.id, holdMinutes: season.holdMinutes };
    const one = await household(activity.id);
    const two = await household(activity.id);
    const three = await household(activity.id);
    // A request of two people (two persons, as a parent registering two children).
    const pair = [...(await household(activity.id)), ...(await household(activity.id))];
    const outcomes = await Promise.all([
      admitInTurn(ctx.db, key, { people: one, acceptWaitlist: false }),
      admitInTurn(ctx.db, key, { people: two, acceptWaitlist: false }),
      admitInTurn(ctx.db, key, { people: pair, acceptWaitlist: false }),
      admitInTurn(ctx.db, key, { people: three, acceptWaitlist: false }),
    ]);
    expect(outcomes.map((o) => o?.length ?? 0)).toEqual([1, 1, 0, 1]);
    expect(outcomes[2]).toBeNull();
    expect((await activityNow(ctx.db, town.id, activity.id)).taken).toBe(3);
  });

  it('fails only the registration that conflicts; the others of its group are admitted', async () => {
    const town = await createTown(ctx.db);
    const season = await createSeason(ctx.db, town.id);
    const activity = await createActivity(ctx.db, season, { capacity: 10 });
    const key = { orgId: town.id, activityId: activity.id, holdMinutes: season.holdMinutes };
    const first = await household(activity.id);
    const others = [];
    for (let i = 0; i < 4; i++) others.push(await household(activity.id));
    // The same person twice (two devices, two idempotency keys): the database's unique key refuses the second.
    const again = first.map((p) => ({ ...p, id: newId() }));
    const sent = [first, others[0], again, others[1], others[2], others[3]] as NewRegistration[][];
    const settled = await Promise.allSettled(
      sent.map((people) => admitInTurn(ctx.db, key, { people, acceptWaitlist: true })),
    );
    expect(settled.map((s) => s.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
      'fulfilled',
    ]);
    const refused = settled[2];
    expect(refused?.status === 'rejected' && isUniqueViolation(refused.reason)).toBe(true);
    const now = await activityNow(ctx.db, town.id, activity.id);
    expect(now.taken).toBe(5);
  });

  it('refuses every request of an activity that does not exist, without failing', async () => {
    const town = await createTown(ctx.db);
    const key = { orgId: town.id, activityId: newId(), holdMinutes: 30 };
    expect(await admitInTurn(ctx.db, key, { people: [], acceptWaitlist: true })).toBeNull();
  });
});
