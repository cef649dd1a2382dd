// Helpers shared by this module's tests (not product code).
import { desc, eq } from 'drizzle-orm';
import type { TestClient } from '../../../../tests/support/client.ts';
import { createAccount, createOrg, signInAs } from '../../../../tests/support/factories.ts';
import type { TestContext } from '../../../../tests/support/harness.ts';
import type { Role } from '../../../platform/auth/schema.ts';
import type { Database } from '../../../platform/db/client.ts';
import { upsertAddresses } from '../../../platform/geo/upsert-addresses.ts';
import { emailMessages } from '../../../platform/notify/schema.ts';
import type { CategoryView } from './list-categories.ts';

/** Near Joliette's town hall. */
export const JOLIETTE = { lat: 46.0226, lon: -73.4417 };

/** A category with one required list, one number and one optional text field, like the demo's. */
export const POTHOLE = {
  code: 'nid-de-poule',
  nameFr: 'Nid-de-poule',
  nameEn: 'Pothole',
  ackDays: 2,
  resolveDays: 10,
  fields: [
    {
      code: 'taille',
      datatype: 'singlevaluelist',
      required: true,
      labelFr: 'Taille',
      labelEn: 'Size',
      values: [
        { key: 'petit', nameFr: 'Petit', nameEn: 'Small' },
        { key: 'grand', nameFr: 'Grand', nameEn: 'Large' },
      ],
    },
    {
      code: 'profondeur',
      datatype: 'number',
      required: false,
      labelFr: 'Profondeur (cm)',
      labelEn: 'Depth (cm)',
    },
    { code: 'note', datatype: 'text', required: false, labelFr: 'Précisions', labelEn: 'Details' },
  ],
};

/** A sensitive category: approximate on public maps. */
export const NOISE = {
  code: 'bruit',
  nameFr: 'Bruit',
  nameEn: 'Noise',
  sensitive: true,
  ackDays: 1,
  resolveDays: 5,
  fields: [],
};

/** A signed-in client (staff when roles are given; administrators pass TOTP). */
export async function clientFor(
  ctx: TestContext,
  roles: Array<{ orgId: string; role: Role }> = [],
  options: { locale?: 'fr' | 'en'; email?: string } = {},
): Promise<{ client: TestClient; id: string; email: string }> {
  const admin = roles.some((r) => r.role === 'admin');
  const account = await createAccount(ctx.db, { roles, totp: admin, email: options.email });
  const client = ctx.client({ locale: options.locale });
  await signInAs(ctx.db, client, account, { mfa: admin });
  return { client, id: account.id, email: account.email };
}

/** A town with its request desk and two categories (set up through the API, as staff would). */
export async function townWithCategories(ctx: TestContext, prefix = 'JOL') {
  const org = await createOrg(ctx.db, { refPrefix: prefix });
  const desk = await clientFor(ctx, [{ orgId: org.id, role: 'requests' }]);
  const department = await desk.client.post<{ id: string }>(`/api/orgs/${org.id}/staff/request-departments`, {
    code: 'travaux-publics',
    nameFr: 'Travaux publics',
    nameEn: 'Public Works',
  });
  if (department.status !== 201) throw new Error(`department: ${department.status} ${department.text}`);
  const pothole = await desk.client.post<CategoryView>(`/api/orgs/${org.id}/staff/request-categories`, {
    ...POTHOLE,
    departmentId: department.body.id,
  });
  const noise = await desk.client.post<CategoryView>(`/api/orgs/${org.id}/staff/request-categories`, NOISE);
  if (pothole.status !== 201 || noise.status !== 201)
    throw new Error(`categories: ${pothole.text} ${noise.text}`);
  return { org, desk, departmentId: department.body.id, pothole: pothole.body, noise: noise.body };
}

/** Registers a few addresses around a point, so the town has an address register. */
export async function registerAddresses(db: Database, orgId: string, around = JOLIETTE) {
  await upsertAddresses({
    db,
    orgId,
    source: 'test',
    rows: [0, 1, 2].map((i) => ({
      civicNumber: 100 + i * 10,
      civicSuffix: null,
      streetType: 'rue',
      streetName: 'Notre-Dame',
      unit: null,
      municipality: 'Joliette',
      postalCode: null,
      latitude: around.lat + i * 0.0002,
      longitude: around.lon,
    })),
  });
}

/** The messages e-mailed to an address, newest first. */
export function emailsTo(db: Database, to: string) {
  return db
    .select()
    .from(emailMessages)
    .where(eq(emailMessages.toAddress, to))
    .orderBy(desc(emailMessages.createdAt), desc(emailMessages.id));
}

/** The 6-digit code of the latest message e-mailed to an address. */
export async function codeSentTo(db: Database, to: string): Promise<string> {
  const [message] = await emailsTo(db, to);
  const code = message?.textBody.match(/code=(\d{6})/)?.[1];
  if (!code) throw new Error(`no code e-mailed to ${to}`);
  return code;
}

/** A request body for the pothole category at a point. */
export function potholeBody(categoryId: string, at = JOLIETTE, extra: Record<string, unknown> = {}) {
  return {
    categoryId,
    description: 'Gros trou dans la voie de droite',
    attributes: { taille: 'grand', profondeur: '12' },
    location: { lat: at.lat, lon: at.lon },
    ...extra,
  };
}
