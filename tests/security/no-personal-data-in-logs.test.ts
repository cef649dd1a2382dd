/**
 * No personal data in the logs (issue 14, Law 25): everything the server writes to its log while a person
 * signs up, verifies the address, signs in (right and wrong password, one-time code), asks for a password
 * reset, fills in a profile with a phone number and registers a child to an activity is captured, and none
 * of the e-mail address, password, phone number or one-time codes appears in it.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createActivity,
  createFamily,
  createSeason,
  createTown,
} from '../../src/modules/citizen/test-support.ts';
import { GOOD_PASSWORD, latestCode } from '../../src/platform/auth/test-support.ts';
import { createTestContext, type TestContext } from '../support/harness.ts';

// pino writes to file descriptor 1 through sonic-boom, which calls node:fs directly (not process.stdout):
// wrap fs.write/fs.writeSync (the CommonJS module object sonic-boom requires) to copy what reaches fd 1/2.
const captured: string[] = [];
const original = { write: fs.write, writeSync: fs.writeSync };
function capture(fd: unknown, data: unknown): void {
  if (fd !== 1 && fd !== 2) return;
  captured.push(
    typeof data === 'string' ? data : Buffer.isBuffer(data) ? data.toString('utf8') : String(data),
  );
}

let ctx: TestContext;
beforeAll(async () => {
  const mutableFs = fs as unknown as Record<'write' | 'writeSync', (...args: unknown[]) => unknown>;
  mutableFs.writeSync = (...args: unknown[]) => {
    capture(args[0], args[1]);
    return (original.writeSync as (...a: unknown[]) => unknown)(...args);
  };
  mutableFs.write = (...args: unknown[]) => {
    capture(args[0], args[1]);
    return (original.write as (...a: unknown[]) => unknown)(...args);
  };
  // Debug is more than production logs (info): nothing personal even there.
  ctx = await createTestContext({ LOG_LEVEL: 'debug' });
});
afterAll(async () => {
  Object.assign(fs, original);
  await ctx?.close();
});

describe('logs', () => {
  it('hold no e-mail address, password, phone number or one-time code through sign-up, sign-in and a registration', async () => {
    const email = 'Genevieve.Ouellet-Logs@exemple.test';
    const lower = email.toLowerCase();
    const phone = '+1 450 555-0142';
    const wrongPassword = 'Mauvais-Mot-De-Passe-2026!';
    const client = ctx.client();
    const signUp = await client.post('/api/auth/sign-up', {
      email,
      password: GOOD_PASSWORD,
      givenName: 'Geneviève',
      familyName: 'Ouellet',
      locale: 'fr',
    });
    expect(signUp.status).toBe(201);
    const verifyCode = await latestCode(ctx.db, lower, 'auth.verify_email');
    expect((await client.post('/api/auth/verify-email', { email, code: verifyCode })).status).toBe(200);
    expect((await client.patch('/api/me/profile', { phone })).status).toBe(200);
    await client.post('/api/auth/sign-out');

    const wrong = await client.post('/api/auth/sign-in', { email, password: wrongPassword });
    expect(wrong.status).toBe(401);
    expect((await client.post('/api/auth/sign-in', { email, password: GOOD_PASSWORD })).status).toBe(200);
    await client.post('/api/auth/sign-out');

    expect((await client.post('/api/auth/code/request', { email })).status).toBe(202);
    const signInCode = await latestCode(ctx.db, lower, 'auth.sign_in_code');
    expect((await client.post('/api/auth/code/sign-in', { email, code: signInCode })).status).toBe(200);
    await client.post('/api/auth/password/reset-request', { email });
    const resetCode = await latestCode(ctx.db, lower, 'auth.reset_code');

    // A registration: a resident family registers a child to an activity and confirms the cart.
    const town = await createTown(ctx.db, 'Journaux');
    const season = await createSeason(ctx.db, town.id);
    const activity = await createActivity(ctx.db, season, { capacity: 5 });
    const family = await createFamily(ctx, { children: ['2017-03-09'], residentOf: town.id });
    const checkout = await family.client.post(`/api/citizen/orgs/${town.id}/checkout`, {
      items: [{ activityId: activity.id, personId: family.children[0] }],
    });
    expect(checkout.status).toBe(201);

    const log = captured.join('');
    // The capture works: the requests above are in it (else this test could not fail).
    expect(log).toContain('/api/auth/sign-up');
    expect(log).toContain('/checkout');
    const secrets = {
      email,
      lower,
      familyEmail: family.account.email,
      password: GOOD_PASSWORD,
      wrongPassword,
      phone,
      phoneDigits: '4505550142',
      verifyCode,
      signInCode,
      resetCode,
    };
    // A code is six digits: look for it as a number of its own, not inside a longer one (timings, ids).
    const appears = (value: string) =>
      /^\d{6}$/.test(value)
        ? new RegExp(`(?<![\\d.])${value}(?!\\d)`).test(log)
        : log.toLowerCase().includes(value.toLowerCase());
    const leaked = Object.entries(secrets).filter(([, value]) => appears(value));
    expect(leaked.map(([name]) => name)).toEqual([]);
    expect(log).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
  }, 120_000);
});
