import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../tests/support/harness.ts';
import { seasons } from '../activities/schema.ts';
import { createActivity, createFamily, createSeason, createTown } from '../test-support.ts';
import { readTicket } from './queue-token.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

type Standing = { position: number; admitAt: string; waitSeconds: number; admitted: boolean; token: string };

describe('opening-day waiting room', () => {
  it('hands out first-come positions admitted at the set rate, keeps a place across reconnections, and lets only admitted people register', async () => {
    const town = await createTown(ctx.db);
    const season = await createSeason(ctx.db, town.id);
    const camp = await createActivity(ctx.db, season, { minAge: null, maxAge: null, capacity: 5 });
    // 6 admissions a minute: one every 10 seconds.
    await ctx.db
      .update(seasons)
      .set({
        waitingRoomPerMinute: 6,
        waitingRoomFrom: new Date(Date.now() - 60_000),
        waitingRoomUntil: new Date(Date.now() + 3600_000),
      })
      .where(eq(seasons.id, season.id));
    const people: Array<Awaited<ReturnType<typeof createFamily>>> = [];
    for (let i = 0; i < 4; i++)
      people.push(await createFamily(ctx, { residentOf: town.id, locale: i === 3 ? 'en' : 'fr' }));
    const standings: Standing[] = [];
    for (const p of people) {
      const res = await p.client.post<Standing>(`/api/citizen/orgs/${town.id}/seasons/${season.id}/queue`);
      expect(res.status).toBe(200);
      standings.push(res.body);
    }
    const positions = standings.map((s) => s.position);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    const gaps = standings
      .slice(1)
      .map((s, i) => Date.parse(s.admitAt) - Date.parse(standings[i]?.admitAt ?? ''));
    expect(gaps.every((g) => Math.abs(g - 10_000) < 5)).toBe(true);
    expect(standings[0]?.admitted).toBe(true);
    expect(standings[3]?.waitSeconds).toBeGreaterThan(25);

    // The fourth person's connection drops: joining again (cookie kept) gives back the same place.
    const last = people[3];
    if (!last) throw new Error('no fourth person');
    const back = await last.client.post<Standing>(`/api/citizen/orgs/${town.id}/seasons/${season.id}/queue`);
    expect(back.body.position).toBe(standings[3]?.position);
    // Even from a new browser with the ticket kept in local storage (header).
    const elsewhere = ctx.client({ locale: 'en' });
    elsewhere.setCookie('__Host-civique_session', last.client.cookie('__Host-civique_session') ?? '');
    const status = await elsewhere.get<Standing>(`/api/citizen/orgs/${town.id}/seasons/${season.id}/queue`, {
      'x-queue-token': standings[3]?.token ?? '',
    });
    expect(status.body.position).toBe(standings[3]?.position);

    const body = (p: (typeof people)[number]) => ({
      items: [{ activityId: camp.id, personId: p.account.personId }],
    });
    const early = await elsewhere.post<{ error: { code: string; message: string } }>(
      `/api/citizen/orgs/${town.id}/checkout`,
      body(last),
      { 'x-queue-token': standings[3]?.token ?? '' },
    );
    expect(early.status).toBe(429);
    expect(early.body.error.code).toBe('waiting_room.not_yet');
    expect(early.body.error.message).toMatch(/^It is not your turn yet: you are number \d+ in the queue/);
    const first = people[0];
    if (!first) throw new Error('no first person');
    const admitted = await first.client.post(`/api/citizen/orgs/${town.id}/checkout`, body(first));
    expect(admitted.status).toBe(201);
    const noTicket = await createFamily(ctx, { residentOf: town.id });
    const refused = await noTicket.client.post<{ error: { code: string } }>(
      `/api/citizen/orgs/${town.id}/checkout`,
      body(noTicket),
    );
    expect(refused.body.error.code).toBe('waiting_room.admission_required');
    // A ticket is bound to its person: another account cannot use it.
    const stolen = await noTicket.client.post<{ error: { code: string } }>(
      `/api/citizen/orgs/${town.id}/checkout`,
      body(noTicket),
      {
        'x-queue-token': standings[0]?.token ?? '',
      },
    );
    expect(stolen.body.error.code).toBe('waiting_room.token_invalid');
  });

  it('admits concurrent joiners in one order without duplicate positions', async () => {
    const town = await createTown(ctx.db);
    const season = await createSeason(ctx.db, town.id);
    await ctx.db
      .update(seasons)
      .set({
        waitingRoomPerMinute: 600,
        waitingRoomFrom: new Date(Date.now() - 1000),
        waitingRoomUntil: new Date(Date.now() + 3600_000),
      })
      .where(eq(seasons.id, season.id));
    const people = await Promise.all(
      Array.from({ length: 12 }, () => createFamily(ctx, { residentOf: town.id })),
    );
    const standings = await Promise.all(
      people.map(
        async (p) =>
          (await p.client.post<Standing>(`/api/citizen/orgs/${town.id}/seasons/${season.id}/queue`)).body,
      ),
    );
    const positions = standings.map((s) => s.position).sort((a, b) => a - b);
    expect(new Set(positions).size).toBe(12);
    const byPosition = [...standings].sort((a, b) => a.position - b.position);
    for (let i = 1; i < byPosition.length; i++)
      expect(Date.parse(byPosition[i]?.admitAt ?? '') - Date.parse(byPosition[i - 1]?.admitAt ?? '')).toBe(
        100,
      );
    const ticket = await readTicket(ctx.db, byPosition[0]?.token);
    expect(ticket?.seasonId).toBe(season.id);
  });
});
