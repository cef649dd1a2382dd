import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createOrg, signInAs } from '../../../../tests/support/factories.ts';
import { createTestContext, type TestContext } from '../../../../tests/support/harness.ts';
import { multipartForm } from '../../../../tests/support/uploads.ts';
import { auditLog } from '../../../platform/audit/schema.ts';
import { runImportRollCommand } from './cli-import-roll.ts';
import { CARDINAL_POINTS, LINKING_WORDS, STREET_TYPES } from './codes.ts';
import { importRoll } from './import-roll.ts';
import { municipalityName } from './municipalities.ts';
import { rollImports, rollUnits } from './schema.ts';

// Unit 0668-90-0333 of the 2026 roll of Sainte-Thérèse-de-Gaspé (RL02010_2026.xml), written as the MAMH
// file writes it, then a vacant lot of the same street (no building fields at all).
const VERBATIM_UNIT = `  <RLUEx>
    <RL0101>
      <RL0101x>
        <RL0101Ax>47</RL0101Ax>
        <RL0101Ex>CH</RL0101Ex>
        <RL0101Gx>Saint-Isidore</RL0101Gx>
      </RL0101x>
    </RL0101>
    <RL0103>
      <RL0103x>
        <RL0103Ax>5648619</RL0103Ax>
      </RL0103x>
    </RL0103>
    <RL0104A>0668</RL0104A>
    <RL0104B>90</RL0104B>
    <RL0104C>0333</RL0104C>
    <RL0104D>0</RL0104D>
    <RL0104E>000</RL0104E>
    <RL0104F>0000</RL0104F>
    <RL0105A>1000</RL0105A>
    <RL0107A>0003</RL0107A>
    <RL0201>
      <RL0201x>
        <RL0201Ax>Lelièvre</RL0201Ax>
        <RL0201Bx>Josée</RL0201Bx>
      </RL0201x>
    </RL0201>
    <RL0301A>38.1</RL0301A>
    <RL0302A>2601.3</RL0302A>
    <RL0306A>1</RL0306A>
    <RL0307A>2022</RL0307A>
    <RL0307B>R</RL0307B>
    <RL0308A>111.5</RL0308A>
    <RL0311A>1</RL0311A>
    <RL0401A>2024-07-01</RL0401A>
    <RL0402A>35200</RL0402A>
    <RL0403A>179100</RL0403A>
    <RL0404A>214300</RL0404A>
    <RL0405A>125100</RL0405A>
  </RLUEx>
`;
const VACANT_LOT = `  <RLUEx>
    <RL0101>
      <RL0101x>
        <RL0101Ax>61</RL0101Ax>
        <RL0101Ex>CH</RL0101Ex>
        <RL0101Gx>Saint-Isidore</RL0101Gx>
      </RL0101x>
    </RL0101>
    <RL0103>
      <RL0103x>
        <RL0103Ax>5648620</RL0103Ax>
      </RL0103x>
    </RL0103>
    <RL0104A>0668</RL0104A>
    <RL0104B>90</RL0104B>
    <RL0104C>1540</RL0104C>
    <RL0105A>9100</RL0105A>
    <RL0107A>0003</RL0107A>
    <RL0301A>30</RL0301A>
    <RL0302A>1858.1</RL0302A>
    <RL0401A>2024-07-01</RL0401A>
    <RL0402A>12300</RL0402A>
    <RL0404A>12300</RL0404A>
    <RL0405A>9800</RL0405A>
  </RLUEx>
`;
const rollFile = (year: number, units: string) =>
  `\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n<RL>\n  <VERSION>2.0</VERSION>\n  <RLM01A>02010</RLM01A>\n  <RLM02A>${year}</RLM02A>\n${units}</RL>\n`;

const SHARED = fileURLToPath(new URL('../../../../../shared/data/quebec-roll/', import.meta.url));
const csvCodes = (name: string) =>
  readFileSync(join(SHARED, name), 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim())
    .map((l) => l.split(',')[0]?.trim() ?? '');

let ctx: TestContext;
let orgId: string;
let staff: ReturnType<TestContext['client']>;
let work: string;
const fromText = (text: string) => Readable.from([Buffer.from(text)]);

beforeAll(async () => {
  ctx = await createTestContext();
  const org = await createOrg(ctx.db, { geoCode: '02010', nameFr: 'Sainte-Thérèse-de-Gaspé' });
  orgId = org.id;
  const planner = await createAccount(ctx.db, { roles: [{ orgId, role: 'urban_planning' }] });
  staff = ctx.client();
  await signInAs(ctx.db, staff, planner);
  work = mkdtempSync(join(tmpdir(), 'roll-test-'));
});
afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
  await ctx?.close();
});

interface Unit {
  id: string;
  matricule: string;
  address: string;
  lots: string[];
  use: { code: string; fr: string; en: string };
  addresses: Array<{ streetType: { fr: string; en: string } }>;
  characteristics: Record<string, number | string | null>;
  values: Record<string, number | string | null>;
  previousRoll: { year: number; totalValue: number } | null;
  ownersVisible: boolean;
  owners: Array<Record<string, string>> | null;
}

describe('assessment roll', () => {
  it('keeps decoding tables covering the reference files', () => {
    if (!existsSync(SHARED)) return;
    for (const code of csvCodes('street-types.csv')) expect(STREET_TYPES.has(code), code).toBe(true);
    for (const code of csvCodes('linking-words.csv')) expect(LINKING_WORDS.has(code), code).toBe(true);
    for (const code of csvCodes('cardinal-points.csv')) expect(CARDINAL_POINTS.has(code), code).toBe(true);
    for (const line of readFileSync(join(SHARED, 'municipalities.csv'), 'utf8').split(/\r?\n/).slice(1)) {
      const [, code, name] = line.split(',');
      if (code) expect(municipalityName(code.trim())).toBe(name?.trim());
    }
  });

  it('imports the verbatim unit and a vacant lot, and shows them to the public without owners', async () => {
    const summary = await importRoll({
      db: ctx.db,
      orgId,
      source: fromText(rollFile(2026, VERBATIM_UNIT + VACANT_LOT)),
      fileName: 'RL02010_2026.xml',
    });
    expect(summary).toMatchObject({ status: 'active', year: 2026, municipalityCode: '02010', unitsRead: 2 });
    expect(summary.unitsImported).toBe(2);

    const visitor = ctx.client({ locale: 'en' });
    const found = await visitor.get<{ items: Array<{ id: string; address: string }> }>(
      `/api/orgs/${orgId}/portal/roll/search?q=${encodeURIComponent('47 ch St-Isidor')}`,
    );
    expect(found.status).toBe(200);
    expect(found.body.items[0]?.address).toBe('47, chemin Saint-Isidore');
    const unit = await visitor.get<Unit>(`/api/orgs/${orgId}/portal/roll/units/${found.body.items[0]?.id}`);
    expect(unit.body).toMatchObject({
      matricule: '0668-90-0333',
      lots: ['5648619'],
      use: { code: '1000', fr: 'Logement', en: 'Dwelling' },
      values: { land: 35200, building: 179100, total: 214300, previous: 125100, changePercent: 71.3 },
      ownersVisible: false,
      owners: null,
    });
    expect(unit.body.characteristics).toMatchObject({
      yearBuilt: 2022,
      yearBuiltKind: 'R',
      storeys: 1,
      dwellings: 1,
    });
    expect(unit.body.addresses[0]?.streetType).toMatchObject({ fr: 'chemin', en: 'road' });

    const byLot = await visitor.get<{ items: Array<{ id: string; matricule: string }> }>(
      `/api/orgs/${orgId}/portal/roll/search?q=${encodeURIComponent('5 648 620')}`,
    );
    expect(byLot.body.items.map((i) => i.matricule)).toEqual(['0668-90-1540']);
    const lot = await visitor.get<Unit>(`/api/orgs/${orgId}/portal/roll/units/${byLot.body.items[0]?.id}`);
    expect(lot.body.use).toMatchObject({ code: '9100' });
    expect(lot.body.characteristics).toEqual({
      frontage: 30,
      area: 1858.1,
      storeys: null,
      yearBuilt: null,
      yearBuiltKind: null,
      floorArea: null,
      dwellings: null,
    });
    expect(lot.body.values).toMatchObject({ building: null, total: 12300 });
  });

  it('finds units by matricule with or without dashes, and by address despite accents and typos', async () => {
    for (const q of [
      '0668-90-0333',
      '0668900333',
      '0668 90 0333',
      'saint isidore 47',
      '47 chemin saint-isidôre',
      // typed keystroke by keystroke, and with a typo: the prefix path, then the similarity fallback
      '47 ch',
      '47 chemin saint-is',
      'ch saint-isid',
      '47 chemin saint-isodore',
      'chemin st-isodore',
    ]) {
      const res = await ctx
        .client()
        .get<{ items: Array<{ matricule: string }> }>(
          `/api/orgs/${orgId}/portal/roll/search?q=${encodeURIComponent(q)}`,
        );
      expect(res.body.items[0]?.matricule, q).toBe('0668-90-0333');
    }
    const prefix = await ctx
      .client()
      .get<{ items: unknown[] }>(`/api/orgs/${orgId}/portal/roll/search?q=0668-90`);
    expect(prefix.body.items).toHaveLength(2);
  });

  it('shows staff what the file holds about owners and records that access', async () => {
    const found = await staff.get<{ items: Array<{ id: string }> }>(
      `/api/orgs/${orgId}/portal/roll/search?q=0668-90-0333`,
    );
    const id = found.body.items[0]?.id ?? '';
    const unit = await staff.get<Unit>(`/api/orgs/${orgId}/portal/roll/units/${id}`);
    expect(unit.body.ownersVisible).toBe(true);
    expect(unit.body.owners).toEqual([{ RL0201Ax: 'Lelièvre', RL0201Bx: 'Josée' }]);
    const [entry] = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'personal_data.access'), eq(auditLog.targetId, id)));
    expect(entry?.details).toMatchObject({ purpose: 'roll.owners' });
    // Staff of another town see no owners of this one.
    const other = await createOrg(ctx.db);
    const stranger = await createAccount(ctx.db, { roles: [{ orgId: other.id, role: 'urban_planning' }] });
    const strangerClient = ctx.client();
    await signInAs(ctx.db, strangerClient, stranger);
    const seen = await strangerClient.get<Unit>(`/api/orgs/${orgId}/portal/roll/units/${id}`);
    expect(seen.body.owners).toBeNull();
  });

  it('refuses a malformed file with the line of the fault, leaving nothing half-imported', async () => {
    const broken = rollFile(
      2027,
      VERBATIM_UNIT.replace('0668', '0669') +
        VACANT_LOT.replace('<RL0404A>12300</RL0404A>', '<RL0404A>12300</RL0405A>'),
    );
    const faultLine = broken.split('\n').findIndex((l) => l.includes('<RL0404A>12300</RL0405A>')) + 1;
    const summary = await importRoll({
      db: ctx.db,
      orgId,
      source: fromText(broken),
      fileName: 'broken.xml',
      batchSize: 1,
    });
    expect(summary.status).toBe('failed');
    expect(summary.error).toMatchObject({ code: 'roll.xml_malformed', line: faultLine });
    const [left] = await ctx.db
      .select({ n: count() })
      .from(rollUnits)
      .where(and(eq(rollUnits.orgId, orgId), eq(rollUnits.importId, summary.importId)));
    expect(left?.n).toBe(0);
    const years = await ctx
      .client()
      .get<{ items: Array<{ year: number }> }>(`/api/orgs/${orgId}/portal/roll/years`);
    expect(years.body.items.map((y) => y.year)).toEqual([2026]);
    const res = await ctx
      .client()
      .get<{ items: unknown[] }>(`/api/orgs/${orgId}/portal/roll/search?q=0669-90`);
    expect(res.body.items).toEqual([]);
  });

  it('counts refused units with their reasons and keeps a new year beside the previous one (CLI)', async () => {
    const next = VERBATIM_UNIT.replace('<RL0404A>214300</RL0404A>', '<RL0404A>230000</RL0404A>');
    const noMatricule = VACANT_LOT.replace('<RL0104C>1540</RL0104C>', '');
    const badNumber = VACANT_LOT.replace('<RL0402A>12300</RL0402A>', '<RL0402A>douze</RL0402A>').replace(
      '1540',
      '1541',
    );
    const file = join(work, 'RL02010_2027.xml');
    writeFileSync(file, rollFile(2027, next + noMatricule + badNumber + next));
    const { exitCode, output } = await runImportRollCommand(ctx.db, file, { org: orgId, json: true });
    expect(exitCode).toBe(0);
    const summary = JSON.parse(output) as Record<string, unknown>;
    expect(summary).toMatchObject({
      status: 'active',
      year: 2027,
      unitsRead: 4,
      unitsImported: 1,
      unitsRejected: 3,
      rejectedByReason: { 'roll.unit_matricule': 1, 'roll.unit_number': 1, 'roll.unit_duplicate': 1 },
    });
    const years = await ctx
      .client()
      .get<{ items: Array<{ year: number }> }>(`/api/orgs/${orgId}/portal/roll/years`);
    expect(years.body.items.map((y) => y.year)).toEqual([2027, 2026]);
    const found = await ctx
      .client()
      .get<{ items: Array<{ id: string; year: number }> }>(
        `/api/orgs/${orgId}/portal/roll/search?q=0668-90-0333`,
      );
    expect(found.body.items[0]?.year).toBe(2027);
    const unit = await ctx
      .client()
      .get<Unit>(`/api/orgs/${orgId}/portal/roll/units/${found.body.items[0]?.id}`);
    expect(unit.body.previousRoll).toEqual({ year: 2026, totalValue: 214300 });
    const old = await ctx
      .client()
      .get<{ items: Array<{ year: number }> }>(
        `/api/orgs/${orgId}/portal/roll/search?q=0668-90-0333&year=2026`,
      );
    expect(old.body.items[0]?.year).toBe(2026);
  });

  it('imports from the web through a job with progress, and refuses another municipality’s roll', async () => {
    const upload = async (content: string, client = staff) => {
      const form = await multipartForm({}, [{ name: 'RL02010_2026.xml', type: 'text/xml', content }]);
      return client.raw<{ importId: string }>({
        method: 'POST',
        url: `/api/orgs/${orgId}/portal/roll/imports`,
        payload: form.payload,
        headers: form.headers,
      });
    };
    const anonymous = await upload(rollFile(2026, VERBATIM_UNIT), ctx.client());
    expect(anonymous.status).toBe(401);
    const started = await upload(rollFile(2026, VERBATIM_UNIT));
    expect(started.status).toBe(202);
    await ctx.jobs.runPending(['portal.roll-import']);
    const done = await staff.get<{ status: string; progress: number; unitsImported: number }>(
      `/api/orgs/${orgId}/portal/roll/imports/${started.body.importId}`,
    );
    expect(done.body).toMatchObject({ status: 'active', progress: 1, unitsImported: 1 });

    const foreign = await upload(rollFile(2026, VERBATIM_UNIT).replace('<RLM01A>02010', '<RLM01A>12072'));
    await ctx.jobs.runPending(['portal.roll-import']);
    const refused = await staff.get<{ status: string; error: { code: string } }>(
      `/api/orgs/${orgId}/portal/roll/imports/${foreign.body.importId}`,
    );
    expect(refused.body).toMatchObject({ status: 'failed', error: { code: 'roll.wrong_municipality' } });
    const [row] = await ctx.db
      .select({ status: rollImports.status })
      .from(rollImports)
      .where(and(eq(rollImports.orgId, orgId), eq(rollImports.id, foreign.body.importId)));
    expect(row?.status).toBe('failed');
  });

  it('loads the official CUBF list from a CSV', async () => {
    const bad = await staff.put<{ error: { code: string; details: { lines: Array<{ line: number }> } } }>(
      `/api/orgs/${orgId}/portal/roll/use-codes`,
      { csv: 'code;description\n1000;Logement\nabc;Rien\n' },
    );
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.lines).toEqual([{ line: 3, reason: 'code' }]);
    const ok = await staff.put<{ loaded: number }>(`/api/orgs/${orgId}/portal/roll/use-codes`, {
      csv: 'code;description;description_en\n1000;Logement (officiel);Dwelling (official)\n9100;Terrain vacant;Vacant land\n',
    });
    expect(ok.body).toEqual({ loaded: 2 });
    const found = await ctx
      .client()
      .get<{ items: Array<{ use: { fr: string } }> }>(`/api/orgs/${orgId}/portal/roll/search?q=0668-90-0333`);
    expect(found.body.items[0]?.use.fr).toBe('Logement (officiel)');
  });
});
