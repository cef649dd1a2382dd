// The inputs the fuzzer (fuzz.test.ts) found answered with a 500 or outside the one error shape, kept as
// fixed cases so they stay fixed whatever the fuzzer draws next time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestResponse } from '../support/client.ts';
import { createAccount, createOrg, signInAs } from '../support/factories.ts';
import { createTestContext, type TestContext } from '../support/harness.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx?.close();
});

function expectErrorShape(res: TestResponse, status: number, code: string): void {
  expect(res.status).toBe(status);
  expect(String(res.headers['content-type'])).toMatch(/^application\/json/);
  const body = res.body as { error: { code: string; message: string } };
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(0);
  expect(res.text).not.toMatch(/FST_ERR|statusCode/);
}

describe('inputs the fuzzer found', () => {
  it('answers a path the router cannot decode in the one shape, in the asked language', async () => {
    const res = await ctx.client({ locale: 'en' }).get('/api/orgs/%zz');
    expectErrorShape(res, 400, 'route.bad_url');
    expect((res.body as { error: { message: string } }).error.message).toMatch(/malformed/);
    expectErrorShape(await ctx.client().get('/api/me/push-subscriptions/%ED%A0%80'), 400, 'route.bad_url');
  });

  it('answers a path parameter over the length limit in the one shape (414)', async () => {
    expectErrorShape(await ctx.client().get(`/api/orgs/${'a'.repeat(5000)}`), 414, 'route.bad_url');
  });

  it('refuses a NUL byte in an organisation slug as invalid input, not a database failure', async () => {
    expectErrorShape(await ctx.client().get('/api/orgs/a%00b'), 400, 'validation.failed');
  });

  it('refuses a multipart body without a boundary as malformed, not a 500', async () => {
    const org = await createOrg(ctx.db);
    const staff = await createAccount(ctx.db, { roles: [{ orgId: org.id, role: 'admin' }] });
    const client = ctx.client();
    await signInAs(ctx.db, client, staff, { mfa: true });
    for (const url of [`/api/orgs/${org.id}/portal/roll/imports`, `/api/orgs/${org.id}/requests/photos`]) {
      const res = await client.raw({
        method: 'POST',
        url,
        headers: { 'content-type': 'multipart/form-data' },
        payload: 'no boundary at all',
      });
      expectErrorShape(res, 400, 'files.malformed');
    }
  });
});
