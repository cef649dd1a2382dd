import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { and, eq, inArray } from 'drizzle-orm';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, signInAs } from '../../../../tests/support/factories.ts';
import { createTestContext, type TestContext } from '../../../../tests/support/harness.ts';
import {
  emailMessages,
  notificationMessages,
  notificationPreferences,
} from '../../../platform/notify/schema.ts';
import { createTown, staffOf } from '../test-support.ts';
import { distanceKm, inArea } from './area.ts';
import { residentAt } from './test-support.ts';

// The OASIS CAP 1.2 schema kept beside the repository (shared/data/standards/cap), read in place.
const XSD = fileURLToPath(new URL('../../../../../shared/data/standards/cap/cap12.xsd', import.meta.url));

/** Validates a document against the CAP 1.2 XSD with xmllint (libxml2-utils); returns xmllint's verdict. */
function validateCap(xml: string): { ok: boolean; output: string } {
  const run = spawnSync('xmllint', ['--noout', '--schema', XSD, '-'], { input: xml, encoding: 'utf8' });
  return {
    ok: run.status === 0,
    output: `${run.stdout ?? ''}${run.stderr ?? ''}${run.error?.message ?? ''}`,
  };
}

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

const bi = (fr: string, en: string) => ({ fr, en });
// A square around the old town of a fictional Joliette-like town, and points inside and outside it.
const CENTRE: [number, number] = [46.0225, -73.4405];
const INSIDE: [number, number] = [46.0231, -73.4398];
const OUTSIDE: [number, number] = [46.05, -73.5];
const SQUARE: Array<[number, number]> = [
  [46.018, -73.447],
  [46.018, -73.434],
  [46.027, -73.434],
  [46.027, -73.447],
];

function alertInput(overrides: Record<string, unknown> = {}) {
  return {
    eventCode: 'drinkingWate',
    urgency: 'Immediate',
    severity: 'Moderate',
    certainty: 'Observed',
    headline: bi('Avis d’ébullition – secteur centre', 'Boil-water advisory – downtown'),
    description: bi(
      'Bris d’aqueduc rue Notre-Dame & < travaux >.',
      'Water main break on Notre-Dame St & < works >.',
    ),
    instruction: bi(
      'Faites bouillir l’eau une minute avant de la boire.',
      'Boil water for one minute before drinking.',
    ),
    areaDesc: bi('Secteur centre-ville', 'Downtown sector'),
    area: { kind: 'polygon', points: SQUARE },
    expiresAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
    test: false,
    requireApproval: false,
    ...overrides,
  };
}

const parser = new XMLParser({
  ignoreAttributes: false,
  isArray: (name) => ['info', 'eventCode', 'geocode', 'code'].includes(name),
});

describe('alert areas (pure)', () => {
  it('tests polygons and circles', () => {
    expect(inArea(INSIDE, { kind: 'polygon', points: SQUARE })).toBe(true);
    expect(inArea(OUTSIDE, { kind: 'polygon', points: SQUARE })).toBe(false);
    expect(distanceKm(CENTRE, [46.0315, -73.4405])).toBeCloseTo(1.0, 1);
    expect(inArea(INSIDE, { kind: 'circle', center: CENTRE, radiusKm: 0.5 })).toBe(true);
    expect(inArea(OUTSIDE, { kind: 'circle', center: CENTRE, radiusKm: 0.5 })).toBe(false);
  });
});

describe('emergency alerts', () => {
  it('the CAP XSD is available and xmllint rejects an invalid document', () => {
    expect(existsSync(XSD)).toBe(true);
    const broken = validateCap(
      '<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>x</identifier></alert>',
    );
    expect(broken.ok).toBe(false);
  });

  it('reaches residents in the area on their channels despite category opt-outs, and publishes valid CAP-CP', async () => {
    const town = await createTown(ctx.db, 'Alerte');
    const inside = await residentAt(ctx.db, town.id, INSIDE);
    const outside = await residentAt(ctx.db, town.id, OUTSIDE);
    // The inside resident turned every channel off for emergencies except text messages… and has no phone:
    // the alert still reaches them (e-mail and inbox), as an emergency cannot be opted out of.
    await ctx.db.insert(notificationPreferences).values({
      accountId: inside.id,
      category: 'emergency',
      email: false,
      sms: true,
      push: false,
      inapp: false,
    });
    const subscriber = await createAccount(ctx.db);
    const sub = ctx.client();
    await signInAs(ctx.db, sub, subscriber);
    expect(
      (
        await sub.put(`/api/orgs/${town.id}/citizen/alerts/subscription`, {
          subscribed: true,
          label: 'Chalet',
        })
      ).status,
    ).toBe(200);

    const { client: staff } = await staffOf(ctx, town.id, 'public_works');
    const sent = await staff.post<{
      id: string;
      rootId: string;
      recipients: number;
      capUrl: string;
      active: boolean;
    }>(`/api/orgs/${town.id}/citizen/staff/alerts`, alertInput());
    expect(sent.status).toBe(200);
    expect(sent.body.recipients).toBe(2);
    expect(sent.body.active).toBe(true);
    while ((await ctx.jobs.runPending()) > 0) {}
    const mails = await ctx.db
      .select()
      .from(emailMessages)
      .where(eq(emailMessages.campaignId, (await delivery(staff, town.id, sent.body.id)).id));
    const to = mails.map((m) => m.accountId).sort();
    expect(to).toEqual([inside.id, subscriber.id].sort());
    expect(mails.every((m) => m.unsubscribeUrl === null)).toBe(true);
    expect(mails.find((m) => m.accountId === inside.id)?.subject).toContain('Avis d’ébullition');
    const outsiderMessages = await ctx.db
      .select()
      .from(emailMessages)
      .where(eq(emailMessages.accountId, outside.id));
    expect(outsiderMessages).toHaveLength(0);
    const inbox = await ctx.db
      .select()
      .from(notificationMessages)
      .where(
        and(
          eq(notificationMessages.accountId, subscriber.id),
          eq(notificationMessages.category, 'emergency'),
        ),
      );
    expect(inbox.map((m) => m.channel)).toEqual(['inapp']);
    expect(inbox[0]?.urgency).toBe('high');

    const report = await staff.get<{
      recipients: number;
      totals: { sent: number; queued: number };
      channels: { email: { sent: number } };
    }>(`/api/orgs/${town.id}/citizen/staff/alerts/${sent.body.id}/delivery`);
    expect(report.body.recipients).toBe(2);
    expect(report.body.channels.email.sent).toBe(2);

    const banner = await ctx
      .client()
      .get<{ items: Array<{ id: string }> }>(`/api/orgs/${town.id}/citizen/alerts/active`);
    expect(banner.body.items.map((a) => a.id)).toEqual([sent.body.id]);

    // Update, then cancel: each references every earlier message of the chain.
    const updated = await staff.post<{ id: string }>(
      `/api/orgs/${town.id}/citizen/staff/alerts/${sent.body.id}/update`,
      alertInput({
        headline: bi('Avis d’ébullition prolongé', 'Boil-water advisory extended'),
        area: { kind: 'circle', center: CENTRE, radiusKm: 1.5 },
      }),
    );
    expect(updated.status).toBe(200);
    const stale = await staff.post<{ error: { code: string } }>(
      `/api/orgs/${town.id}/citizen/staff/alerts/${sent.body.id}/cancel`,
      alertInput(),
    );
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('alert.not_current');
    const cancelled = await staff.post<{ id: string }>(
      `/api/orgs/${town.id}/citizen/staff/alerts/${updated.body.id}/cancel`,
      alertInput({
        headline: bi('Fin de l’avis d’ébullition', 'Boil-water advisory lifted'),
        instruction: bi('L’eau est potable.', 'Water is safe to drink.'),
      }),
    );
    expect(cancelled.status).toBe(200);
    expect(
      (await ctx.client().get<{ items: unknown[] }>(`/api/orgs/${town.id}/citizen/alerts/active`)).body.items,
    ).toHaveLength(0);

    const atom = await ctx.client().raw({ method: 'GET', url: `/feeds/${town.slug}/alerts.atom` });
    expect(atom.status).toBe(200);
    expect(String(atom.headers['content-type'])).toContain('application/atom+xml');
    const feed = parser.parse(atom.text).feed;
    const entries = Array.isArray(feed.entry) ? feed.entry : [feed.entry];
    expect(entries).toHaveLength(3);
    const identifiers: string[] = [];
    for (const id of [sent.body.id, updated.body.id, cancelled.body.id]) {
      const href = `http://localhost:3000/feeds/${town.slug}/alerts/${id}.xml`;
      expect(
        entries.some((e: { link: { '@_href': string } }) =>
          e.link['@_href'].endsWith(`/feeds/${town.slug}/alerts/${id}.xml`),
        ),
      ).toBe(true);
      const res = await ctx.client().raw({ method: 'GET', url: new URL(href).pathname });
      expect(res.status).toBe(200);
      expect(String(res.headers['content-type'])).toContain('application/cap+xml');
      const verdict = validateCap(res.text);
      expect(verdict.output).toContain('validates');
      expect(verdict.ok).toBe(true);
      const alert = parser.parse(res.text).alert;
      identifiers.push(alert.identifier);
      // CAP-CP: the profile code, French and English info blocks, CAP-CP event and location codes.
      expect(alert.code).toContain('profile:CAP-CP:0.4');
      expect(alert.info.map((i: { language: string }) => i.language)).toEqual(['fr-CA', 'en-CA']);
      for (const info of alert.info) {
        expect(info.eventCode).toEqual([{ valueName: 'profile:CAP-CP:Event:0.4', value: 'drinkingWate' }]);
        expect(info.area.geocode).toEqual([
          { valueName: 'profile:CAP-CP:Location:0.3', value: Number(`24${town.geoCode}`) },
        ]);
        expect(info.category).toBe('Health');
      }
      expect(alert.sent).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d-00:00$/);
    }
    const [first, second, third] = await Promise.all(
      [sent.body.id, updated.body.id, cancelled.body.id].map(
        async (id) =>
          parser.parse(
            (await ctx.client().raw({ method: 'GET', url: `/feeds/${town.slug}/alerts/${id}.xml` })).text,
          ).alert,
      ),
    );
    expect(first.msgType).toBe('Alert');
    expect(first.references).toBeUndefined();
    expect(first.info[0].area.polygon.split(' ')).toHaveLength(5);
    expect(second.msgType).toBe('Update');
    expect(second.info[0].area.circle).toBe('46.0225,-73.4405 1.5');
    expect(second.references.split(' ').map((r: string) => r.split(',')[1])).toEqual([identifiers[0]]);
    expect(third.msgType).toBe('Cancel');
    expect(third.info[0].responseType).toBe('AllClear');
    expect(third.references.split(' ').map((r: string) => r.split(',')[1])).toEqual([
      identifiers[0],
      identifiers[1],
    ]);
  });

  it('test mode reaches staff only; approval needs a second authorised person', async () => {
    const town = await createTown(ctx.db, 'Exercice');
    const resident = await residentAt(ctx.db, town.id, INSIDE);
    const author = await staffOf(ctx, town.id, 'public_works');
    const approver = await staffOf(ctx, town.id, 'clerk');
    const pending = await author.client.post<{ id: string; state: string; recipients: number }>(
      `/api/orgs/${town.id}/citizen/staff/alerts`,
      alertInput({ test: true, requireApproval: true, area: { kind: 'territory' } }),
    );
    expect(pending.body.state).toBe('pending_approval');
    expect(
      (await ctx.client().get<{ items: unknown[] }>(`/api/orgs/${town.id}/citizen/alerts/active`)).body.items,
    ).toHaveLength(0);
    const self = await author.client.post<{ error: { code: string } }>(
      `/api/orgs/${town.id}/citizen/staff/alerts/${pending.body.id}/decision`,
      { approve: true },
    );
    expect(self.status).toBe(403);
    expect(self.body.error.code).toBe('alert.self_approval');
    const [a, b] = await Promise.all([
      approver.client.post<{ recipients: number; state: string }>(
        `/api/orgs/${town.id}/citizen/staff/alerts/${pending.body.id}/decision`,
        { approve: true },
      ),
      approver.client.post(`/api/orgs/${town.id}/citizen/staff/alerts/${pending.body.id}/decision`, {
        approve: true,
      }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const ok = a.status === 200 ? a : b;
    expect((ok.body as { recipients: number }).recipients).toBe(2);
    while ((await ctx.jobs.runPending()) > 0) {}
    const got = await ctx.db
      .select({ accountId: emailMessages.accountId })
      .from(emailMessages)
      .where(inArray(emailMessages.accountId, [resident.id, author.account.id, approver.account.id]));
    expect(got.map((g) => g.accountId).sort()).toEqual([author.account.id, approver.account.id].sort());
    const xml = await ctx
      .client()
      .raw({ method: 'GET', url: `/feeds/${town.slug}/alerts/${pending.body.id}.xml` });
    expect(parser.parse(xml.text).alert.status).toBe('Test');
    expect(validateCap(xml.text).ok).toBe(true);
  });

  it('another town’s staff and citizens cannot issue, read or follow this town’s alerts', async () => {
    const town = await createTown(ctx.db, 'Ici');
    const other = await createTown(ctx.db, 'Ailleurs');
    const { client: staff } = await staffOf(ctx, town.id, 'public_works');
    const sent = await staff.post<{ id: string }>(`/api/orgs/${town.id}/citizen/staff/alerts`, alertInput());
    const { client: foreign } = await staffOf(ctx, other.id, 'public_works');
    expect((await foreign.post(`/api/orgs/${town.id}/citizen/staff/alerts`, alertInput())).status).toBe(403);
    expect(
      (await foreign.get(`/api/orgs/${other.id}/citizen/staff/alerts/${sent.body.id}/delivery`)).status,
    ).toBe(404);
    expect(
      (await foreign.post(`/api/orgs/${other.id}/citizen/staff/alerts/${sent.body.id}/cancel`, alertInput()))
        .status,
    ).toBe(404);
    expect(
      (await ctx.client().raw({ method: 'GET', url: `/feeds/${other.slug}/alerts/${sent.body.id}.xml` }))
        .status,
    ).toBe(404);
    const { client: recreation } = await staffOf(ctx, town.id, 'recreation');
    expect((await recreation.post(`/api/orgs/${town.id}/citizen/staff/alerts`, alertInput())).status).toBe(
      403,
    );
    const citizen = ctx.client();
    await signInAs(ctx.db, citizen, await createAccount(ctx.db));
    expect((await citizen.get(`/api/orgs/${town.id}/citizen/staff/alerts`)).status).toBe(403);
  });
});

async function delivery(
  staff: ReturnType<TestContext['client']>,
  orgId: string,
  alertId: string,
): Promise<{ id: string }> {
  const { alerts } = await import('./schema.ts');
  const [row] = await ctx.db
    .select()
    .from(alerts)
    .where(and(eq(alerts.orgId, orgId), eq(alerts.id, alertId)));
  void staff;
  return { id: row?.campaignId ?? '' };
}
