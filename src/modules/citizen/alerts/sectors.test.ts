import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, signInAs } from '../../../../tests/support/factories.ts';
import { createTestContext, type TestContext } from '../../../../tests/support/harness.ts';
import { createTown, staffOf } from '../test-support.ts';
import { residentAt } from './test-support.ts';

const XSD = fileURLToPath(new URL('../../../../../shared/data/standards/cap/cap12.xsd', import.meta.url));

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

const bi = (fr: string, en: string) => ({ fr, en });
const WEST: Array<[number, number]> = [
  [46.018, -73.447],
  [46.018, -73.434],
  [46.027, -73.434],
  [46.027, -73.447],
];
const EAST: Array<[number, number]> = WEST.map(([lat, lon]) => [lat, lon + 0.05]);
const BOWTIE = [WEST[0], WEST[2], WEST[1], WEST[3]];

function alertInput(area: unknown) {
  return {
    eventCode: 'flood',
    urgency: 'Expected',
    severity: 'Severe',
    certainty: 'Likely',
    headline: bi('Crue printanière', 'Spring flood'),
    description: bi('La rivière monte.', 'The river is rising.'),
    instruction: bi('Éloignez-vous des berges.', 'Keep away from the banks.'),
    areaDesc: bi('Secteur ouest', 'West sector'),
    area,
    expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    test: false,
    requireApproval: false,
  };
}

type Problem = { error: { code: string; message: string } };

describe('alert areas: drawn polygons and named sectors', () => {
  it('refuses a self-crossing polygon with a message in the caller’s language', async () => {
    const town = await createTown(ctx.db, 'Polygone');
    const { client: fr } = await staffOf(ctx, town.id, 'public_works');
    const { client: en } = await staffOf(ctx, town.id, 'public_works', 'en');
    const crossing = await fr.post<Problem>(
      `/api/orgs/${town.id}/citizen/staff/alerts`,
      alertInput({ kind: 'polygon', points: BOWTIE }),
    );
    expect(crossing.status).toBe(422);
    expect(crossing.body.error.code).toBe('alert.polygon_crossing');
    expect(crossing.body.error.message).toContain('se croisent');
    const line = await en.post<Problem>(
      `/api/orgs/${town.id}/citizen/staff/alerts`,
      alertInput({ kind: 'polygon', points: [WEST[0], WEST[1], WEST[0]] }),
    );
    expect(line.status).toBe(422);
    expect(line.body.error.code).toBe('alert.polygon_points');
    expect(line.body.error.message).toContain('three distinct points');
    const far = await fr.post<Problem>(
      `/api/orgs/${town.id}/citizen/staff/alerts`,
      alertInput({ kind: 'polygon', points: [[95, -73], ...WEST.slice(1)] }),
    );
    expect(far.status).toBe(400);
  });

  it('staff draw sectors; an alert on a sector reaches the residents inside it and publishes its outline', async () => {
    const town = await createTown(ctx.db, 'Secteurs');
    const west = await residentAt(ctx.db, town.id, [46.022, -73.44]);
    await residentAt(ctx.db, town.id, [46.022, -73.39]);
    await residentAt(ctx.db, town.id, [46.022, -73.41]);
    const { client: staff } = await staffOf(ctx, town.id, 'public_works');

    const created = await staff.post<{ id: string; points: unknown[] }>(
      `/api/orgs/${town.id}/citizen/staff/alerts/sectors`,
      { name: bi('Ouest', 'West'), points: [...WEST, WEST[0]] },
    );
    expect(created.status).toBe(200);
    expect(created.body.points).toHaveLength(4);
    const east = await staff.post<{ id: string }>(`/api/orgs/${town.id}/citizen/staff/alerts/sectors`, {
      name: bi('Est', 'East'),
      points: EAST,
    });
    expect(east.status).toBe(200);
    const again = await staff.post<Problem>(`/api/orgs/${town.id}/citizen/staff/alerts/sectors`, {
      name: bi('Ouest', 'West again'),
      points: EAST,
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('alert.sector_name_taken');
    const badSector = await staff.post<Problem>(`/api/orgs/${town.id}/citizen/staff/alerts/sectors`, {
      name: bi('Huit', 'Eight'),
      points: BOWTIE,
    });
    expect(badSector.body.error.code).toBe('alert.polygon_crossing');

    const listed = await ctx
      .client()
      .get<{ items: Array<{ name: { fr: string } }> }>(`/api/orgs/${town.id}/citizen/alerts/sectors`);
    expect(listed.body.items.map((s) => s.name.fr)).toEqual(['Est', 'Ouest']);

    const sent = await staff.post<{ id: string; recipients: number; area: { kind: string } }>(
      `/api/orgs/${town.id}/citizen/staff/alerts`,
      alertInput({ kind: 'sectors', sectorIds: [created.body.id] }),
    );
    expect(sent.status).toBe(200);
    expect(sent.body.recipients).toBe(1);
    expect(sent.body.area.kind).toBe('sectors');
    const both = await staff.post<{ id: string; recipients: number }>(
      `/api/orgs/${town.id}/citizen/staff/alerts/${sent.body.id}/update`,
      alertInput({ kind: 'sectors', sectorIds: [created.body.id, east.body.id] }),
    );
    expect(both.body.recipients).toBe(2);

    const xml = await ctx
      .client()
      .raw({ method: 'GET', url: `/feeds/${town.slug}/alerts/${both.body.id}.xml` });
    const lint = spawnSync('xmllint', ['--noout', '--schema', XSD, '-'], {
      input: xml.text,
      encoding: 'utf8',
    });
    expect(lint.status).toBe(0);
    const parsed = new XMLParser({ isArray: (n) => ['info', 'polygon'].includes(n) }).parse(xml.text);
    const polygons: string[] = parsed.alert.info[0].area.polygon;
    expect(polygons).toHaveLength(2);
    for (const p of polygons) {
      const pairs = p.split(' ');
      expect(pairs).toHaveLength(5);
      expect(pairs[0]).toBe(pairs[4]);
    }
    // Removing a sector leaves the alerts that used it as they were.
    expect(
      (await staff.delete(`/api/orgs/${town.id}/citizen/staff/alerts/sectors/${east.body.id}`)).status,
    ).toBe(204);
    const history = await ctx
      .client()
      .get<{ items: Array<{ area: { sectors?: unknown[] } }> }>(
        `/api/orgs/${town.id}/citizen/alerts/${sent.body.id}/history`,
      );
    expect(history.body.items.at(-1)?.area.sectors).toHaveLength(2);
    expect(west.id).toBeTruthy();
  });

  it('sectors stay inside their town, and only alert staff draw them', async () => {
    const town = await createTown(ctx.db, 'Ici');
    const other = await createTown(ctx.db, 'Ailleurs');
    const { client: staff } = await staffOf(ctx, town.id, 'public_works');
    const { client: otherStaff } = await staffOf(ctx, other.id, 'public_works');
    const theirs = await otherStaff.post<{ id: string }>(
      `/api/orgs/${other.id}/citizen/staff/alerts/sectors`,
      {
        name: bi('Chez eux', 'Theirs'),
        points: WEST,
      },
    );
    const unknown = await staff.post<Problem>(
      `/api/orgs/${town.id}/citizen/staff/alerts`,
      alertInput({ kind: 'sectors', sectorIds: [theirs.body.id] }),
    );
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.code).toBe('alert.sector_unknown');
    expect(
      (await staff.delete(`/api/orgs/${town.id}/citizen/staff/alerts/sectors/${theirs.body.id}`)).status,
    ).toBe(404);
    expect(
      (
        await otherStaff.post(`/api/orgs/${town.id}/citizen/staff/alerts/sectors`, {
          name: bi('Intrus', 'Intruder'),
          points: WEST,
        })
      ).status,
    ).toBe(403);
    const citizen = ctx.client();
    await signInAs(ctx.db, citizen, await createAccount(ctx.db));
    expect(
      (
        await citizen.post(`/api/orgs/${town.id}/citizen/staff/alerts/sectors`, {
          name: bi('Moi', 'Me'),
          points: WEST,
        })
      ).status,
    ).toBe(403);
    const { client: recreation } = await staffOf(ctx, town.id, 'recreation');
    expect(
      (
        await recreation.post(`/api/orgs/${town.id}/citizen/staff/alerts/sectors`, {
          name: bi('Loisirs', 'Recreation'),
          points: WEST,
        })
      ).status,
    ).toBe(403);
  });
});
