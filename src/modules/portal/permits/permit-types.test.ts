import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../../../tests/support/client.ts';
import { createAccount, createOrg, signInAs } from '../../../../tests/support/factories.ts';
import { createTestContext, type TestContext } from '../../../../tests/support/harness.ts';
import { auditLog } from '../../../platform/audit/schema.ts';
import { DEFAULT_PERMIT_TYPES } from './catalogue.ts';
import { checkPermitType } from './check-permit-type.ts';

let ctx: TestContext;
let orgId: string;
let planner: TestClient;
let otherPlanner: TestClient;
let citizen: TestClient;

const t = (fr: string, en: string) => ({ fr, en });
// A fence permit as a planner would write it: a condition, a document asked only then, a fee per $1,000.
const fence = {
  kind: 'permit',
  nameFr: 'Clôture en cour avant',
  nameEn: 'Front-yard fence',
  descriptionFr: 'Clôture, muret ou haie en cour avant.',
  descriptionEn: 'Fence, low wall or hedge in the front yard.',
  fields: [
    {
      key: 'workValue',
      type: 'money',
      label: t('Valeur des travaux ($)', 'Value of the work ($)'),
      required: true,
      min: 0,
    },
    {
      key: 'material',
      type: 'select',
      label: t('Matériau', 'Material'),
      required: true,
      options: [
        { value: 'wood', label: t('Bois', 'Wood') },
        { value: 'masonry', label: t('Maçonnerie', 'Masonry') },
      ],
    },
    {
      key: 'height',
      type: 'number',
      label: t('Hauteur (m)', 'Height (m)'),
      required: true,
      min: 0,
      max: 2,
      showIf: { field: 'material', equals: 'masonry' },
    },
  ],
  documents: [
    { key: 'site_plan', label: t('Plan d’implantation', 'Site plan'), required: true },
    {
      key: 'engineer',
      label: t('Avis d’ingénieur', 'Engineer’s opinion'),
      required: true,
      showIf: { field: 'material', equals: 'masonry' },
    },
  ],
  feeRule: {
    kind: 'per_thousand',
    centsPerThousand: 500,
    valueField: 'workValue',
    minCents: 2500,
    maxCents: 20000,
  },
  legalDelayDays: 20,
  validityMonths: 12,
  blds: { permitTypeMapped: 'Fence', workClassMapped: 'New', permitClassMapped: 'Residential' },
};

beforeAll(async () => {
  ctx = await createTestContext();
  const org = await createOrg(ctx.db);
  const other = await createOrg(ctx.db);
  orgId = org.id;
  planner = ctx.client({ locale: 'en' });
  await signInAs(
    ctx.db,
    planner,
    await createAccount(ctx.db, { roles: [{ orgId, role: 'urban_planning' }] }),
  );
  otherPlanner = ctx.client();
  await signInAs(
    ctx.db,
    otherPlanner,
    await createAccount(ctx.db, { roles: [{ orgId: other.id, role: 'urban_planning' }] }),
  );
  citizen = ctx.client();
  await signInAs(ctx.db, citizen, await createAccount(ctx.db));
});
afterAll(async () => ctx?.close());

describe('permit types edited by staff', () => {
  it('accepts the default catalogue as it is', () => {
    for (const type of DEFAULT_PERMIT_TYPES) expect(checkPermitType(type), type.code).toEqual([]);
  });

  it('creates a type with its form, conditions, documents, fee rule and delay, shown to the public', async () => {
    const saved = await planner.put<{ id: string; code: string; blds: unknown; active: boolean }>(
      `/api/orgs/${orgId}/portal/permits/staff/types/cloture-avant`,
      fence,
    );
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ code: 'cloture-avant', active: true, blds: fence.blds });
    const list = await ctx
      .client()
      .get<{ items: Array<{ code: string; legalDelayDays: number }> }>(
        `/api/orgs/${orgId}/portal/permits/types`,
      );
    expect(list.body.items.find((i) => i.code === 'cloture-avant')).toMatchObject({ legalDelayDays: 20 });
    // $12,345 of work: 13 started thousands at $5, within the $25 minimum and $200 maximum.
    const quote = await ctx
      .client()
      .post<{ feeCents: number }>(`/api/orgs/${orgId}/portal/permits/types/cloture-avant/quote`, {
        answers: { workValue: 12345 },
      });
    expect(quote.body.feeCents).toBe(6500);
    const [entry] = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, orgId), eq(auditLog.action, 'permit.type_saved')));
    expect(entry?.targetId).toBe(saved.body.id);
  });

  it('hides a deactivated type from the public and keeps it in the staff list', async () => {
    const saved = await planner.put(`/api/orgs/${orgId}/portal/permits/staff/types/cloture-avant`, {
      ...fence,
      active: false,
      position: 3,
    });
    expect(saved.status).toBe(200);
    const publicList = await ctx
      .client()
      .get<{ items: Array<{ code: string }> }>(`/api/orgs/${orgId}/portal/permits/types`);
    expect(publicList.body.items.map((i) => i.code)).not.toContain('cloture-avant');
    const staffList = await planner.get<{
      items: Array<{ code: string; active: boolean; position: number }>;
    }>(`/api/orgs/${orgId}/portal/permits/staff/types`);
    expect(staffList.body.items).toEqual([
      expect.objectContaining({ code: 'cloture-avant', active: false, position: 3 }),
    ]);
  });

  it('says which field is wrong: a condition on an unknown field, a list without choices, a fee on text', async () => {
    const res = await planner.put<{
      error: {
        code: string;
        message: string;
        details: { fields: Array<{ field: string; message: string }> };
      };
    }>(`/api/orgs/${orgId}/portal/permits/staff/types/cloture-avant`, {
      ...fence,
      fields: [
        { key: 'workValue', type: 'text', label: t('Valeur', 'Value') },
        { key: 'material', type: 'select', label: t('Matériau', 'Material'), options: [] },
        { ...fence.fields[2], showIf: { field: 'colour', equals: 'red' } },
      ],
      documents: [...fence.documents, { key: 'site_plan', label: t('Plan', 'Plan'), required: false }],
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('permit.type_options_required');
    expect(res.body.error.details.fields.map((f) => f.field)).toEqual([
      'fields.1.options',
      'fields.2.showIf.field',
      'documents.2.key',
      'feeRule.valueField',
    ]);
    expect(res.body.error.details.fields[1]?.message).toBe(
      'The condition of “height” depends on “colour”, which is not a field asked before it.',
    );
  });

  it('lets no citizen and no other town’s staff read or change the types', async () => {
    for (const client of [citizen, otherPlanner]) {
      expect((await client.get(`/api/orgs/${orgId}/portal/permits/staff/types`)).status).toBe(403);
      expect(
        (await client.put(`/api/orgs/${orgId}/portal/permits/staff/types/cloture-avant`, fence)).status,
      ).toBe(403);
    }
    expect((await ctx.client().get(`/api/orgs/${orgId}/portal/permits/staff/types`)).status).toBe(401);
  });
});
