import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../tests/support/harness.ts';
import { scopeOf } from '../../../platform/db/tenancy.ts';
import { emailMessages } from '../../../platform/notify/schema.ts';
import {
  activityNow,
  createActivity,
  createFamily,
  createSeason,
  createTown,
  staffOf,
} from '../test-support.ts';
import { registrations } from './schema.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

type Checkout = {
  registrations: Array<{
    id: string;
    status: string;
    amountCents: number;
    discountPercent: number;
    waitlistPosition: number | null;
    orderId: string | null;
  }>;
  order: {
    id: string;
    reference: string;
    totalCents: number;
    status: string;
    allowInstalments: boolean;
  } | null;
};
type ErrorBody = {
  error: {
    code: string;
    message: string;
    details?: { items?: Array<{ index: number; code: string; message: string }> };
  };
};

describe('a cart of several activities for several children', () => {
  it('takes the places at confirmation, applies the family discount, and confirms on payment with an e-mail and receipt link', async () => {
    const town = await createTown(ctx.db, 'Joliette');
    const season = await createSeason(ctx.db, town.id, { discounts: [{ nth: 2, percent: 10 }] });
    const swim = await createActivity(ctx.db, season, { capacity: 5, allowInstalments: true });
    const dance = await createActivity(ctx.db, season, {
      titleFr: 'Danse',
      titleEn: 'Dance',
      priceResidentCents: 8000,
      capacity: 5,
    });
    const { client, children, account } = await createFamily(ctx, {
      children: ['2016-05-14', '2019-09-02'],
      residentOf: town.id,
    });
    const [lea, noah] = children as [string, string];
    const res = await client.post<Checkout>(`/api/citizen/orgs/${town.id}/checkout`, {
      items: [
        { activityId: swim.id, personId: lea },
        { activityId: swim.id, personId: noah },
        { activityId: dance.id, personId: lea },
        { activityId: dance.id, personId: noah },
      ],
    });
    expect(res.status).toBe(201);
    expect(res.body.registrations.map((r) => r.status)).toEqual(Array(4).fill('pending_payment'));
    // Léa (dearest total) is the first child; Noah, the second, pays 10 % less on both.
    const amounts = res.body.registrations.map((r) => r.amountCents).sort((a, b) => a - b);
    expect(amounts).toEqual([7200, 8000, 9000, 10000]);
    expect(res.body.order?.totalCents).toBe(34200);
    expect(res.body.order?.allowInstalments).toBe(false);
    expect((await activityNow(ctx.db, town.id, swim.id)).taken).toBe(2);
    expect((await activityNow(ctx.db, town.id, dance.id)).taken).toBe(2);

    const orderId = res.body.order?.id as string;
    const paid = await client.post<{ order: { status: string } }>(
      `/api/me/orders/${orderId}/pay?orgId=${town.id}`,
      {
        provider: 'sandbox',
        card: { number: '4242 4242 4242 4242' },
      },
    );
    expect(paid.status).toBe(200);
    const rows = await ctx.db
      .select()
      .from(registrations)
      .where(scopeOf(town.id).where(registrations, eq(registrations.orderId, orderId)));
    expect(rows.map((r) => r.status)).toEqual(Array(4).fill('confirmed'));
    await new Promise((r) => setTimeout(r, 50));
    await ctx.jobs.runPending(['citizen.registration-confirmation']);
    // The job may have been scheduled with a short delay: the sweep catches what it did not send.
    const { sendConfirmation } = await import('./notices.ts');
    await sendConfirmation({
      db: ctx.db,
      jobs: ctx.jobs,
      publicUrl: 'https://civique.example',
      orgId: town.id,
      orderId,
    });
    const [mail] = await ctx.db
      .select()
      .from(emailMessages)
      .where(
        and(
          eq(emailMessages.accountId, account.id),
          eq(emailMessages.template, 'citizen.registration_confirmed'),
        ),
      );
    expect(mail?.textBody).toContain(`/api/me/orders/${orderId}/receipt.pdf`);
    expect(mail?.textBody).toContain('Natation Junior — Enfant2 Test');
    const mine = await client.get<Array<{ status: string }>>(
      `/api/citizen/me/registrations?orgId=${town.id}`,
    );
    expect(mine.body.filter((r) => r.status === 'confirmed')).toHaveLength(4);
  });

  it('refuses, in French and in English, a child too young, a window not yet open, a full activity and a double registration, keeping the cart and the places', async () => {
    const town = await createTown(ctx.db);
    const season = await createSeason(ctx.db, town.id);
    const hockey = await createActivity(ctx.db, season, {
      titleFr: 'Hockey M11',
      titleEn: 'Hockey U11',
      minAge: 9,
      maxAge: 10,
      capacity: 3,
    });
    const full = await createActivity(ctx.db, season, {
      titleFr: 'Poterie',
      titleEn: 'Pottery',
      minAge: null,
      maxAge: null,
      capacity: 0,
    });
    const fr = await createFamily(ctx, { children: ['2020-02-01'], residentOf: town.id, locale: 'fr' });
    const tooYoung = await fr.client.post<ErrorBody>(`/api/citizen/orgs/${town.id}/checkout`, {
      items: [{ activityId: hockey.id, personId: fr.children[0] }],
    });
    expect(tooYoung.status).toBe(422);
    expect(tooYoung.body.error.code).toBe('registration.too_young');
    expect(tooYoung.body.error.message).toBe(
      'Enfant1 est trop jeune pour « Hockey M11 » : l’âge minimal est de 9 ans au 11 janvier 2027.',
    );

    const en = await createFamily(ctx, { children: ['2016-05-14'], locale: 'en' });
    const notOpen = await en.client.post<ErrorBody>(`/api/citizen/orgs/${town.id}/checkout`, {
      items: [{ activityId: hockey.id, personId: en.children[0] }],
    });
    expect(notOpen.status).toBe(422);
    expect(notOpen.body.error.code).toBe('registration.window_not_open');
    expect(notOpen.body.error.message).toMatch(/^Registration for “Hockey U11” opens for you on /);

    const resident = await createFamily(ctx, {
      children: ['2016-05-14', '2017-01-01'],
      residentOf: town.id,
      locale: 'en',
    });
    const both = await resident.client.post<ErrorBody>(`/api/citizen/orgs/${town.id}/checkout`, {
      items: [
        { activityId: hockey.id, personId: resident.children[0] },
        { activityId: full.id, personId: resident.children[1] },
      ],
    });
    expect(both.status).toBe(409);
    expect(both.body.error.code).toBe('registration.full');
    expect(both.body.error.message).toContain('“Pottery” is full. You can join the waitlist');
    expect(both.body.error.details?.items?.[0]).toMatchObject({ index: 1, code: 'registration.full' });
    // The whole cart was refused: the hockey place taken in the same transaction was given back.
    expect((await activityNow(ctx.db, town.id, hockey.id)).taken).toBe(0);

    const ok = await resident.client.post<Checkout>(`/api/citizen/orgs/${town.id}/checkout`, {
      items: [{ activityId: hockey.id, personId: resident.children[0] }],
    });
    expect(ok.status).toBe(201);
    const again = await resident.client.post<ErrorBody>(`/api/citizen/orgs/${town.id}/checkout`, {
      items: [{ activityId: hockey.id, personId: resident.children[0] }],
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('registration.already_registered');
    expect(again.body.error.message).toBe(
      'Enfant1 is already registered or on the waitlist for “Hockey U11”.',
    );
  });

  it('replays a checkout retried with the same Idempotency-Key instead of registering twice', async () => {
    const town = await createTown(ctx.db);
    const season = await createSeason(ctx.db, town.id);
    const swim = await createActivity(ctx.db, season, { capacity: 4 });
    const { client, children } = await createFamily(ctx, { children: ['2016-05-14'], residentOf: town.id });
    const body = { items: [{ activityId: swim.id, personId: children[0] }] };
    const first = await client.post<Checkout>(`/api/citizen/orgs/${town.id}/checkout`, body, {
      'idempotency-key': 'cart-0001-retry',
    });
    const second = await client.post<Checkout>(`/api/citizen/orgs/${town.id}/checkout`, body, {
      'idempotency-key': 'cart-0001-retry',
    });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.body.registrations[0]?.id).toBe(first.body.registrations[0]?.id);
    expect((await activityNow(ctx.db, town.id, swim.id)).taken).toBe(1);
  });
});

describe('waitlist, offers and cancellations', () => {
  it('refunds a citizen who cancels a paid registration at once, by the activity’s rules, through payments', async () => {
    const town = await createTown(ctx.db);
    const season = await createSeason(ctx.db, town.id);
    // Starts in 2027: more than 7 days away, so the full price comes back less the $15 fee.
    const camp = await createActivity(ctx.db, season, {
      capacity: 3,
      priceResidentCents: 10000,
      refundFullDaysBefore: 7,
      cancellationFeeCents: 1500,
    });
    const family = await createFamily(ctx, { children: ['2016-05-14', '2017-03-01'], residentOf: town.id });
    const [lea, noah] = family.children as [string, string];
    const res = await family.client.post<Checkout>(`/api/citizen/orgs/${town.id}/checkout`, {
      items: [
        { activityId: camp.id, personId: lea },
        { activityId: camp.id, personId: noah },
      ],
    });
    expect(res.status).toBe(201);
    const orderId = res.body.order?.id as string;
    const paid = await family.client.post(`/api/me/orders/${orderId}/pay?orgId=${town.id}`, {
      provider: 'sandbox',
      card: { number: '4242 4242 4242 4242' },
    });
    expect(paid.status).toBe(200);
    const leaRegistration = res.body.registrations.find((r) => r.status === 'pending_payment')?.id;

    const cancelled = await family.client.post<{
      registrations: Array<{ id: string; status: string }>;
      refundCents: number;
      refunded: boolean;
    }>(`/api/citizen/orgs/${town.id}/registrations/${leaRegistration}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ refundCents: 8500, refunded: true });
    expect(cancelled.body.registrations[0]?.status).toBe('cancelled');

    // The money went back through the order: one refund, settled, and the order partly refunded; the other
    // child stays registered and the place is free again.
    const order = await family.client.get<{
      status: string;
      refundedCents: number;
      refunds: Array<{ amountCents: number; status: string }>;
    }>(`/api/me/orders/${orderId}?orgId=${town.id}`);
    expect(order.body.status).toBe('partially_refunded');
    expect(order.body.refundedCents).toBe(8500);
    expect(order.body.refunds).toEqual([expect.objectContaining({ amountCents: 8500, status: 'succeeded' })]);
    const rows = await ctx.db
      .select()
      .from(registrations)
      .where(scopeOf(town.id).where(registrations, eq(registrations.orderId, orderId)));
    expect(rows.map((r) => r.status).sort()).toEqual(['cancelled', 'confirmed']);
    expect((await activityNow(ctx.db, town.id, camp.id)).taken).toBe(1);

    // Cancelling again refunds nothing more.
    const again = await family.client.post(
      `/api/citizen/orgs/${town.id}/registrations/${leaRegistration}/cancel`,
    );
    expect(again.status).toBe(409);
  });

  it('waitlists in arrival order, offers a freed place to the next, then to the one after when the offer expires', async () => {
    const town = await createTown(ctx.db);
    const season = await createSeason(ctx.db, town.id, { offerHours: 24 });
    const pottery = await createActivity(ctx.db, season, {
      minAge: null,
      maxAge: null,
      capacity: 1,
      priceResidentCents: 0,
    });
    const first = await createFamily(ctx, { residentOf: town.id });
    const second = await createFamily(ctx, { residentOf: town.id });
    const third = await createFamily(ctx, { residentOf: town.id });
    const register = (f: typeof first) =>
      f.client.post<Checkout>(`/api/citizen/orgs/${town.id}/checkout`, {
        items: [{ activityId: pottery.id, personId: f.account.personId }],
        acceptWaitlist: true,
      });
    const a = await register(first);
    expect(a.body.registrations[0]?.status).toBe('confirmed'); // free: paid at once
    const b = await register(second);
    const c = await register(third);
    expect(b.body.registrations[0]).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect(c.body.registrations[0]).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 });

    const cancelled = await first.client.post<{ registrations: Array<{ status: string }> }>(
      `/api/citizen/orgs/${town.id}/registrations/${a.body.registrations[0]?.id}/cancel`,
    );
    expect(cancelled.status).toBe(200);
    const [offered] = await ctx.db
      .select()
      .from(registrations)
      .where(eq(registrations.id, b.body.registrations[0]?.id as string));
    expect(offered?.status).toBe('offered');
    expect((await activityNow(ctx.db, town.id, pottery.id)).taken).toBe(1);
    await new Promise((r) => setTimeout(r, 30));
    await ctx.jobs.runPending(['citizen.offer-notice']);

    // The offer lapses: the place goes on to the third person.
    await ctx.db
      .update(registrations)
      .set({ offerExpiresAt: new Date(Date.now() - 1000) })
      .where(eq(registrations.id, b.body.registrations[0]?.id as string));
    const { expireOffers } = await import('./expire.ts');
    expect(await expireOffers({ db: ctx.db, jobs: ctx.jobs })).toBeGreaterThanOrEqual(1);
    const after = await ctx.db.select().from(registrations).where(eq(registrations.activityId, pottery.id));
    const statusOf = (id: string | undefined) => after.find((r) => r.id === id)?.status;
    expect(statusOf(b.body.registrations[0]?.id)).toBe('offer_expired');
    expect(statusOf(c.body.registrations[0]?.id)).toBe('offered');

    const accepted = await third.client.post<{ registration: { status: string } }>(
      `/api/citizen/orgs/${town.id}/registrations/${c.body.registrations[0]?.id}/accept-offer`,
    );
    expect(accepted.status).toBe(200);
    expect(accepted.body.registration.status).toBe('confirmed');
    expect((await activityNow(ctx.db, town.id, pottery.id)).taken).toBe(1);
  });

  it('releases an unpaid hold when it expires and hands the place to the waitlist', async () => {
    const town = await createTown(ctx.db);
    const season = await createSeason(ctx.db, town.id);
    const camp = await createActivity(ctx.db, season, { minAge: null, maxAge: null, capacity: 1 });
    const payer = await createFamily(ctx, { residentOf: town.id });
    const waiter = await createFamily(ctx, { residentOf: town.id });
    const held = await payer.client.post<Checkout>(`/api/citizen/orgs/${town.id}/checkout`, {
      items: [{ activityId: camp.id, personId: payer.account.personId }],
    });
    const waiting = await waiter.client.post<Checkout>(`/api/citizen/orgs/${town.id}/checkout`, {
      items: [{ activityId: camp.id, personId: waiter.account.personId }],
      acceptWaitlist: true,
    });
    expect(waiting.body.registrations[0]?.status).toBe('waitlisted');
    await ctx.db
      .update(registrations)
      .set({ holdExpiresAt: new Date(Date.now() - 1000) })
      .where(eq(registrations.id, held.body.registrations[0]?.id as string));
    const { expireHolds } = await import('./expire.ts');
    await expireHolds({ db: ctx.db, jobs: ctx.jobs, stripeConfig: ctx.config.stripe });
    const rows = await ctx.db.select().from(registrations).where(eq(registrations.activityId, camp.id));
    expect(rows.find((r) => r.id === held.body.registrations[0]?.id)?.status).toBe('expired');
    expect(rows.find((r) => r.id === waiting.body.registrations[0]?.id)?.status).toBe('offered');
    const pay = await payer.client.post<ErrorBody>(
      `/api/me/orders/${held.body.order?.id}/pay?orgId=${town.id}`,
      {
        provider: 'sandbox',
        card: { number: '4242424242424242' },
      },
    );
    expect(pay.status).toBe(409);
  });

  it('lets recreation staff register at the counter, export the attendance list and see the report; not staff of another town', async () => {
    const town = await createTown(ctx.db);
    const season = await createSeason(ctx.db, town.id);
    const swim = await createActivity(ctx.db, season, { capacity: 3 });
    const family = await createFamily(ctx, { children: ['2015-03-03'], residentOf: town.id });
    const staff = await staffOf(ctx, town.id);
    const found = await staff.client.post<{ accountId: string; members: Array<{ id: string }> }>(
      `/api/citizen/orgs/${town.id}/staff/household-lookup`,
      { email: family.account.email },
    );
    expect(found.status).toBe(200);
    const counter = await staff.client.post<Checkout>(`/api/citizen/orgs/${town.id}/staff/registrations`, {
      accountId: found.body.accountId,
      items: [{ activityId: swim.id, personId: family.children[0] }],
      source: 'counter',
      payment: 'cash',
    });
    expect(counter.status).toBe(201);
    expect(counter.body.registrations[0]?.status).toBe('confirmed');
    const csv = await staff.client.get(
      `/api/citizen/orgs/${town.id}/staff/activities/${swim.id}/registrations/export?format=csv`,
    );
    expect(csv.status).toBe(200);
    expect(csv.text).toContain('Enfant1');
    const xlsx = await staff.client.get(
      `/api/citizen/orgs/${town.id}/staff/activities/${swim.id}/registrations/export?format=xlsx`,
    );
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const report = await staff.client.get<{
      byActivity: Array<{ id: string; taken: number; revenueCents: number }>;
      byTown: Array<{ townId: string | null }>;
    }>(`/api/citizen/orgs/${town.id}/staff/reports?seasonId=${season.id}`);
    expect(report.body.byActivity.find((a) => a.id === swim.id)).toMatchObject({
      taken: 1,
      revenueCents: 10000,
    });
    expect(report.body.byTown[0]?.townId).toBe(town.id);

    const other = await createTown(ctx.db);
    const outsider = await staffOf(ctx, other.id);
    for (const url of [
      `/api/citizen/orgs/${town.id}/staff/activities/${swim.id}/registrations`,
      `/api/citizen/orgs/${town.id}/staff/reports`,
    ])
      expect((await outsider.client.get(url)).status).toBe(403);
    const reg = counter.body.registrations[0]?.id;
    const stranger = await createFamily(ctx, { residentOf: town.id });
    expect(
      (await stranger.client.post(`/api/citizen/orgs/${town.id}/registrations/${reg}/cancel`)).status,
    ).toBe(404);
    expect(
      (
        await outsider.client.post(`/api/citizen/orgs/${town.id}/staff/registrations/${reg}/cancel`, {
          refund: true,
        })
      ).status,
    ).toBe(403);
  });
});
