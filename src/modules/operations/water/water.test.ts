import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../../../tests/support/client.ts';
import { createAccount, createOrg, signInAs } from '../../../../tests/support/factories.ts';
import { createTestContext, type TestContext } from '../../../../tests/support/harness.ts';
import { type DomainEvents, onDomainEvent } from '../../../platform/events/domain-events.ts';
import { emailMessages } from '../../../platform/notify/schema.ts';
import { ingest } from '../data/ingest.ts';
import { upsertStation } from '../data/save-station.ts';
import { escalateAlarms } from './alarms.ts';
import { opsAlarms, opsSamples } from './schema.ts';

let ctx: TestContext;
let orgId: string;
let otherOrgId: string;
let staff: TestClient;
let otherStaff: TestClient;
let level1: { id: string; email: string };
let level2: { id: string; email: string };
let outletId: string;
const advisories: Array<DomainEvents['water.boil_water_advisory']> = [];

const base = () => `/api/orgs/${orgId}/operations/water`;

async function mailsTo(email: string, template: string) {
  return ctx.db
    .select()
    .from(emailMessages)
    .where(and(eq(emailMessages.toAddress, email), eq(emailMessages.template, template)));
}

async function measureOf(stationId: string, code: string): Promise<string> {
  const res = await staff.get<{ measures: Array<{ id: string; code: string }> }>(
    `/api/orgs/${orgId}/operations/stations/${stationId}`,
  );
  return res.body.measures.find((m) => m.code === code)?.id ?? '';
}

beforeAll(async () => {
  onDomainEvent('water.boil_water_advisory', (e) => {
    advisories.push(e);
  });
  ctx = await createTestContext();
  orgId = (await createOrg(ctx.db)).id;
  otherOrgId = (await createOrg(ctx.db)).id;
  const lead = await createAccount(ctx.db, { roles: [{ orgId, role: 'operations' }] });
  level1 = await createAccount(ctx.db, { roles: [{ orgId, role: 'operations' }] });
  level2 = await createAccount(ctx.db, { roles: [{ orgId, role: 'public_works' }] });
  staff = ctx.client();
  await signInAs(ctx.db, staff, lead);
  otherStaff = ctx.client();
  await signInAs(
    ctx.db,
    otherStaff,
    await createAccount(ctx.db, { roles: [{ orgId: otherOrgId, role: 'operations' }] }),
  );
  outletId = await upsertStation(ctx.db, orgId, {
    code: 'UTE',
    nameFr: 'Usine',
    nameEn: 'Plant',
    kind: 'treatment_outlet',
    populationServed: 19_500,
  });
  for (const [code, extremity] of [
    ['R-01', true],
    ['R-02', true],
    ['R-03', false],
  ] as const)
    await upsertStation(ctx.db, orgId, {
      code,
      nameFr: code,
      nameEn: code,
      kind: 'network_point',
      networkExtremity: extremity,
    });
  const roster = await staff.put(`${base()}/on-call`, {
    roster: [
      { accountId: level1.id, level: 1 },
      { accountId: level2.id, level: 2 },
    ],
  });
  expect(roster.status).toBe(200);
});

afterAll(async () => {
  await ctx?.close();
});

describe('alarms', () => {
  let alarmId: string;

  it('pages level 1 at once, escalates to level 2 when nobody acknowledges, and stops once acknowledged', async () => {
    const chlorine = await measureOf(outletId, 'free_chlorine');
    const result = await ingest(
      ctx,
      orgId,
      [{ measureId: chlorine, direction: '', observedAt: new Date(), value: 0.15 }],
      'api',
    );
    expect(result.alarmsOpened).toBe(1);
    expect(await mailsTo(level1.email, 'operations.water_alarm')).toHaveLength(1);
    expect(await mailsTo(level2.email, 'operations.water_alarm')).toHaveLength(0);

    // Not yet due: nothing moves.
    expect(await escalateAlarms(ctx, new Date(Date.now() + 5 * 60_000))).toBe(0);
    expect(await escalateAlarms(ctx, new Date(Date.now() + 16 * 60_000))).toBe(1);
    expect(await mailsTo(level2.email, 'operations.water_alarm')).toHaveLength(1);
    const [alarm] = await ctx.db.select().from(opsAlarms).where(eq(opsAlarms.orgId, orgId));
    expect(alarm?.escalationLevel).toBe(2);
    alarmId = alarm?.id ?? '';

    const [a, b] = await Promise.all([
      staff.post(`${base()}/alarms/${alarmId}/acknowledge`, { note: 'Pompe doseuse redémarrée' }),
      staff.post(`${base()}/alarms/${alarmId}/acknowledge`, {}),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect(await escalateAlarms(ctx, new Date(Date.now() + 60 * 60_000))).toBe(0);
  });

  it('is closed by staff after acknowledgement; another town cannot touch it', async () => {
    expect(
      (
        await otherStaff.post(`/api/orgs/${otherOrgId}/operations/water/alarms/${alarmId}/close`, {
          note: 'x',
        })
      ).status,
    ).toBe(404);
    const closed = await staff.post<{ status: string }>(`${base()}/alarms/${alarmId}/close`, {
      note: 'Chlore rétabli à 0,6 mg/L',
    });
    expect(closed.body.status).toBe('closed');
    expect((await otherStaff.get(`/api/orgs/${otherOrgId}/operations/water/alarms`)).body).toEqual({
      items: [],
    });
  });

  it('lets staff tighten a threshold for their installation', async () => {
    const turbidity = await measureOf(outletId, 'turbidity');
    const res = await staff.put(`/api/orgs/${orgId}/operations/measures/${turbidity}/thresholds`, {
      min: null,
      max: 0.5,
      severity: 'alarm',
      basis: 'installation (filtration)',
      active: true,
    });
    expect(res.status).toBe(200);
    const result = await ingest(
      ctx,
      orgId,
      [{ measureId: turbidity, direction: '', observedAt: new Date(), value: 0.8 }],
      'api',
    );
    expect(result.alarmsOpened).toBe(1);
  });

  it('keeps a threshold with no upper bound (a null stays null, not 0)', async () => {
    const chlorine = await measureOf(outletId, 'free_chlorine');
    const res = await staff.put<{ min: number | null; max: number | null }>(
      `/api/orgs/${orgId}/operations/measures/${chlorine}/thresholds`,
      { min: 0.4, max: null, severity: 'alarm', basis: 'RQEP s. 8 (installation)', active: true },
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ min: 0.4, max: null });
  });
});

describe('the s. 22 log', () => {
  it('gives the lowest chlorine of each 4-hour period with the matching flow', async () => {
    const chlorine = await measureOf(outletId, 'free_chlorine');
    const flow = await measureOf(outletId, 'flow');
    const start = new Date('2026-02-10T05:00:00Z'); // local midnight
    const rows = [];
    for (let i = 0; i < 24 * 6; i++) {
      const at = new Date(start.getTime() + i * 10 * 60_000);
      rows.push({
        measureId: chlorine,
        direction: '',
        observedAt: at,
        value: i === 40 ? 0.35 : 0.7 + (i % 5) / 100,
      });
      rows.push({ measureId: flow, direction: '', observedAt: at, value: 200 + i });
    }
    await ingest(ctx, orgId, rows, 'api');
    const res = await staff.get<{
      required: boolean;
      days: Array<{ periods: Array<{ minChlorine: number; flow: number; at: string }> }>;
    }>(`${base()}/stations/${outletId}/chlorine-log?from=2026-02-10`);
    expect(res.status).toBe(200);
    expect(res.body.required).toBe(true);
    const periods = res.body.days[0]?.periods ?? [];
    expect(periods).toHaveLength(6);
    // Reading 40 is at 06:40 local, in the second period.
    expect(periods[1]).toMatchObject({
      minChlorine: 0.35,
      flow: 240,
      at: new Date(start.getTime() + 400 * 60_000).toISOString(),
    });
    expect(periods[0]?.minChlorine).toBe(0.7);
  });
});

describe('bacteriological sampling', () => {
  it('plans the month as s. 11–12 require, once', async () => {
    const plan = await staff.post<{
      required: number;
      planned: number;
      extremityRequired: number;
      samples: Array<{ extremity: boolean }>;
    }>(`${base()}/samples/plan`, { month: '2026-03' });
    expect(plan.status).toBe(200);
    expect(plan.body).toMatchObject({ required: 20, extremityRequired: 10, planned: 20 });
    expect(plan.body.samples.filter((s) => s.extremity).length).toBeGreaterThanOrEqual(10);
    const again = await staff.post<{ planned: number }>(`${base()}/samples/plan`, { month: '2026-03' });
    expect(again.body.planned).toBe(20);
  });

  it('opens an exceedance on E. coli, plans the resampling, alerts on call, and the notice publishes the boil-water event', async () => {
    const calendar = await staff.get<{ samples: Array<{ id: string }> }>(`${base()}/samples?month=2026-03`);
    const [first, second] = calendar.body.samples;
    const ok = await staff.post<{ compliant: boolean }>(`${base()}/samples/${first?.id}/result`, {
      takenAt: '2026-03-03T14:00:00Z',
      laboratory: 'Laboratoire régional',
      eColi: 0,
      totalColiforms: 2,
    });
    expect(ok.body.compliant).toBe(true);
    expect(
      (
        await staff.post(`${base()}/samples/${first?.id}/result`, {
          takenAt: '2026-03-03T14:00:00Z',
          laboratory: 'x',
          eColi: 0,
          totalColiforms: 0,
        })
      ).status,
    ).toBe(409);
    const bad = await staff.post<{
      compliant: boolean;
      exceedances: Array<{ id: string; boilWaterRecommended: boolean }>;
      resamplesPlanned: number;
    }>(`${base()}/samples/${second?.id}/result`, {
      takenAt: '2026-03-04T14:00:00Z',
      laboratory: 'Laboratoire régional',
      eColi: 3,
      totalColiforms: 40,
    });
    expect(bad.body.compliant).toBe(false);
    expect(bad.body.exceedances).toHaveLength(2);
    // 19,500 users: 20 samples a day for 2 days (s. 39).
    expect(bad.body.resamplesPlanned).toBe(40);
    const resamples = await ctx.db
      .select()
      .from(opsSamples)
      .where(and(eq(opsSamples.orgId, orgId), eq(opsSamples.purpose, 'resampling')));
    expect(resamples).toHaveLength(40);
    expect(await mailsTo(level1.email, 'operations.water_exceedance')).toHaveLength(2);
    const eColi = bad.body.exceedances.find((e) => e.boilWaterRecommended);
    const notice = await staff.post(`${base()}/exceedances/${eColi?.id}/steps`, {
      step: 'notice',
      boilWater: true,
    });
    expect(notice.status).toBe(200);
    expect(advisories).toEqual([expect.objectContaining({ orgId, state: 'issued', advisoryId: eColi?.id })]);
    expect(
      (await staff.post(`${base()}/exceedances/${eColi?.id}/steps`, { step: 'notice', boilWater: true }))
        .status,
    ).toBe(409);
    await staff.post(`${base()}/exceedances/${eColi?.id}/steps`, {
      step: 'close',
      note: 'Rééchantillonnage conforme',
    });
    expect(advisories.map((a) => a.state)).toEqual(['issued', 'lifted']);
    expect(
      (
        await otherStaff.post(`/api/orgs/${otherOrgId}/operations/water/exceedances/${eColi?.id}/steps`, {
          step: 'close',
        })
      ).status,
    ).toBe(404);
  });

  it('shows it all on the compliance dashboard', async () => {
    const res = await staff.get<{
      alarms: unknown[];
      exceedances: Array<{ parameter: string }>;
      stations: unknown[];
    }>(`${base()}/dashboard`);
    expect(res.status).toBe(200);
    expect(res.body.stations).toHaveLength(4);
    expect(res.body.exceedances.map((e) => e.parameter)).toEqual(['total_coliforms']);
    expect((await otherStaff.get(`${base()}/dashboard`)).status).toBe(403);
  });
});
