import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../../../tests/support/client.ts';
import { createAccount, createOrg, signInAs } from '../../../../tests/support/factories.ts';
import { createTestContext, type TestContext } from '../../../../tests/support/harness.ts';
import { emailMessages } from '../../../platform/notify/schema.ts';
import { ingest } from '../data/ingest.ts';
import { loadStationRef } from '../data/load-station.ts';
import type { ReadingRow } from '../data/reading-rules.ts';
import { upsertStation } from '../data/save-station.ts';
import { aadt, peakHour } from '../traffic/traffic-stats.ts';
import { queueMonthlyReports } from './runs.ts';
import { opsReportRuns } from './schema.ts';

let ctx: TestContext;
let orgId: string;
let otherOrgId: string;
let staff: TestClient;
let otherStaff: TestClient;
let counterId: string;
let outletId: string;

const base = () => `/api/orgs/${orgId}/operations`;

beforeAll(async () => {
  ctx = await createTestContext();
  orgId = (await createOrg(ctx.db)).id;
  otherOrgId = (await createOrg(ctx.db)).id;
  staff = ctx.client();
  await signInAs(ctx.db, staff, await createAccount(ctx.db, { roles: [{ orgId, role: 'operations' }] }));
  otherStaff = ctx.client();
  await signInAs(
    ctx.db,
    otherStaff,
    await createAccount(ctx.db, { roles: [{ orgId: otherOrgId, role: 'operations' }] }),
  );
  counterId = await upsertStation(ctx.db, orgId, {
    code: 'CC-01',
    nameFr: 'Boulevard Cartier',
    nameEn: 'Cartier Boulevard',
    kind: 'traffic_counter',
    directions: ['N', 'S'],
  });
  outletId = await upsertStation(ctx.db, orgId, {
    code: 'UTE',
    nameFr: 'Usine',
    nameEn: 'Plant',
    kind: 'treatment_outlet',
    populationServed: 19_500,
  });
  // March 2026: every hour, northbound 100 vehicles (300 at 16:00 local), southbound 50; 10 % heavy northbound.
  const counter = await loadStationRef(ctx.db, orgId, counterId);
  const id = (code: string) => counter.measures.get(code)?.id ?? '';
  const rows: ReadingRow[] = [];
  const start = Date.parse('2026-03-01T05:00:00Z');
  for (let h = 0; h < 31 * 24 - 1; h++) {
    const at = new Date(start + h * 3600_000);
    const localHour = Number(
      new Intl.DateTimeFormat('en-CA', {
        timeZone: 'America/Toronto',
        hour: 'numeric',
        hourCycle: 'h23',
      }).format(at),
    );
    const north = localHour === 16 ? 300 : 100;
    rows.push({ measureId: id('vehicle_count'), direction: 'N', observedAt: at, value: north });
    rows.push({ measureId: id('heavy_vehicle_count'), direction: 'N', observedAt: at, value: north / 10 });
    rows.push({ measureId: id('vehicle_count'), direction: 'S', observedAt: at, value: 50 });
  }
  // Individual speeds: 1..100 km/h northbound on 10 March (outside the DST change of 8 March).
  for (let s = 1; s <= 100; s++)
    rows.push({
      measureId: id('speed'),
      direction: 'N',
      observedAt: new Date(Date.parse('2026-03-10T15:00:00Z') + s * 1000),
      value: s,
    });
  await ingest(ctx, orgId, rows, 'demo');
  const outlet = await loadStationRef(ctx.db, orgId, outletId);
  const chlorine: ReadingRow[] = [];
  for (let m = 0; m < 24 * 60; m += 5)
    chlorine.push({
      measureId: outlet.measures.get('free_chlorine')?.id ?? '',
      direction: '',
      observedAt: new Date(start + m * 60_000),
      value: 0.6,
    });
  await ingest(ctx, orgId, chlorine, 'demo');
});

afterAll(async () => {
  await ctx?.close();
});

describe('traffic statistics', () => {
  it('computes AADT by the AASHTO method and the peak hour', () => {
    // A weekday-heavy month: Mondays 2000, other days 1000; missing days must not tilt the average.
    const days = Array.from({ length: 28 }, (_, i) => {
      const date = new Date(Date.UTC(2026, 1, 1 + i)).toISOString().slice(0, 10);
      return { date, volume: new Date(`${date}T12:00:00Z`).getUTCDay() === 1 ? 2000 : 1000 };
    });
    expect(aadt(days)).toBeCloseTo((2000 + 6 * 1000) / 7, 9);
    const withoutSomeTuesdays = days.filter(
      (d, i) => !(new Date(`${d.date}T12:00:00Z`).getUTCDay() === 2 && i > 7),
    );
    expect(aadt(withoutSomeTuesdays)).toBeCloseTo((2000 + 6 * 1000) / 7, 9);
    expect(
      peakHour([
        { bucket: 'a', volume: 3 },
        { bucket: 'b', volume: 9 },
        { bucket: 'c', volume: 9 },
      ]),
    ).toEqual({ bucket: 'b', volume: 9 });
  });

  it('summarises a counter by direction: volumes, DJMA, peak hour, V85, heavy share', async () => {
    const res = await staff.get<{
      total: { totalVolume: number; aadt: number; heavyShare: number; daily: unknown[] };
      byDirection: Array<{
        direction: string;
        aadt: number;
        peakHour: { volume: number; bucket: string };
        speed85: number | null;
        heavyShare: number | null;
      }>;
    }>(`${base()}/traffic/stations/${counterId}/summary?from=2026-03-09&to=2026-03-15`);
    expect(res.status).toBe(200);
    const [north, south] = res.body.byDirection;
    expect(north?.aadt).toBe(23 * 100 + 300);
    expect(south?.aadt).toBe(24 * 50);
    expect(res.body.total.aadt).toBe(2600 + 1200);
    expect(res.body.total.daily).toHaveLength(7);
    expect(north?.peakHour.volume).toBe(300);
    expect(north?.speed85).toBeCloseTo(85.15, 9);
    expect(north?.heavyShare).toBeCloseTo(0.1, 9);
    expect(south?.heavyShare).toBe(0);
    expect(res.body.total.heavyShare).toBeCloseTo(260 / 3800, 9);
    expect(
      (
        await otherStaff.get(
          `/api/orgs/${otherOrgId}/operations/traffic/stations/${counterId}/summary?from=2026-03-09&to=2026-03-15`,
        )
      ).status,
    ).toBe(404);
  });
});

describe('monthly reports', () => {
  let reportId: string;

  it('produces a bilingual PDF and an XLSX, archives them and e-mails the recipients', async () => {
    const def = await staff.post<{ id: string }>(`${base()}/reports`, {
      titleFr: 'Rapport mensuel des opérations',
      titleEn: 'Monthly operations report',
      content: {
        stationIds: [],
        measureCodes: [],
        sections: ['summary', 'chart', 'compliance', 'traffic'],
        introFr: 'Bonjour',
        introEn: 'Hello',
      },
      recipients: ['direction@ville.test'],
      active: true,
    });
    expect(def.status).toBe(201);
    reportId = def.body.id;
    const run = await staff.post<{ id: string; status: string }>(`${base()}/reports/${reportId}/runs`, {
      period: '2026-03-01',
    });
    expect(run.status).toBe(202);
    expect(run.body.status).toBe('queued');
    await ctx.jobs.runPending(['operations.report-run']);
    const archive = await staff.get<{ items: Array<{ id: string; status: string; progress: number }> }>(
      `${base()}/report-runs`,
    );
    expect(archive.body.items[0]).toMatchObject({ status: 'done', progress: 100 });
    const pdf = await staff.raw({ method: 'GET', url: `${base()}/report-runs/${run.body.id}/file.pdf` });
    expect(pdf.status).toBe(200);
    expect(pdf.text.startsWith('%PDF')).toBe(true);
    const xlsx = await ctx.app.inject({
      method: 'GET',
      url: `${base()}/report-runs/${run.body.id}/file.xlsx`,
      headers: { cookie: (staff as unknown as { cookieHeader(): string }).cookieHeader() },
    });
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const mails = await ctx.db
      .select()
      .from(emailMessages)
      .where(
        and(
          eq(emailMessages.toAddress, 'direction@ville.test'),
          eq(emailMessages.template, 'operations.monthly_report'),
        ),
      );
    expect(mails).toHaveLength(1);
    expect(
      (await otherStaff.get(`/api/orgs/${otherOrgId}/operations/report-runs/${run.body.id}/file.pdf`)).status,
    ).toBe(404);
  });

  it('queues every active report for the month past on the 1st, once', async () => {
    await queueMonthlyReports(ctx, new Date('2026-04-01T10:00:00Z'));
    await queueMonthlyReports(ctx, new Date('2026-04-01T10:05:00Z'));
    const runs = await ctx.db.select().from(opsReportRuns).where(eq(opsReportRuns.orgId, orgId));
    expect(runs.map((r) => r.period)).toEqual(['2026-03-01']);
  });
});

describe('transmissions', () => {
  it('registers the file with its SHA-256, records sending, and corrects it', async () => {
    const made = await staff.post<{ id: string; sha256: string; status: string; fileName: string }>(
      `${base()}/transmissions`,
      {
        template: 'melccfp_water_monthly',
        period: '2026-03-01',
      },
    );
    expect(made.status).toBe(201);
    const file = await staff.get(`${base()}/transmissions/${made.body.id}/file`);
    expect(createHash('sha256').update(Buffer.from(file.text, 'utf8')).digest('hex')).toBe(made.body.sha256);
    expect(file.text).toContain('registre_4h,UTE,2026-03-01,00:00,0.6');
    const failed = await staff.post<{ status: string; attempts: number }>(
      `${base()}/transmissions/${made.body.id}/outcome`,
      {
        outcome: 'failed',
        error: 'Portail indisponible',
      },
    );
    expect(failed.body).toMatchObject({ status: 'failed', attempts: 1 });
    const sent = await staff.post<{ status: string; attempts: number; sentAt: string }>(
      `${base()}/transmissions/${made.body.id}/outcome`,
      {
        outcome: 'sent',
      },
    );
    expect(sent.body).toMatchObject({ status: 'sent', attempts: 2 });
    expect(
      (await staff.post(`${base()}/transmissions/${made.body.id}/outcome`, { outcome: 'sent' })).status,
    ).toBe(409);
    const corrected = await staff.post<{ correctsId: string }>(`${base()}/transmissions`, {
      template: 'melccfp_water_monthly',
      period: '2026-03-01',
      correctsId: made.body.id,
    });
    expect(corrected.body.correctsId).toBe(made.body.id);
    const register = await staff.get<{ items: Array<{ id: string; status: string }> }>(
      `${base()}/transmissions`,
    );
    expect(register.body.items.find((t) => t.id === made.body.id)?.status).toBe('superseded');
    expect(
      (await otherStaff.get(`/api/orgs/${otherOrgId}/operations/transmissions/${made.body.id}/file`)).status,
    ).toBe(404);
  });

  it('exports hourly traffic counts by direction', async () => {
    const made = await staff.post<{ id: string }>(`${base()}/transmissions`, {
      template: 'mtmd_traffic_counts',
      period: '2026-03-01',
    });
    const file = await staff.get(`${base()}/transmissions/${made.body.id}/file`);
    const lines = file.text.trim().split(/\r\n/);
    expect(lines[0]).toContain('station,latitude,longitude,direction,date,heure,volume,vehicules_lourds');
    expect(lines).toContain('CC-01,,,N,2026-03-01,16,300,30');
    expect(lines.length).toBe(1 + 2 * (31 * 24 - 1));
  });
});
