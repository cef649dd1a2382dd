import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../tests/support/harness.ts';
import { partnershipMembers, partnerships } from '../../../platform/orgs/schema.ts';
import { forgetPartners } from '../residency/resident-status.ts';
import { createFamily, createTown, staffOf } from '../test-support.ts';
import { firstWeekday } from './activity-calendar.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

type Season = { id: string };
type Activity = {
  id: string;
  title: { fr: string };
  placesLeft: number;
  town: { slug: string };
  prices: { residentCents: number };
};
type Page = { items: Activity[]; total: number };

const seasonBody = {
  nameFr: 'Hiver 2027',
  nameEn: 'Winter 2027',
  startsOn: '2027-01-11',
  endsOn: '2027-03-28',
  residentOpensAt: '2026-11-16T14:00:00.000Z',
  nonResidentOpensAt: '2026-11-30T14:00:00.000Z',
  closesAt: '2027-01-26T04:59:00.000Z',
  familyDiscounts: [{ nth: 2, percent: 10 }],
};
const activityBody = (seasonId: string, over: Record<string, unknown> = {}) => ({
  seasonId,
  code: 'NAT-J1',
  category: 'sport',
  titleFr: 'Natation Junior',
  titleEn: 'Junior swimming',
  descriptionFr: 'Cours de natation de la Croix-Rouge.',
  descriptionEn: 'Red Cross swimming lessons.',
  facility: 'Centre aquatique',
  instructor: 'Sauveteurs',
  schedule: [{ weekday: 2, start: '18:00', end: '18:45' }],
  startsOn: '2027-01-12',
  endsOn: '2027-03-23',
  minAge: 5,
  maxAge: 12,
  capacity: 24,
  priceResidentCents: 9500,
  pricePartnerCents: 10500,
  priceNonResidentCents: 14000,
  ...over,
});

describe('seasons, activities and the public catalogue', () => {
  it('lets recreation staff (not others) manage seasons and activities, bilingual, with clear errors', async () => {
    const town = await createTown(ctx.db);
    const staff = await staffOf(ctx, town.id);
    const season = await staff.client.post<Season>(`/api/citizen/orgs/${town.id}/staff/seasons`, seasonBody);
    expect(season.status).toBe(201);
    const swim = await staff.client.post<Activity>(
      `/api/citizen/orgs/${town.id}/staff/activities`,
      activityBody(season.body.id),
    );
    expect(swim.status).toBe(201);
    const clash = await staff.client.post<{ error: { code: string } }>(
      `/api/citizen/orgs/${town.id}/staff/activities`,
      activityBody(season.body.id),
    );
    expect(clash.body.error.code).toBe('activity.code_taken');
    const bad = await staff.client.post<{ error: { code: string } }>(
      `/api/citizen/orgs/${town.id}/staff/activities`,
      activityBody(season.body.id, { code: 'X', minAge: 12, maxAge: 5 }),
    );
    expect(bad.status).toBe(422);
    const changed = await staff.client.put<Activity>(
      `/api/citizen/orgs/${town.id}/staff/activities/${swim.body.id}`,
      activityBody(season.body.id, { priceResidentCents: 9900 }),
    );
    expect(changed.body.prices.residentCents).toBe(9900);

    const other = await createTown(ctx.db);
    const outsider = await staffOf(ctx, other.id);
    expect(
      (await outsider.client.post(`/api/citizen/orgs/${town.id}/staff/seasons`, seasonBody)).status,
    ).toBe(403);
    expect(
      (
        await outsider.client.put(
          `/api/citizen/orgs/${town.id}/staff/activities/${swim.body.id}`,
          activityBody(season.body.id),
        )
      ).status,
    ).toBe(403);
    const clerk = await staffOf(ctx, town.id, 'clerk');
    expect((await clerk.client.post(`/api/citizen/orgs/${town.id}/staff/seasons`, seasonBody)).status).toBe(
      403,
    );
    const citizen = await createFamily(ctx);
    expect((await citizen.client.post(`/api/citizen/orgs/${town.id}/staff/seasons`, seasonBody)).status).toBe(
      403,
    );
  });

  it('searches the catalogue of a town and its partners by words, age, day, time, category, town and places left', async () => {
    const town = await createTown(ctx.db, 'Joliette');
    const partner = await createTown(ctx.db, 'Saint-Charles');
    const [p] = await ctx.db
      .insert(partnerships)
      .values({ nameFr: 'L', nameEn: 'R', scope: 'recreation' })
      .returning();
    await ctx.db.insert(partnershipMembers).values([
      { partnershipId: p?.id ?? '', orgId: town.id },
      { partnershipId: p?.id ?? '', orgId: partner.id },
    ]);
    forgetPartners(ctx.db);
    const staff = await staffOf(ctx, town.id);
    const partnerStaff = await staffOf(ctx, partner.id);
    const s1 = await staff.client.post<Season>(`/api/citizen/orgs/${town.id}/staff/seasons`, seasonBody);
    const s2 = await partnerStaff.client.post<Season>(
      `/api/citizen/orgs/${partner.id}/staff/seasons`,
      seasonBody,
    );
    await staff.client.post(`/api/citizen/orgs/${town.id}/staff/activities`, activityBody(s1.body.id));
    const pottery = await staff.client.post(
      `/api/citizen/orgs/${town.id}/staff/activities`,
      activityBody(s1.body.id, {
        code: 'POT',
        category: 'culture',
        titleFr: 'Poterie pour adultes',
        titleEn: 'Adult pottery',
        minAge: 16,
        maxAge: null,
        schedule: [{ weekday: 4, start: '19:00', end: '21:30' }],
        capacity: 0,
      }),
    );
    expect(pottery.status, pottery.text).toBe(201);
    await partnerStaff.client.post(
      `/api/citizen/orgs/${partner.id}/staff/activities`,
      activityBody(s2.body.id, {
        code: 'KAR',
        titleFr: 'Karaté',
        titleEn: 'Karate',
        schedule: [{ weekday: 2, start: '18:30', end: '19:30' }],
      }),
    );
    const anonymous = ctx.client();
    const q = (query: string) => anonymous.get<Page>(`/api/citizen/orgs/${town.id}/catalogue?${query}`);
    const titles = (page: { body: Page }) => page.body.items.map((i) => i.title.fr).sort();
    expect(titles(await q(''))).toEqual(['Karaté', 'Natation Junior', 'Poterie pour adultes']);
    expect(titles(await q('q=poterie'))).toEqual(['Poterie pour adultes']);
    expect(titles(await q('q=KARATE'))).toEqual(['Karaté']);
    expect(titles(await q('age=8'))).toEqual(['Karaté', 'Natation Junior']);
    expect(titles(await q('weekday=4'))).toEqual(['Poterie pour adultes']);
    expect(titles(await q('weekday=2&from=18:15'))).toEqual(['Karaté']);
    expect(titles(await q('category=culture'))).toEqual(['Poterie pour adultes']);
    expect(titles(await q(`townId=${partner.id}`))).toEqual(['Karaté']);
    expect(titles(await q('placesLeft=true'))).toEqual(['Karaté', 'Natation Junior']);

    const swim = (await q('q=natation')).body.items.find((i) => i.title.fr === 'Natation Junior') as Activity;
    const ics = await anonymous.get(
      `/api/citizen/orgs/${town.id}/activities/${swim.id}/calendar.ics?lang=en`,
    );
    expect(ics.status, ics.text).toBe(200);
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.text).toContain('BEGIN:VEVENT');
    expect(ics.text).toContain('SUMMARY:Junior swimming');
    expect(ics.text).toContain('RRULE:FREQ=WEEKLY;UNTIL=20270323T235959');
    expect(ics.text).toContain('DTSTART:20270112T180000');
    expect(firstWeekday('2027-01-11', 7)).toBe('2027-01-17');
  });
});
