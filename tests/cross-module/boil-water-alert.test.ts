// Cross-module (operations → citizen, through the domain event only): a failing E. coli result recorded
// over HTTP becomes a boil-water alert of the citizen module for that organisation only; lifting the
// advisory cancels it; with the organisation's approval setting, both wait for a second person.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOIL_WATER_EVENT } from '../../src/modules/citizen/alerts/boil-water-alert.ts';
import { residentAt } from '../../src/modules/citizen/alerts/test-support.ts';
import { publishDomainEvent } from '../../src/platform/events/domain-events.ts';
import type { TestClient } from '../support/client.ts';
import { createAccount, createOrg, signInAs } from '../support/factories.ts';
import { createTestContext, type TestContext } from '../support/harness.ts';

interface Alert {
  id: string;
  rootId: string;
  referencesId: string | null;
  msgType: string;
  state: string;
  eventCode: string;
  active: boolean;
  recipients: number;
  headline: { fr: string; en: string };
}

let ctx: TestContext;
let orgId: string;
let otherOrgId: string;
let operator: TestClient;
let alertStaff: TestClient;
let otherAlertStaff: TestClient;
let samples: string[] = [];

const water = () => `/api/orgs/${orgId}/operations/water`;
const active = async (org: string) =>
  (await operator.get<{ items: Alert[] }>(`/api/orgs/${org}/citizen/alerts/active`)).body.items;
const staffList = async () =>
  (await alertStaff.get<{ items: Alert[] }>(`/api/orgs/${orgId}/citizen/staff/alerts`)).body.items;

/** Records a lab result with E. coli on the next planned sample; returns the E. coli exceedance. */
async function failingEColi(): Promise<string> {
  const sampleId = samples.shift();
  const res = await operator.post<{ exceedances: Array<{ id: string; parameter: string }> }>(
    `${water()}/samples/${sampleId}/result`,
    { takenAt: '2026-03-04T14:00:00Z', laboratory: 'Laboratoire régional', eColi: 2, totalColiforms: 30 },
  );
  expect(res.status).toBe(200);
  const eColi = res.body.exceedances.find((e) => e.parameter === 'e_coli');
  expect(eColi).toBeDefined();
  return eColi?.id ?? '';
}

const step = (exceedanceId: string, body: object) =>
  operator.post(`${water()}/exceedances/${exceedanceId}/steps`, body);

beforeAll(async () => {
  ctx = await createTestContext();
  orgId = (await createOrg(ctx.db)).id;
  otherOrgId = (await createOrg(ctx.db)).id;
  operator = ctx.client();
  await signInAs(ctx.db, operator, await createAccount(ctx.db, { roles: [{ orgId, role: 'operations' }] }));
  alertStaff = ctx.client();
  await signInAs(ctx.db, alertStaff, await createAccount(ctx.db, { roles: [{ orgId, role: 'clerk' }] }));
  otherAlertStaff = ctx.client();
  await signInAs(
    ctx.db,
    otherAlertStaff,
    await createAccount(ctx.db, { roles: [{ orgId: otherOrgId, role: 'clerk' }] }),
  );
  await residentAt(ctx.db, orgId, [47.83, -69.53]);
  await residentAt(ctx.db, otherOrgId, [47.83, -69.53]);
  for (const station of [
    { code: 'UTE', nameFr: 'Usine', nameEn: 'Plant', kind: 'treatment_outlet', populationServed: 8_000 },
    {
      code: 'R-01',
      nameFr: 'Bout du réseau',
      nameEn: 'Network end',
      kind: 'network_point',
      networkExtremity: true,
    },
  ])
    expect((await operator.post(`/api/orgs/${orgId}/operations/stations`, station)).status).toBe(201);
  const plan = await operator.post<{ samples: Array<{ id: string }> }>(`${water()}/samples/plan`, {
    month: '2026-03',
  });
  expect(plan.status).toBe(200);
  samples = plan.body.samples.map((s) => s.id);
});

afterAll(async () => {
  await ctx?.close();
});

describe('boil-water advisory → emergency alert', () => {
  let advisoryId: string;
  let alertId: string;

  it('publishes a drinking-water alert to the organisation’s residents, and to no other organisation', async () => {
    advisoryId = await failingEColi();
    // No advisory yet: an exceedance alone alerts nobody.
    expect(await active(orgId)).toHaveLength(0);
    expect((await step(advisoryId, { step: 'notice', boilWater: true })).status).toBe(200);
    const [alert, ...rest] = await active(orgId);
    expect(rest).toHaveLength(0);
    expect(alert).toMatchObject({
      msgType: 'Alert',
      state: 'sent',
      eventCode: BOIL_WATER_EVENT,
      active: true,
    });
    expect(alert?.headline.fr).toContain('Avis d’ébullition');
    expect(alert?.headline.en).toContain('Boil-water advisory');
    expect(alert?.recipients).toBe(1);
    alertId = alert?.id ?? '';
    expect(await active(otherOrgId)).toHaveLength(0);
    const otherStaffList = await otherAlertStaff.get<{ items: Alert[] }>(
      `/api/orgs/${otherOrgId}/citizen/staff/alerts`,
    );
    expect(otherStaffList.body.items).toHaveLength(0);
  });

  it('writes one alert when the same advisory is published twice', async () => {
    const advisory = {
      orgId,
      advisoryId,
      state: 'issued' as const,
      stationName: { fr: 'Bout du réseau', en: 'Network end' },
      reason: { fr: 'E. coli', en: 'E. coli' },
      at: new Date().toISOString(),
      actorAccountId: null,
    };
    const results = await publishDomainEvent(ctx, 'water.boil_water_advisory', advisory);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(await staffList()).toHaveLength(1);
  });

  it('cancels the alert, referencing it, when the advisory is lifted', async () => {
    expect((await step(advisoryId, { step: 'close', note: 'Rééchantillonnage conforme' })).status).toBe(200);
    expect(await active(orgId)).toHaveLength(0);
    const list = await staffList();
    const cancel = list.find((a) => a.msgType === 'Cancel');
    expect(cancel).toMatchObject({ state: 'sent', referencesId: alertId, rootId: alertId });
    expect(cancel?.headline.fr).toContain('Levée');
    // Lifting again changes nothing.
    const again = await publishDomainEvent(ctx, 'water.boil_water_advisory', {
      orgId,
      advisoryId,
      state: 'lifted',
      stationName: { fr: 'x', en: 'x' },
      reason: { fr: 'x', en: 'x' },
      at: new Date().toISOString(),
      actorAccountId: null,
    });
    expect(again.every((r) => r.ok)).toBe(true);
    expect(await staffList()).toHaveLength(2);
  });
});

describe('when the organisation asks for a second person', () => {
  it('only alert staff of the organisation change the setting', async () => {
    const path = `/api/orgs/${orgId}/citizen/staff/alert-settings`;
    expect((await operator.put(path, { eventAlertsNeedApproval: true })).status).toBe(403);
    expect((await alertStaff.get<{ eventAlertsNeedApproval: boolean }>(path)).body).toEqual({
      eventAlertsNeedApproval: false,
    });
    const saved = await alertStaff.put(path, { eventAlertsNeedApproval: true });
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({ eventAlertsNeedApproval: true });
  });

  it('submits the alert for approval; an approver sends it; lifting submits the cancellation', async () => {
    const advisory = await failingEColi();
    await step(advisory, { step: 'notice', boilWater: true });
    expect(await active(orgId)).toHaveLength(0);
    const draft = (await staffList()).find((a) => a.state === 'pending_approval');
    expect(draft).toMatchObject({ msgType: 'Alert', eventCode: BOIL_WATER_EVENT });
    const approved = await alertStaff.post<Alert>(
      `/api/orgs/${orgId}/citizen/staff/alerts/${draft?.id}/decision`,
      { approve: true },
    );
    expect(approved.status).toBe(200);
    expect((await active(orgId)).map((a) => a.id)).toEqual([draft?.id]);
    await step(advisory, { step: 'close' });
    const cancel = (await staffList()).find((a) => a.msgType === 'Cancel' && a.referencesId === draft?.id);
    expect(cancel?.state).toBe('pending_approval');
  });

  it('withdraws a draft still waiting when the advisory is lifted first', async () => {
    const advisory = await failingEColi();
    await step(advisory, { step: 'notice', boilWater: true });
    const before = await staffList();
    const draft = before.find((a) => a.state === 'pending_approval' && a.msgType === 'Alert');
    expect(draft).toBeDefined();
    await step(advisory, { step: 'close' });
    const after = await staffList();
    expect(after.find((a) => a.id === draft?.id)?.state).toBe('rejected');
    expect(after).toHaveLength(before.length);
  });
});
