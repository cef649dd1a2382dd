import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../tests/support/harness.ts';
import { createTown, staffOf } from '../test-support.ts';
import { lastMonths } from './participation-analytics.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

describe('participation analytics', () => {
  it('counts this month’s answers, contributions and alerts, for this town’s staff only', async () => {
    const town = await createTown(ctx.db, 'Analyse');
    const other = await createTown(ctx.db, 'Autre');
    const clerk = await staffOf(ctx, town.id, 'clerk');
    const created = await clerk.client.post<{ id: string }>(
      `/api/orgs/${town.id}/citizen/staff/consultations`,
      {
        title: { fr: 'C', en: 'C' },
        context: { fr: 'x', en: 'x' },
        documents: [],
        phases: [],
      },
    );
    await clerk.client.post(`/api/orgs/${town.id}/citizen/staff/consultations/${created.body.id}/state`, {
      action: 'publish',
    });
    await clerk.client.post(`/api/orgs/${town.id}/citizen/consultations/${created.body.id}/contributions`, {
      kind: 'comment',
      body: 'Bonjour',
    });
    const res = await clerk.client.get<{ months: string[]; contributions: number[] }>(
      `/api/orgs/${town.id}/citizen/staff/participation-analytics`,
    );
    expect(res.status).toBe(200);
    expect(res.body.months).toEqual(lastMonths(12));
    expect(res.body.contributions.at(-1)).toBe(1);
    expect(res.body.contributions.slice(0, -1).every((n) => n === 0)).toBe(true);
    const foreign = await staffOf(ctx, other.id, 'clerk');
    expect(
      (await foreign.client.get(`/api/orgs/${town.id}/citizen/staff/participation-analytics`)).status,
    ).toBe(403);
  });
});
