import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../../tests/support/client.ts';
import { createAccount, createOrg, signInAs } from '../../../tests/support/factories.ts';
import { createTestContext, type TestContext } from '../../../tests/support/harness.ts';
import { partnerships } from '../orgs/schema.ts';

let ctx: TestContext;
let admin: TestClient;
let orgIds: string[];
beforeAll(async () => {
  ctx = await createTestContext();
  const account = await createAccount(ctx.db, { installationAdmin: true, totp: true });
  admin = ctx.client();
  await signInAs(ctx.db, admin, account, { mfa: true });
  orgIds = [(await createOrg(ctx.db)).id, (await createOrg(ctx.db)).id];
});
afterAll(async () => ctx?.close());

const countPartnerships = async (scope: string) =>
  (await ctx.db.select({ n: count() }).from(partnerships).where(eq(partnerships.scope, scope)))[0]?.n ?? 0;

describe('Idempotency-Key', () => {
  it('replays the first answer to a retried POST and creates one record', async () => {
    const body = { nameFr: 'Entente', nameEn: 'Agreement', scope: 'library', orgIds };
    const first = await admin.post<{ id: string }>('/api/admin/partnerships', body, {
      'idempotency-key': 'retry-key-0001',
    });
    const second = await admin.post<{ id: string }>('/api/admin/partnerships', body, {
      'idempotency-key': 'retry-key-0001',
    });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body.id).toBe(first.body.id);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(await countPartnerships('library')).toBe(1);
  });

  it('creates one record when the same key arrives concurrently', async () => {
    const body = { nameFr: 'Entente', nameEn: 'Agreement', scope: 'snow', orgIds };
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        admin.post('/api/admin/partnerships', body, { 'idempotency-key': 'same-key-concurrent' }),
      ),
    );
    expect(results.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    expect(results.some((r) => r.status === 201)).toBe(true);
    expect(await countPartnerships('snow')).toBe(1);
  });

  it('lets a corrected request reuse the key of an invalid one, and refuses a key reused for another request', async () => {
    const key = 'reused-key-0002';
    const invalid = await admin.post(
      '/api/admin/partnerships',
      { nameFr: 'A', nameEn: 'A', scope: 'arena', orgIds },
      { 'idempotency-key': key },
    );
    expect(invalid.status).toBe(400);
    const corrected = await admin.post(
      '/api/admin/partnerships',
      { nameFr: 'Aréna', nameEn: 'Arena', scope: 'arena', orgIds },
      { 'idempotency-key': key },
    );
    expect(corrected.status).toBe(201);
    const other = await admin.post<{ error: { code: string } }>(
      '/api/admin/partnerships',
      { nameFr: 'Piscine', nameEn: 'Pool', scope: 'arena', orgIds },
      { 'idempotency-key': key },
    );
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('idempotency.key_reused');
    expect(await countPartnerships('arena')).toBe(1);
  });

  it('keeps keys of different people apart', async () => {
    const body = { nameFr: 'Entente', nameEn: 'Agreement', scope: 'pool', orgIds };
    const other = await createAccount(ctx.db, { installationAdmin: true, totp: true });
    const otherClient = ctx.client();
    await signInAs(ctx.db, otherClient, other, { mfa: true });
    await admin.post('/api/admin/partnerships', body, { 'idempotency-key': 'shared-key-0003' });
    const res = await otherClient.post('/api/admin/partnerships', body, {
      'idempotency-key': 'shared-key-0003',
    });
    expect(res.headers['idempotent-replayed']).toBeUndefined();
    expect(await countPartnerships('pool')).toBe(2);
  });

  it('rejects a malformed key with a bilingual message', async () => {
    const res = await ctx
      .client({ locale: 'en' })
      .post<{ error: { message: string } }>('/api/admin/orgs', {}, { 'idempotency-key': 'short' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/idempotency key/i);
  });
});
