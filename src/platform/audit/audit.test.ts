import { count, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createOrg, signInAs } from '../../../tests/support/factories.ts';
import { createTestContext, type TestContext } from '../../../tests/support/harness.ts';
import { accounts } from '../auth/schema.ts';
import { recordAudit } from './record-audit.ts';
import { PERSONAL_DATA_ACCESS, recordPersonalDataAccess } from './record-personal-data-access.ts';
import { auditLog } from './schema.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

interface Entry {
  id: string;
  orgId: string | null;
  action: string;
  actorAccountId: string | null;
  actorEmail: string | null;
  subjectAccountId: string | null;
  details: Record<string, unknown> | null;
}
type Paged<T> = { items: T[]; page: number; perPage: number; total: number };

async function setUp() {
  const orgA = await createOrg(ctx.db);
  const orgB = await createOrg(ctx.db);
  const adminA = await createAccount(ctx.db, { roles: [{ orgId: orgA.id, role: 'admin' }], totp: true });
  const adminB = await createAccount(ctx.db, { roles: [{ orgId: orgB.id, role: 'admin' }], totp: true });
  const clerkA = await createAccount(ctx.db, { roles: [{ orgId: orgA.id, role: 'clerk' }] });
  const resident = await createAccount(ctx.db);
  await recordAudit(ctx.db, {
    orgId: orgA.id,
    actorAccountId: clerkA.id,
    action: 'permit.approve',
    targetId: 'p1',
  });
  await recordAudit(ctx.db, {
    orgId: orgA.id,
    actorAccountId: adminA.id,
    action: 'permit.refuse',
    targetId: 'p2',
  });
  await recordPersonalDataAccess(ctx.db, {
    orgId: orgA.id,
    actorAccountId: clerkA.id,
    subjectAccountId: resident.id,
    targetType: 'request',
    targetId: 'r1',
    purpose: 'request.view',
  });
  await recordAudit(ctx.db, {
    orgId: orgB.id,
    actorAccountId: adminB.id,
    action: 'permit.approve',
    targetId: 'secret-b',
  });
  await recordAudit(ctx.db, {
    orgId: null,
    actorAccountId: null,
    action: 'partnership.create',
    targetId: 'inst',
  });
  const clientA = ctx.client();
  await signInAs(ctx.db, clientA, adminA, { mfa: true });
  return { orgA, orgB, adminA, clerkA, resident, clientA };
}

describe('audit log view', () => {
  it('shows an organisation administrator their organisation’s entries only', async () => {
    const { orgA, clientA, clerkA } = await setUp();
    const res = await clientA.get<Paged<Entry>>(`/api/orgs/${orgA.id}/audit`);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(3);
    expect(res.body.items.every((e) => e.orgId === orgA.id)).toBe(true);
    expect(JSON.stringify(res.body)).not.toContain('secret-b');
    const access = res.body.items.find((e) => e.action === PERSONAL_DATA_ACCESS);
    expect(access?.actorEmail).toBe((await clerkEmail(clerkA.id)) ?? '');
    expect(access?.details).toMatchObject({ purpose: 'request.view' });
  });

  it('filters by action prefix, actor (id or e-mail) and dates, and paginates', async () => {
    const { orgA, clientA, clerkA } = await setUp();
    const byAction = await clientA.get<Paged<Entry>>(`/api/orgs/${orgA.id}/audit?action=permit.`);
    expect(byAction.body.items.map((e) => e.action).sort()).toEqual(['permit.approve', 'permit.refuse']);
    const byActor = await clientA.get<Paged<Entry>>(`/api/orgs/${orgA.id}/audit?actor=${clerkA.id}`);
    expect(byActor.body.total).toBe(2);
    expect(byActor.body.items.every((e) => e.actorAccountId === clerkA.id)).toBe(true);
    const email = (await clerkEmail(clerkA.id)) ?? '';
    const byEmail = await clientA.get<Paged<Entry>>(
      `/api/orgs/${orgA.id}/audit?actor=${encodeURIComponent(email.slice(0, 12))}`,
    );
    expect(byEmail.body.total).toBe(2);
    const page = await clientA.get<Paged<Entry>>(`/api/orgs/${orgA.id}/audit?perPage=2&page=2`);
    expect(page.body).toMatchObject({ page: 2, perPage: 2, total: 3 });
    expect(page.body.items).toHaveLength(1);
    const future = await clientA.get<Paged<Entry>>(`/api/orgs/${orgA.id}/audit?from=2999-01-01`);
    expect(future.body.total).toBe(0);
    const past = await clientA.get<Paged<Entry>>(`/api/orgs/${orgA.id}/audit?to=2000-01-01`);
    expect(past.body.total).toBe(0);
    const around = await clientA.get<Paged<Entry>>(
      `/api/orgs/${orgA.id}/audit?from=2000-01-01&to=2999-12-31`,
    );
    expect(around.body.total).toBe(3);
    const bad = await clientA.get<{ error: { code: string } }>(`/api/orgs/${orgA.id}/audit?from=2026-02-31`);
    expect(bad.status).toBe(400);
  });

  it('refuses other organisations’ administrators, non-admin staff, residents and anonymous readers', async () => {
    const { orgA, orgB, clientA, clerkA, resident } = await setUp();
    const toB = await clientA.get(`/api/orgs/${orgB.id}/audit`);
    expect(toB.status).toBe(403);
    expect((await clientA.get(`/api/orgs/${orgB.id}/audit/export?format=csv`)).status).toBe(403);
    expect((await clientA.get('/api/admin/audit')).status).toBe(403);
    const clerk = ctx.client();
    await signInAs(ctx.db, clerk, clerkA);
    expect((await clerk.get(`/api/orgs/${orgA.id}/audit`)).status).toBe(403);
    const citizen = ctx.client();
    await signInAs(ctx.db, citizen, resident);
    expect((await citizen.get(`/api/orgs/${orgA.id}/audit`)).status).toBe(403);
    expect((await ctx.client().get(`/api/orgs/${orgA.id}/audit`)).status).toBe(401);
  });

  it('shows installation administrators every entry, including installation-level ones', async () => {
    const { orgB } = await setUp();
    const admin = await createAccount(ctx.db, { installationAdmin: true, totp: true });
    const client = ctx.client();
    await signInAs(ctx.db, client, admin, { mfa: true });
    const all = await client.get<Paged<Entry>>('/api/admin/audit?perPage=200');
    expect(all.status).toBe(200);
    expect(all.body.items.some((e) => e.orgId === null && e.action === 'partnership.create')).toBe(true);
    expect(all.body.items.some((e) => e.orgId === orgB.id)).toBe(true);
    const onlyB = await client.get<Paged<Entry>>(`/api/admin/audit?orgId=${orgB.id}`);
    expect(onlyB.body.items.every((e) => e.orgId === orgB.id)).toBe(true);
    expect(onlyB.body.total).toBe(1);
  });

  it('exports the filtered log as CSV (French headers, formulas neutralised) and XLSX', async () => {
    const { orgA, clientA, adminA } = await setUp();
    await recordAudit(ctx.db, {
      orgId: orgA.id,
      actorAccountId: adminA.id,
      action: 'note',
      targetId: '=HYPERLINK("x")',
    });
    const csv = await clientA.get(`/api/orgs/${orgA.id}/audit/export?format=csv&action=permit.`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(String(csv.headers['content-disposition'])).toMatch(
      /attachment; filename="journal-audit-.*\.csv"/,
    );
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toContain('Date et heure');
    expect(lines).toHaveLength(3);
    const all = await clientA.get(`/api/orgs/${orgA.id}/audit/export`);
    expect(all.text).toContain(`'=HYPERLINK`);

    // Read through inject directly: the test client decodes bodies as text, which would mangle the zip.
    const response = await ctx.app.inject({
      method: 'GET',
      url: `/api/orgs/${orgA.id}/audit/export?format=xlsx`,
      headers: { cookie: `__Host-civique_session=${clientA.cookie('__Host-civique_session')}` },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/spreadsheetml/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getRow(1).getCell(1).value).toBe('Date et heure');
    expect(sheet?.rowCount).toBe(5);
  });

  it('does not audit reading the audit log', async () => {
    const { orgA, clientA } = await setUp();
    const before = await ctx.db.select({ n: count() }).from(auditLog);
    await clientA.get(`/api/orgs/${orgA.id}/audit`);
    await clientA.get(`/api/orgs/${orgA.id}/audit/export`);
    const after = await ctx.db.select({ n: count() }).from(auditLog);
    expect(after[0]?.n).toBe(before[0]?.n);
  });

  it('is append-only: the database refuses to rewrite an entry', async () => {
    await setUp();
    await expect(ctx.db.execute(sql`UPDATE audit_log SET action = 'hidden'`)).rejects.toThrow();
  });
});

async function clerkEmail(id: string): Promise<string | undefined> {
  const [row] = await ctx.db.select({ email: accounts.email }).from(accounts).where(eq(accounts.id, id));
  return row?.email;
}
