import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TestClient } from '../../../tests/support/client.ts';
import { createOrg } from '../../../tests/support/factories.ts';
import { createTestContext, type TestContext } from '../../../tests/support/harness.ts';
import {
  type FormFile,
  fileLink,
  follow,
  pdfBytes,
  pngBytes,
  signedIn,
  uploadFile,
} from '../../../tests/support/uploads.ts';
import { auditLog } from '../audit/schema.ts';
import { LINK_TTL_MS } from './links.ts';
import { registerFileAccessPolicy, registerFilePurpose } from './purposes.ts';

let ctx: TestContext;
let orgId: string;
let otherOrgId: string;

beforeAll(async () => {
  ctx = await createTestContext();
  orgId = (await createOrg(ctx.db)).id;
  otherOrgId = (await createOrg(ctx.db)).id;
});
afterAll(async () => ctx?.close());
afterEach(() => vi.useRealTimers());

const citizen = (locale: 'fr' | 'en' = 'fr') => signedIn(ctx, { locale });
const upload = (client: TestClient, purpose: string | undefined, file: FormFile, org = orgId) =>
  uploadFile(client, org, purpose, file);
const download = (client: TestClient, fileId: string, org = orgId) => fileLink(client, org, fileId);
const staffOf = async (org: string) =>
  (await signedIn(ctx, { roles: [{ orgId: org, role: 'clerk' }] })).client;

describe('download links', () => {
  it('serves the file through an expiring link with safe headers', async () => {
    const { client } = await citizen();
    const content = pdfBytes('reçu');
    const stored = await upload(client, 'document', {
      name: 'Reçu de taxes 2026.pdf',
      type: 'application/pdf',
      content,
    });
    const now = Date.now();
    const link = await download(client, stored.body.id);
    expect(link.status).toBe(200);
    expect(link.body.url).toMatch(/^\/api\/files\/download\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    const expiresAt = Date.parse(link.body.expiresAt);
    expect(expiresAt).toBeGreaterThanOrEqual(now + LINK_TTL_MS - 1000);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + LINK_TTL_MS);

    // The link itself is the permission: no session needed to follow it.
    const res = await follow(ctx, link.body.url);
    expect(res.status).toBe(200);
    expect(res.bytes.equals(content)).toBe(true);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="Recu de taxes 2026.pdf"; filename*=UTF-8''Re%C3%A7u%20de%20taxes%202026.pdf`,
    );
    expect(res.headers['cache-control']).toBe('private, no-store');
  });

  it('refuses an expired link with 410 and a tampered one with 403, in both languages', async () => {
    const { client } = await citizen();
    const stored = await upload(client, 'document', {
      name: 'a.pdf',
      type: 'application/pdf',
      content: pdfBytes(),
    });
    const link = await download(client, stored.body.id);
    const [payload = '', signature = ''] = link.body.url.split('/').pop()?.split('.') ?? [];

    // Another file's id in the payload (bytes 17–32), the same signature.
    const other = await upload(client, 'document', {
      name: 'b.pdf',
      type: 'application/pdf',
      content: pdfBytes('b'),
    });
    const bytes = Buffer.from(payload, 'base64url');
    Buffer.from(other.body.id.replace(/-/g, ''), 'hex').copy(bytes, 17);
    const forgedPayload = bytes.toString('base64url');
    expect(forgedPayload).not.toBe(payload);
    for (const token of [
      `${forgedPayload}.${signature}`,
      `${payload}.${signature.slice(0, -2)}AA`,
      'nonsense',
    ]) {
      const res = await follow(ctx, `/api/files/download/${token}`, 'en');
      expect(res.status).toBe(403);
      expect(res.body.error).toEqual({
        code: 'files.link_invalid',
        message: 'This download link is not valid.',
      });
    }

    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + LINK_TTL_MS + 1000);
    const fr = await follow(ctx, link.body.url, 'fr');
    expect(fr.status).toBe(410);
    expect(fr.body.error).toEqual({
      code: 'files.link_expired',
      message:
        'Ce lien de téléchargement a expiré. Retournez à la page du fichier pour en obtenir un nouveau.',
    });
    const en = await follow(ctx, link.body.url, 'en');
    expect(en.status).toBe(410);
    expect(en.body.error.message).toBe(
      'This download link has expired. Go back to the file’s page to get a new one.',
    );
  });

  it('gives links to the owner and to staff of the organisation only', async () => {
    const owner = await citizen();
    const stored = await upload(owner.client, 'image', {
      name: 'photo.png',
      type: 'image/png',
      content: await pngBytes(),
    });
    expect(stored.status).toBe(201);

    const neighbour = await citizen();
    const refused = await download(neighbour.client, stored.body.id);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('auth.forbidden');

    const foreignStaff = await staffOf(otherOrgId);
    expect((await download(foreignStaff, stored.body.id)).status).toBe(403);
    // Naming their own organisation does not reach a file of another one.
    expect((await download(foreignStaff, stored.body.id, otherOrgId)).status).toBe(404);

    expect((await download(ctx.client(), stored.body.id)).status).toBe(401);

    const clerk = await staffOf(orgId);
    const granted = await download(clerk, stored.body.id);
    expect(granted.status).toBe(200);
    const audit = await ctx.db.select().from(auditLog).where(eq(auditLog.targetId, stored.body.id));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'personal_data.access', subjectAccountId: owner.id, orgId });
  });

  it('lets the owning feature decide who may download through a registered policy', async () => {
    registerFilePurpose('test.shared-plan', { types: ['pdf'] });
    // A feature whose files any signed-in person may read (e.g. a public consultation's documents).
    registerFileAccessPolicy('test.shared-plan', () => true);
    const owner = await citizen();
    const stored = await upload(owner.client, 'test.shared-plan', {
      name: 'plan.pdf',
      type: 'application/pdf',
      content: pdfBytes(),
    });
    expect(stored.status).toBe(201);
    const reader = await citizen();
    expect((await download(reader.client, stored.body.id)).status).toBe(200);

    registerFilePurpose('test.locked', { types: ['pdf'] });
    registerFileAccessPolicy('test.locked', () => false);
    const locked = await upload(owner.client, 'test.locked', {
      name: 'plan.pdf',
      type: 'application/pdf',
      content: pdfBytes(),
    });
    expect((await download(owner.client, locked.body.id)).status).toBe(403);
  });
});
