import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../../tests/support/client.ts';
import { createAccount, createOrg, signInAs } from '../../../tests/support/factories.ts';
import { createTestContext, type TestContext } from '../../../tests/support/harness.ts';
import { auditLog } from '../audit/schema.ts';
import { addresses } from './schema.ts';

let ctx: TestContext;
let orgId: string;
let planner: TestClient;

const CSV = [
  'No civique;Rue;App.;Code postal;Latitude;Longitude',
  '123;rue Saint-Jean;;j6e 1a1;46,0226;-73,4436',
  '125;rue Saint-Jean;2;J6E1A1;46.02265;-73.4435',
  'abc;rue Saint-Jean;;;;',
  '560;boul. Laflèche;;J6E 3Z9;46.04;-73.42',
  '7;montée de l’Église;;D1D 1D1;;',
  '8;;;;;',
  '9;rue Notre-Dame;;;46.03;',
  '"10";"rue ""Principale""";;;46.03;-73.44',
  '11;rue Manuel;;;95;-73.44',
].join('\n');

interface Preview {
  id: string;
  status: string;
  delimiter: string;
  mapping: Record<string, string | null>;
  mappingComplete: boolean;
  total: number;
  checked: number;
  valid: number;
  errorCount: number;
  errors: Array<{ line: number; code: string; message: string }>;
  sample: Array<{ line: number; address: Record<string, unknown> }>;
}
interface Progress {
  status: string;
  processed: number;
  total: number;
  percent: number;
  inserted: number;
  updated: number;
  errorCount: number;
  errors: Array<{ line: number; message: string }>;
}

const upload = (client: TestClient, body: string, type = 'text/csv; charset=utf-8', id = orgId) =>
  client.raw<Preview>({
    method: 'POST',
    url: `/api/orgs/${id}/addresses/imports?fileName=adresses.csv`,
    payload: body,
    headers: { 'content-type': type },
  });

async function importFile(client: TestClient, body: string, type?: string): Promise<Progress> {
  const preview = await upload(client, body, type);
  expect(preview.status).toBe(201);
  const start = await client.post(`/api/orgs/${orgId}/addresses/imports/${preview.body.id}/start`);
  expect(start.status, start.text).toBe(202);
  await ctx.jobs.runPending(['geo.address-import']);
  const progress = await client.get<Progress>(`/api/orgs/${orgId}/addresses/imports/${preview.body.id}`);
  expect(progress.status).toBe(200);
  return progress.body;
}

beforeAll(async () => {
  ctx = await createTestContext();
  orgId = (await createOrg(ctx.db)).id;
  const account = await createAccount(ctx.db, { roles: [{ orgId, role: 'urban_planning' }] });
  planner = ctx.client({ locale: 'fr' });
  await signInAs(ctx.db, planner, account);
  // pg-boss's first start runs long synchronous work in PGlite; started here, and given two samples of
  // the event-loop monitor, it cannot make the server answer the tests' requests "overloaded" (503).
  await ctx.jobs.start();
  await new Promise((resolve) => setTimeout(resolve, 2100));
});
afterAll(async () => ctx?.close());

describe('address import', () => {
  it('previews a CSV: detected columns, parsed rows and line-precise errors, nothing written yet', async () => {
    const res = await upload(planner, CSV);
    expect(res.status).toBe(201);
    const preview = res.body;
    expect(preview.status).toBe('previewed');
    expect(preview.delimiter).toBe(';');
    expect(preview.mapping).toMatchObject({
      civicNumber: 'No civique',
      street: 'Rue',
      unit: 'App.',
      postalCode: 'Code postal',
      latitude: 'Latitude',
      longitude: 'Longitude',
    });
    expect(preview.mappingComplete).toBe(true);
    expect(preview.total).toBe(9);
    expect(preview.checked).toBe(9);
    expect(preview.valid).toBe(4);
    expect(preview.errors.map((e) => [e.line, e.code])).toEqual([
      [4, 'address_import.line.civic_invalid'],
      [6, 'address_import.line.postal_code_invalid'],
      [7, 'address_import.line.street_missing'],
      [8, 'address_import.line.position_incomplete'],
      [10, 'address_import.line.latitude_invalid'],
    ]);
    expect(preview.errors[0]?.message).toBe('Numéro civique invalide : « abc ».');
    expect(preview.sample[0]).toEqual({
      line: 2,
      address: {
        civicNumber: 123,
        civicSuffix: null,
        streetType: 'rue',
        streetName: 'Saint-Jean',
        unit: null,
        municipality: null,
        postalCode: 'J6E 1A1',
        latitude: 46.0226,
        longitude: -73.4436,
      },
    });
    expect(preview.sample[2]?.address).toMatchObject({ streetType: 'boulevard', streetName: 'Laflèche' });
    expect(preview.sample[3]?.address).toMatchObject({ civicNumber: 10, streetName: '"Principale"' });
    expect(await ctx.db.select().from(addresses).where(eq(addresses.orgId, orgId))).toEqual([]);
  });

  it('imports in the background to 100 %, skipping invalid lines, and changes nothing the second time', async () => {
    const first = await importFile(planner, CSV);
    expect(first).toMatchObject({
      status: 'done',
      percent: 100,
      processed: 9,
      total: 9,
      inserted: 4,
      updated: 0,
    });
    expect(first.errorCount).toBe(5);
    expect(first.errors.map((e) => e.line)).toEqual([4, 6, 7, 8, 10]);
    const rows = await ctx.db.select().from(addresses).where(eq(addresses.orgId, orgId));
    expect(rows).toHaveLength(4);
    expect(rows.find((r) => r.civicNumber === 125)).toMatchObject({ unit: '2', postalCode: 'J6E 1A1' });

    // The same addresses written differently (short forms, accents, case) are the same rows.
    const again = await importFile(
      planner,
      'numero,rue,unite,latitude,longitude\n123,R. St-Jean,,46.1,-73.5\n123,rue saint-jean,,46.2,-73.5\n560,Boulevard Lafleche,,,\n',
    );
    expect(again).toMatchObject({ status: 'done', percent: 100, inserted: 1, errorCount: 0 });
    // "R. St-Jean" is not a known street type + name: a new street "R. St-Jean" is added, the others update.
    expect(again.updated).toBe(2);
    const after = await ctx.db.select().from(addresses).where(eq(addresses.orgId, orgId));
    expect(after).toHaveLength(5);
    expect(after.find((r) => r.civicNumber === 123 && r.streetName === 'saint-jean')?.latitude).toBe(46.2);
    const repeat = await importFile(planner, CSV);
    expect(repeat).toMatchObject({ inserted: 0, updated: 4 });
    expect(await ctx.db.select().from(addresses).where(eq(addresses.orgId, orgId))).toHaveLength(5);
  });

  it('imports GeoJSON points, reporting the line where each bad feature starts', async () => {
    const geojson = `{
  "type": "FeatureCollection",
  "features": [
    { "type": "Feature", "geometry": { "type": "Point", "coordinates": [-73.45, 46.03] },
      "properties": { "numero": "200A", "odonyme": "chemin du Lac", "municipalite": "Joliette" } },
    { "type": "Feature", "geometry": { "type": "LineString", "coordinates": [[-73.45, 46.03], [-73.46, 46.04]] },
      "properties": { "numero": "201", "odonyme": "chemin du Lac" } },
    { "type": "Feature", "geometry": { "type": "Point", "coordinates": [-73.45, 46.03] },
      "properties": { "numero": 202, "odonyme": "" } }
  ]
}`;
    const preview = await upload(planner, geojson, 'application/geo+json');
    expect(preview.status).toBe(201);
    expect(preview.body.mapping).toMatchObject({
      civicNumber: 'numero',
      street: 'odonyme',
      municipality: 'municipalite',
    });
    expect(preview.body.errors.map((e) => [e.line, e.code])).toEqual([
      [6, 'address_import.line.not_a_point'],
      [8, 'address_import.line.street_missing'],
    ]);
    const progress = await importFile(planner, geojson, 'application/geo+json');
    expect(progress).toMatchObject({ status: 'done', percent: 100, inserted: 1, errorCount: 2 });
    const [row] = await ctx.db
      .select()
      .from(addresses)
      .where(and(eq(addresses.orgId, orgId), eq(addresses.civicNumber, 200)));
    expect(row).toMatchObject({
      civicSuffix: 'A',
      streetType: 'chemin',
      streetName: 'du Lac',
      latitude: 46.03,
      longitude: -73.45,
    });
  });

  it('reports a malformed file at its line and refuses to start it', async () => {
    const broken = await upload(planner, 'numero,rue\n1,rue A\n2,"rue B\n3,rue C\n');
    expect(broken.body.errors.at(-1)?.code).toBe('address_import.csv_malformed');
    const start = await planner.post<{ error: { code: string } }>(
      `/api/orgs/${orgId}/addresses/imports/${broken.body.id}/start`,
    );
    expect(start.status).toBe(422);
    const json = await upload(
      planner,
      '{\n  "type": "FeatureCollection",\n  "features": [,]\n}',
      'application/geo+json',
    );
    expect(json.body.errors).toEqual([
      expect.objectContaining({ line: 3, code: 'address_import.json_malformed' }),
    ]);
  });

  it('lets the person choose the columns when they are not recognised', async () => {
    const preview = await upload(planner, 'a|b|c\n300|rue des Érables|x\n');
    expect(preview.body.mappingComplete).toBe(false);
    const refused = await planner.post(`/api/orgs/${orgId}/addresses/imports/${preview.body.id}/start`);
    expect(refused.status).toBe(422);
    const unknown = await planner.post<{ error: { code: string } }>(
      `/api/orgs/${orgId}/addresses/imports/${preview.body.id}/preview`,
      { mapping: { civicNumber: 'zz' } },
    );
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.code).toBe('address_import.mapping_unknown_column');
    const remapped = await planner.post<Preview>(
      `/api/orgs/${orgId}/addresses/imports/${preview.body.id}/preview`,
      {
        mapping: { civicNumber: 'a', street: 'b' },
      },
    );
    expect(remapped.status).toBe(200);
    expect(remapped.body).toMatchObject({ mappingComplete: true, valid: 1, errorCount: 0 });
    expect((await planner.post(`/api/orgs/${orgId}/addresses/imports/${preview.body.id}/start`)).status).toBe(
      202,
    );
    expect((await planner.post(`/api/orgs/${orgId}/addresses/imports/${preview.body.id}/start`)).status).toBe(
      409,
    );
  });

  it('lets the person un-map a detected column (null stays null, not an unknown "" column)', async () => {
    const preview = await upload(planner, 'numero,rue,code postal\n12,rue Lajoie,pas un code\n');
    expect(preview.body.mapping).toMatchObject({
      civicNumber: 'numero',
      street: 'rue',
      postalCode: 'code postal',
    });
    expect(preview.body).toMatchObject({ valid: 0, errorCount: 1 });
    const remapped = await planner.post<Preview>(
      `/api/orgs/${orgId}/addresses/imports/${preview.body.id}/preview`,
      { mapping: { postalCode: null, unit: null } },
    );
    expect(remapped.status).toBe(200);
    expect(remapped.body.mapping).toMatchObject({ postalCode: null, unit: null, street: 'rue' });
    expect(remapped.body).toMatchObject({ mappingComplete: true, valid: 1, errorCount: 0 });
  });

  it('takes files over the default 1 MiB body limit, and refuses other types', async () => {
    const lines = ['numero,rue,code postal'];
    for (let i = 1; i <= 40_000; i++) lines.push(`${i},rue des Érables-Rouges-du-Boisé,J6E 1A1`);
    const big = lines.join('\n');
    expect(big.length).toBeGreaterThan(1024 * 1024);
    const res = await upload(planner, big);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ total: 40_000, checked: 2000, valid: 2000, errorCount: 0 });
    const xml = await upload(planner, '<a/>', 'application/xml');
    expect(xml.status).toBe(415);
  });

  it('lets only registry staff import, and only the starter read the progress', async () => {
    const csv = 'numero,rue\n1,rue A\n';
    const anonymous = await upload(ctx.client(), csv);
    expect(anonymous.status, anonymous.text).toBe(401);
    for (const role of ['recreation', 'treasury'] as const) {
      const c = ctx.client();
      await signInAs(ctx.db, c, await createAccount(ctx.db, { roles: [{ orgId, role }] }));
      expect((await upload(c, csv)).status).toBe(403);
    }
    const citizen = ctx.client();
    await signInAs(ctx.db, citizen, await createAccount(ctx.db));
    expect((await upload(citizen, csv)).status).toBe(403);
    // Staff of another organisation cannot import here.
    const elsewhere = (await createOrg(ctx.db)).id;
    const outsider = ctx.client();
    await signInAs(
      ctx.db,
      outsider,
      await createAccount(ctx.db, { roles: [{ orgId: elsewhere, role: 'urban_planning' }] }),
    );
    expect((await upload(outsider, csv)).status).toBe(403);

    const works = ctx.client();
    await signInAs(ctx.db, works, await createAccount(ctx.db, { roles: [{ orgId, role: 'public_works' }] }));
    const mine = await upload(works, csv);
    expect(mine.status).toBe(201);
    const started = await works.post(`/api/orgs/${orgId}/addresses/imports/${mine.body.id}/start`);
    expect(started.status).toBe(202);
    const [audit] = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'address_import.start'), eq(auditLog.targetId, mine.body.id)));
    expect(audit?.orgId).toBe(orgId);
    // A colleague with the same role does not see someone else's import.
    const other = await planner.get<{ error: { code: string } }>(
      `/api/orgs/${orgId}/addresses/imports/${mine.body.id}`,
    );
    expect(other.status).toBe(404);
    expect(other.body.error.code).toBe('address_import.not_found');
  });
});
