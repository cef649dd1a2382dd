import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../../../tests/support/client.ts';
import { createAccount, createOrg, signInAs } from '../../../../tests/support/factories.ts';
import { createTestContext, type TestContext } from '../../../../tests/support/harness.ts';
import { emailMessages } from '../../../platform/notify/schema.ts';
import { opsAlarms } from '../water/schema.ts';
import { opsReadings } from './schema.ts';

interface Station {
  id: string;
  code: string;
  measures: Array<{
    id: string;
    code: string;
    latest: { value: number } | null;
    thresholds: Array<{ min: number | null; max: number | null; severity: string; basis: string }>;
  }>;
}
interface ImportView {
  id: string;
  status: string;
  total: number;
  inserted: number;
  duplicates: number;
  errorCount: number;
  valid: number | null;
  mapping: { observedAt: string | null; measureColumns: Record<string, string> };
  errors: Array<{ line: number; code: string; message: string }>;
}

let ctx: TestContext;
let orgId: string;
let otherOrgId: string;
let staff: TestClient;
let otherStaff: TestClient;
let citizen: TestClient;
let onCallEmail: string;
let plant: Station;

const base = () => `/api/orgs/${orgId}/operations`;
const measureId = (s: Station, code: string) => s.measures.find((m) => m.code === code)?.id ?? '';

beforeAll(async () => {
  ctx = await createTestContext();
  orgId = (await createOrg(ctx.db, { refPrefix: 'RDL' })).id;
  otherOrgId = (await createOrg(ctx.db)).id;
  const operator = await createAccount(ctx.db, { roles: [{ orgId, role: 'operations' }] });
  onCallEmail = operator.email;
  staff = ctx.client();
  await signInAs(ctx.db, staff, operator);
  otherStaff = ctx.client();
  await signInAs(
    ctx.db,
    otherStaff,
    await createAccount(ctx.db, { roles: [{ orgId: otherOrgId, role: 'operations' }] }),
  );
  citizen = ctx.client();
  await signInAs(ctx.db, citizen, await createAccount(ctx.db));
  const res = await staff.post<Station>(`${base()}/stations`, {
    code: 'UTE-1',
    nameFr: 'Usine de traitement, sortie',
    nameEn: 'Treatment plant outlet',
    kind: 'treatment_outlet',
    latitude: 47.83,
    longitude: -69.53,
    populationServed: 19_500,
  });
  expect(res.status).toBe(201);
  plant = res.body;
});

afterAll(async () => {
  await ctx?.close();
});

describe('stations', () => {
  it('creates a treatment outlet with its usual measures and the RQEP thresholds preloaded', () => {
    expect(plant.measures.map((m) => m.code).sort()).toEqual(
      ['flow', 'free_chlorine', 'ph', 'temperature', 'turbidity', 'volume'].sort(),
    );
    const chlorine = plant.measures.find((m) => m.code === 'free_chlorine');
    expect(chlorine?.thresholds).toEqual([
      expect.objectContaining({ min: 0.3, max: null, severity: 'alarm', basis: 'RQEP a. 8' }),
    ]);
    const ph = plant.measures.find((m) => m.code === 'ph');
    expect(ph?.thresholds).toEqual([expect.objectContaining({ min: 6.5, max: 8.5, severity: 'report' })]);
  });

  it('refuses an unknown kind, then accepts it once staff define it', async () => {
    const input = { code: 'NEIGE-1', nameFr: 'Dépôt à neige', nameEn: 'Snow dump', kind: 'snow_dump' };
    expect((await staff.post(`${base()}/stations`, input)).status).toBe(422);
    const kind = await staff.post(`${base()}/station-kinds`, {
      code: 'snow_dump',
      nameFr: 'Dépôt',
      nameEn: 'Dump',
    });
    expect(kind.status).toBe(201);
    const res = await staff.post<Station>(`${base()}/stations`, {
      ...input,
      measures: [{ code: 'level', unit: 'm', validMin: 0, validMax: 30 }],
    });
    expect(res.status).toBe(201);
    expect(res.body.measures).toHaveLength(1);
    expect((await staff.post(`${base()}/stations`, input)).status).toBe(409);
  });

  it('keeps other towns and citizens out', async () => {
    expect((await otherStaff.get(`${base()}/stations`)).status).toBe(403);
    expect((await citizen.get(`${base()}/stations`)).status).toBe(403);
    // Another town's staff, through their own organisation's address, does not find this town's station.
    expect((await otherStaff.get(`/api/orgs/${otherOrgId}/operations/stations/${plant.id}`)).status).toBe(
      404,
    );
    const write = await otherStaff.post(`/api/orgs/${otherOrgId}/operations/stations/${plant.id}/readings`, {
      readings: [{ measure: 'free_chlorine', value: 1 }],
    });
    expect(write.status).toBe(404);
  });
});

describe('manual entry and alarms', () => {
  it('stores a low chlorine reading and pages the on-call operator once', async () => {
    const res = await staff.post<{ inserted: number; alarmsOpened: number }>(
      `${base()}/stations/${plant.id}/readings`,
      { readings: [{ measure: 'free_chlorine', value: '0,12', observedAt: '2026-03-02T08:00:00-05:00' }] },
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ inserted: 1, alarmsOpened: 1 });
    const again = await staff.post<{ inserted: number; alarmsOpened: number }>(
      `${base()}/stations/${plant.id}/readings`,
      { readings: [{ measure: 'free_chlorine', value: 0.08, observedAt: '2026-03-02T08:05:00-05:00' }] },
    );
    expect(again.body).toMatchObject({ inserted: 1, alarmsOpened: 0 });
    const alarms = await ctx.db.select().from(opsAlarms).where(eq(opsAlarms.orgId, orgId));
    expect(alarms).toHaveLength(1);
    expect(alarms[0]).toMatchObject({ readingsOutOfRange: 2, worstValue: 0.08, value: 0.12, status: 'open' });
    const mails = await ctx.db
      .select()
      .from(emailMessages)
      .where(
        and(eq(emailMessages.toAddress, onCallEmail), eq(emailMessages.template, 'operations.water_alarm')),
      );
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toContain('ALARME');
  });

  it('refuses a value outside the instrument range, saying which field, and stores nothing', async () => {
    const res = await staff.post<{
      error: { code: string; details: { fields: Record<string, { message: string }> } };
    }>(`${base()}/stations/${plant.id}/readings`, {
      readings: [
        { measure: 'ph', value: 7.2, observedAt: '2026-03-02T09:00:00-05:00' },
        { measure: 'ph', value: 19, observedAt: '2026-03-02T09:00:00-05:00' },
      ],
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('ops.value_out_of_valid_range');
    expect(Object.keys(res.body.error.details.fields)).toEqual(['readings.1']);
    const stored = await ctx.db
      .select()
      .from(opsReadings)
      .where(and(eq(opsReadings.orgId, orgId), eq(opsReadings.measureId, measureId(plant, 'ph'))));
    expect(stored).toHaveLength(0);
  });
});

describe('CSV import', () => {
  const csv = [
    'Date;free_chlorine;turbidity;ph',
    '2026-03-01 00:00;0,85;0,21;7,4',
    '2026-03-01 01:00;0,82;0,22;7,5',
    '2026-03-01 02:00;abc;0,22;7,5',
    'pas une date;0,80;0,22;7,5',
    '2026-03-01 04:00;0,79;0,23;15',
    '2026-03-01 05:00;0,81;;7,4',
  ].join('\n');

  async function upload(text: string) {
    const res = await staff.raw<ImportView>({
      method: 'POST',
      url: `${base()}/stations/${plant.id}/imports?fileName=scada.csv`,
      payload: text,
      headers: { 'content-type': 'text/csv' },
    });
    expect(res.status).toBe(201);
    return res.body;
  }

  async function startAndRun(id: string) {
    const started = await staff.post<ImportView>(`${base()}/imports/${id}/start`);
    expect(started.status).toBe(202);
    await ctx.jobs.runPending(['operations.reading-import']);
    return (await staff.get<ImportView>(`${base()}/imports/${id}`)).body;
  }

  it('previews the file with its columns guessed and each bad line named', async () => {
    const preview = await upload(csv);
    expect(preview.mapping.observedAt).toBe('Date');
    expect(Object.keys(preview.mapping.measureColumns).sort()).toEqual(['free_chlorine', 'ph', 'turbidity']);
    expect(preview.total).toBe(6);
    expect(preview.valid).toBe(12);
    expect(preview.errors.map((e) => [e.line, e.code])).toEqual([
      [4, 'ops.value_invalid'],
      [5, 'ops.time_invalid'],
      [6, 'ops.value_out_of_valid_range'],
    ]);
    expect(preview.errors[0]?.message).toContain('abc');
    const none = await ctx.db.select().from(opsReadings).where(eq(opsReadings.orgId, orgId));
    expect(none.every((r) => r.source !== 'csv')).toBe(true);
  });

  it('imports the good lines, reports the bad ones by line, and never imports twice', async () => {
    const first = await startAndRun((await upload(csv)).id);
    expect(first).toMatchObject({ status: 'done', inserted: 12, duplicates: 0, errorCount: 3 });
    expect(first.errors.map((e) => e.line)).toEqual([4, 5, 6]);
    const second = await startAndRun((await upload(csv)).id);
    expect(second).toMatchObject({ status: 'done', inserted: 0, duplicates: 12, errorCount: 3 });
    const stored = await ctx.db
      .select()
      .from(opsReadings)
      .where(and(eq(opsReadings.orgId, orgId), eq(opsReadings.source, 'csv')));
    expect(stored).toHaveLength(12);
  });

  it('cannot be started twice and accepts another mapping', async () => {
    const preview = await upload('quand,mesure,valeur\n2026-03-03 10:00,free_chlorine,0.9\n');
    expect(preview.mapping.observedAt).toBeNull();
    expect((await staff.post(`${base()}/imports/${preview.id}/start`)).status).toBe(422);
    const remapped = await staff.post<ImportView>(`${base()}/imports/${preview.id}/preview`, {
      observedAt: 'quand',
      measure: 'mesure',
      value: 'valeur',
      direction: null,
      measureColumns: {},
    });
    expect(remapped.text).toContain('"valid":1');
    expect(remapped.body.valid).toBe(1);
    expect((await staff.post(`${base()}/imports/${preview.id}/start`)).status).toBe(202);
    expect((await staff.post(`${base()}/imports/${preview.id}/start`)).status).toBe(409);
    expect((await otherStaff.get(`/api/orgs/${otherOrgId}/operations/imports/${preview.id}`)).status).toBe(
      404,
    );
  });
});

describe('telemetry API', () => {
  let token: string;
  let deviceId: string;

  beforeAll(async () => {
    const res = await staff.post<{ id: string; token: string; tokenPrefix: string }>(
      `${base()}/stations/${plant.id}/devices`,
      { name: 'Analyseur de chlore' },
    );
    expect(res.status).toBe(201);
    token = res.body.token;
    deviceId = res.body.id;
    expect(token.startsWith(res.body.tokenPrefix)).toBe(true);
  });

  const post = (orgPath: string, bearer: string | null, readings: unknown[]) =>
    ctx.app.inject({
      method: 'POST',
      url: `/api/orgs/${orgPath}/operations/telemetry`,
      headers: bearer ? { authorization: `Bearer ${bearer}` } : {},
      payload: { readings },
    });

  const batch = [
    { measure: 'flow', observedAt: '2026-03-04T10:00:00Z', value: 120.5 },
    { measure: 'flow', observedAt: '2026-03-04T10:01:00Z', value: 121 },
    { measure: 'nope', observedAt: '2026-03-04T10:01:00Z', value: 1 },
  ];

  it('takes a batch from a device with no session or CSRF token, rejecting bad readings by index', async () => {
    const res = await post(orgId, token, batch);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      accepted: 2,
      duplicates: 0,
      rejected: [{ index: 2, code: 'ops.measure_unknown' }],
    });
    const again = await post(orgId, token, batch);
    expect(again.json()).toMatchObject({ accepted: 0, duplicates: 2 });
  });

  it('keeps the token hashed and refuses wrong, foreign and revoked tokens', async () => {
    const { opsDevices } = await import('./schema.ts');
    const [row] = await ctx.db.select().from(opsDevices).where(eq(opsDevices.id, deviceId));
    expect(row?.tokenHash).not.toContain(token.slice(7));
    expect((await post(orgId, null, batch)).statusCode).toBe(401);
    expect((await post(orgId, `${token}x`, batch)).statusCode).toBe(401);
    expect((await post(otherOrgId, token, batch)).statusCode).toBe(401);
    expect(
      (await otherStaff.post(`/api/orgs/${otherOrgId}/operations/devices/${deviceId}/revoke`)).status,
    ).toBe(404);
    expect((await staff.post(`${base()}/devices/${deviceId}/revoke`)).status).toBe(200);
    expect((await post(orgId, token, batch)).statusCode).toBe(401);
  });
});

describe('series', () => {
  it('reads hourly and daily aggregates, compares periods and exports', async () => {
    const id = measureId(plant, 'free_chlorine');
    const day = await staff.get<{ points: Array<{ bucket: string; n: number; min: number; max: number }> }>(
      `${base()}/measures/${id}/series?grain=day&from=2026-03-01T05:00:00Z&to=2026-03-03T05:00:00Z`,
    );
    expect(day.status).toBe(200);
    // 1 March (local): the CSV's 4 good chlorine values; 2 March: the two manual readings.
    expect(day.body.points.map((p) => p.n)).toEqual([4, 2]);
    expect(day.body.points[1]).toMatchObject({ min: 0.08, max: 0.12 });
    const cmp = await staff.get<{ comparison: { totals: { n: number } } }>(
      `${base()}/measures/${id}/series?grain=hour&from=2026-03-02T05:00:00Z&to=2026-03-03T05:00:00Z&compareFrom=2026-03-01T05:00:00Z`,
    );
    expect(cmp.body.comparison.totals.n).toBe(4);
    const csv = await staff.get(
      `${base()}/measures/${id}/series.csv?grain=day&from=2026-03-01T05:00:00Z&to=2026-03-03T05:00:00Z`,
    );
    expect(csv.status).toBe(200);
    expect(csv.text).toContain('2026-03-01 00:00');
    expect(
      (
        await otherStaff.get(
          `/api/orgs/${otherOrgId}/operations/measures/${id}/series?grain=day&from=2026-03-01T05:00:00Z&to=2026-03-03T05:00:00Z`,
        )
      ).status,
    ).toBe(404);
  });
});
