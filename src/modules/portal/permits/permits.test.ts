import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../../../tests/support/client.ts';
import { createAccount, createOrg, signInAs } from '../../../../tests/support/factories.ts';
import { createTestContext, type TestContext } from '../../../../tests/support/harness.ts';
import { multipartForm } from '../../../../tests/support/uploads.ts';
import { upsertAddresses } from '../../../platform/geo/upsert-addresses.ts';
import { emailMessages } from '../../../platform/notify/schema.ts';
import { generatedRollStream } from '../roll/demo-roll.ts';
import { importRoll } from '../roll/import-roll.ts';
import { DEFAULT_PERMIT_TYPES } from './catalogue.ts';
import { expirePermits } from './expire-permits.ts';
import { upsertPermitType } from './save-permit-type.ts';
import { permitApplications } from './schema.ts';

interface View {
  id: string;
  reference: string;
  status: string;
  feeCents: number;
  order: { id: string; status: string; totalCents: number } | null;
  clock: { running: boolean; elapsedBusinessDays: number };
  allowedActions: string[];
  events: Array<{ toStatus: string; message: string | null }>;
  permit: { number: string; conditions: string | null; verificationPath: string | null } | null;
  documents: Array<{ documentKey: string }>;
}

let ctx: TestContext;
let orgId: string;
let unitId: string;
let citizen: TestClient;
let other: TestClient;
let staff: TestClient;
let stranger: TestClient;
let citizenEmail: string;

const base = () => `/api/orgs/${orgId}/portal/permits`;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** The text drawn in an uncompressed PDF (pdfkit writes each run as WinAnsi hex strings in TJ operators). */
function pdfText(pdf: Buffer): string {
  const decoder = new TextDecoder('windows-1252');
  return [...pdf.toString('latin1').matchAll(/\[([^\]]*)\]\s*TJ/g)]
    .map((m) =>
      [...(m[1] ?? '').matchAll(/<([0-9a-fA-F]*)>/g)]
        .map((h) => decoder.decode(Buffer.from(h[1] ?? '', 'hex')))
        .join(''),
    )
    .join('\n');
}

async function upload(client: TestClient, name = 'plan.pdf'): Promise<string> {
  const form = await multipartForm({ purpose: 'portal.permit-document' }, [
    { name, type: 'application/pdf', content: PDF },
  ]);
  const res = await client.raw<{ id: string }>({
    method: 'POST',
    url: `/api/files/${orgId}`,
    payload: form.payload,
    headers: form.headers,
  });
  expect(res.status).toBe(201);
  return res.body.id;
}

beforeAll(async () => {
  ctx = await createTestContext();
  const org = await createOrg(ctx.db, { geoCode: '12072', slug: `rdl-${Date.now()}`, refPrefix: 'RDL' });
  orgId = org.id;
  await upsertAddresses({
    db: ctx.db,
    orgId,
    rows: [
      {
        civicNumber: 9999,
        civicSuffix: null,
        streetType: null,
        streetName: 'placeholder',
        unit: null,
        municipality: null,
        postalCode: null,
        latitude: 47.83,
        longitude: -69.53,
      },
    ],
    source: 'test',
  });
  const summary = await importRoll({
    db: ctx.db,
    orgId,
    source: generatedRollStream({ municipality: '12072', year: 2026, units: 40 }),
    fileName: 'RL12072_2026.xml',
  });
  expect(summary.status).toBe('active');
  for (const [position, type] of DEFAULT_PERMIT_TYPES.entries())
    await upsertPermitType(ctx.db, orgId, { ...type, position });
  const unit = await ctx
    .client()
    .get<{ items: Array<{ id: string }> }>(`/api/orgs/${orgId}/portal/roll/search?q=1000-10-0001`);
  unitId = unit.body.items[0]?.id ?? '';
  // The unit stands somewhere known: the permit map needs a position.
  const { rollUnits } = await import('../roll/schema.ts');
  await ctx.db
    .update(rollUnits)
    .set({ latitude: 47.8301, longitude: -69.5402 })
    .where(and(eq(rollUnits.orgId, orgId), eq(rollUnits.id, unitId)));

  const a = await createAccount(ctx.db, { locale: 'fr' });
  citizenEmail = a.email;
  citizen = ctx.client();
  await signInAs(ctx.db, citizen, a);
  other = ctx.client();
  await signInAs(ctx.db, other, await createAccount(ctx.db));
  staff = ctx.client();
  await signInAs(ctx.db, staff, await createAccount(ctx.db, { roles: [{ orgId, role: 'urban_planning' }] }));
  const elsewhere = await createOrg(ctx.db);
  stranger = ctx.client();
  await signInAs(
    ctx.db,
    stranger,
    await createAccount(ctx.db, { roles: [{ orgId: elsewhere.id, role: 'urban_planning' }] }),
  );
});
afterAll(async () => ctx?.close());

describe('permits and work declarations', () => {
  let fileId = '';
  let verificationPath = '';

  it('lists the permit types and quotes a fee before applying', async () => {
    const types = await ctx.client().get<{ items: Array<{ code: string; kind: string }> }>(`${base()}/types`);
    expect(types.body.items.map((t) => t.code)).toEqual(
      expect.arrayContaining(['piscine', 'construction', 'cloture']),
    );
    const quote = await ctx
      .client()
      .post<{ feeCents: number }>(`${base()}/types/construction/quote`, { answers: { floorArea: 180 } });
    expect(quote.body.feeCents).toBe(27_000);
  });

  it('lets a citizen apply for a pool permit, pay online and follow it (idempotent creation)', async () => {
    const key = { 'idempotency-key': 'pool-application-0001' };
    const body = {
      typeCode: 'piscine',
      propertyUnitId: unitId,
      description: 'Piscine hors terre dans la cour arrière',
    };
    const first = await citizen.post<View>(`${base()}/applications`, body, key);
    expect(first.status).toBe(201);
    const again = await citizen.post<View>(`${base()}/applications`, body, key);
    expect(again.body.id).toBe(first.body.id);
    fileId = first.body.id;

    const incomplete = await citizen.post<{
      error: { code: string; details: { fields: Array<{ field: string }> } };
    }>(`${base()}/applications/${fileId}/submit`);
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.error.code).toBe('permit.answers_invalid');
    await citizen.patch<View>(`${base()}/applications/${fileId}`, {
      answers: {
        poolType: 'aboveground',
        wallHeight: 1.4,
        enclosure: true,
        distanceToLine: 2,
        startDate: '2026-06-01',
      },
    });
    const noPlan = await citizen.post<{ error: { code: string; details: { documents: string[] } } }>(
      `${base()}/applications/${fileId}/submit`,
    );
    expect(noPlan.body.error).toMatchObject({
      code: 'permit.documents_missing',
      details: { documents: ['site_plan'] },
    });
    const documentId = await upload(citizen);
    const attached = await citizen.post<View>(`${base()}/applications/${fileId}/documents`, {
      documentKey: 'site_plan',
      fileId: documentId,
    });
    expect(attached.body.documents.map((d) => d.documentKey)).toEqual(['site_plan']);
    // Someone else's upload cannot be attached.
    const foreign = await upload(other, 'autre.pdf');
    const refused = await citizen.post(`${base()}/applications/${fileId}/documents`, {
      documentKey: 'site_plan',
      fileId: foreign,
    });
    expect(refused.status).toBe(422);

    const submitted = await citizen.post<View>(`${base()}/applications/${fileId}/submit`);
    expect(submitted.body).toMatchObject({
      status: 'awaiting_payment',
      feeCents: 5_000,
      order: { totalCents: 5_000, status: 'pending' },
    });
    const paid = await citizen.post<{ outcome: string }>(`/api/me/orders/${submitted.body.order?.id}/pay`, {
      provider: 'sandbox',
      card: { number: '4242 4242 4242 4242' },
    });
    expect(paid.body.outcome).toBe('succeeded');
    const after = await citizen.get<View>(`${base()}/applications/${fileId}`);
    expect(after.body).toMatchObject({ status: 'submitted', clock: { running: true } });
    expect(after.body.allowedActions).toEqual(['withdraw']);
  });

  it('shows a citizen only their own files, and staff of another town none of this one’s', async () => {
    expect((await other.get(`${base()}/applications/${fileId}`)).status).toBe(404);
    const mine = await other.get<{ items: unknown[] }>(`${base()}/applications`);
    expect(mine.body.items).toEqual([]);
    expect((await other.get(`${base()}/staff/applications`)).status).toBe(403);
    expect((await stranger.get(`${base()}/staff/applications`)).status).toBe(403);
    expect((await stranger.get(`${base()}/staff/applications/${fileId}`)).status).toBe(403);
    expect(
      (await stranger.post(`${base()}/staff/applications/${fileId}/actions`, { action: 'mark_complete' }))
        .status,
    ).toBe(403);
    expect((await stranger.get(`${base()}/applications/${fileId}/permit.pdf`)).status).toBe(404);
  });

  it('lets staff check, ask for information (the clock stops), inspect and approve with conditions', async () => {
    const list = await staff.get<{ items: Array<{ id: string; status: string }> }>(
      `${base()}/staff/applications`,
    );
    expect(list.body.items.map((i) => i.id)).toContain(fileId);
    const act = (body: Record<string, string>) =>
      staff.post<View>(`${base()}/staff/applications/${fileId}/actions`, body);
    expect((await act({ action: 'approve' })).status).toBe(409); // completeness first
    expect((await act({ action: 'mark_complete' })).body.status).toBe('under_review');
    expect((await act({ action: 'request_info' })).status).toBe(422);
    const asked = await act({ action: 'request_info', message: 'Indiquez la hauteur de la clôture.' });
    expect(asked.body).toMatchObject({ status: 'info_requested', clock: { running: false } });
    const answered = await citizen.post<View>(`${base()}/applications/${fileId}/answer`, {
      message: 'La clôture mesure 1,2 m.',
    });
    expect(answered.body.status).toBe('submitted');
    await act({ action: 'mark_complete' });
    const inspection = await act({ action: 'schedule_inspection', scheduledAt: '2026-06-10T14:00:00.000Z' });
    expect(inspection.body.status).toBe('inspection_scheduled');
    const approved = await act({ action: 'approve', conditions: 'Enceinte conforme avant le remplissage.' });
    expect(approved.body.status).toBe('issued');
    expect(approved.body.permit).toMatchObject({
      number: expect.stringMatching(/^RDL-P-\d{4}-000001$/),
      conditions: 'Enceinte conforme avant le remplissage.',
    });
    verificationPath = approved.body.permit?.verificationPath ?? '';

    const messages = await ctx.db
      .select()
      .from(emailMessages)
      .where(eq(emailMessages.toAddress, citizenEmail));
    expect(messages.some((m) => m.textBody.includes('Indiquez la hauteur de la clôture.'))).toBe(true);
    expect(messages.some((m) => m.subject.includes('permis délivré'))).toBe(true);
  });

  it('issues a bilingual PDF whose QR code leads to a public verification', async () => {
    const pdf = await citizen.get(`${base()}/applications/${fileId}/permit.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const raw = await citizen.app.inject({
      method: 'GET',
      url: `${base()}/applications/${fileId}/permit.pdf`,
      headers: { cookie: `__Host-civique_session=${citizen.cookie('__Host-civique_session')}` },
    });
    const text = pdfText(raw.rawPayload);
    expect(text).toContain('Permis / Permit');
    expect(text).toContain('Piscine / Swimming pool');
    expect(text).toContain('Enceinte conforme avant le remplissage.');
    const token = verificationPath.split('/').pop() ?? '';
    expect(verificationPath).toMatch(/\/permits\/verify\/[\w-]{20,}$/);
    expect(pdf.text).toContain(token);
    const verified = await ctx
      .client({ locale: 'en' })
      .get<{ valid: boolean; number: string; type: { en: string } }>(`${base()}/verify/${token}`);
    expect(verified.body).toMatchObject({ valid: true, type: { en: 'Swimming pool' } });
    expect(JSON.stringify(verified.body)).not.toContain(citizenEmail);
    expect((await ctx.client().get(`${base()}/verify/not-a-real-token-123`)).status).toBe(404);
  });

  it('publishes issued permits in the registry, on the map and as BLDS open data', async () => {
    const registry = await ctx
      .client()
      .get<{ items: Array<{ number: string; address: string }>; total: number }>(`${base()}/registry`);
    expect(registry.body.total).toBe(1);
    const layer = await ctx
      .client()
      .get<{ features: Array<{ properties: { number: string } }> }>(
        `/api/orgs/${orgId}/map/layers/portal.permits?bbox=-69.6,47.8,-69.5,47.9`,
      );
    expect(layer.body.features.map((f) => f.properties.number)).toEqual([registry.body.items[0]?.number]);
    const json = await ctx.client().get<Array<Record<string, unknown>>>(`${base()}/open-data.json`);
    expect(json.body[0]).toMatchObject({
      PermitNum: registry.body.items[0]?.number,
      StatusCurrentMapped: 'Permit Issued',
      PermitTypeMapped: 'Pool/Spa',
      OriginalState: 'QC',
      Fee: 50,
      Latitude: 47.8301,
    });
    const csv = await ctx.client().get(`${base()}/open-data.csv`);
    expect(csv.text.replace(/^\uFEFF/, '').split('\n')[0]).toMatch(
      /^PermitNum,Description,AppliedDate,IssuedDate/,
    );
  });

  it('acknowledges a work declaration at once', async () => {
    const created = await citizen.post<View>(`${base()}/applications`, {
      typeCode: 'cloture',
      propertyUnitId: unitId,
      answers: { location: 'rear', height: 1.5 },
    });
    const done = await citizen.post<View>(`${base()}/applications/${created.body.id}/submit`);
    expect(done.body).toMatchObject({ status: 'acknowledged', feeCents: 0, order: null });
  });

  it('gives staff a dashboard, an export, and expires permits past their validity', async () => {
    const dashboard = await staff.get<{
      byStatus: Array<{ status: string; count: number }>;
      byType: Array<{ code: string; decided: number }>;
    }>(`${base()}/staff/dashboard`);
    expect(dashboard.body.byStatus.find((s) => s.status === 'issued')?.count).toBe(1);
    expect(dashboard.body.byStatus.find((s) => s.status === 'acknowledged')?.count).toBe(1);
    expect(dashboard.body.byType.find((t) => t.code === 'piscine')?.decided).toBe(1);
    const csv = await staff.get(`${base()}/staff/applications/export.csv`);
    expect(csv.status).toBe(200);
    expect(csv.text).toContain('Jours ouvrables écoulés');
    await ctx.db
      .update(permitApplications)
      .set({ expiresAt: new Date(Date.now() - 86_400_000) })
      .where(and(eq(permitApplications.orgId, orgId), eq(permitApplications.id, fileId)));
    expect(await expirePermits({ db: ctx.db })).toBe(1);
    const token = verificationPath.split('/').pop() ?? '';
    const verified = await ctx.client().get<{ valid: boolean; status: string }>(`${base()}/verify/${token}`);
    expect(verified.body).toMatchObject({ valid: false, status: 'expired' });
  });
});
