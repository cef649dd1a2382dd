/**
 * Response headers on every kind of answer (JSON API, errors, server-rendered HTML, the web app, feeds,
 * the API docs) and the flags of every cookie the server sets while a person signs in (issue 14).
 * Single-route checks live next to the code (src/platform/http/http.test.ts: CSP and nosniff on
 * /api/health; src/platform/auth/sign-in.test.ts: session cookie flags and rotation at password sign-in);
 * this file covers every kind of response and every way of signing in.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_DIST } from '../../src/app.ts';
import { GOOD_PASSWORD, latestCode, SESSION_COOKIE } from '../../src/platform/auth/test-support.ts';
import type { TestResponse } from '../support/client.ts';
import { createOrg } from '../support/factories.ts';
import { createTestContext, type TestContext } from '../support/harness.ts';

let ctx: TestContext;
let town: { slug: string };
let mrc: { slug: string };
beforeAll(async () => {
  // Served over HTTPS, as in production: HSTS is only meaningful (and only sent) then.
  ctx = await createTestContext({ PUBLIC_URL: 'https://civique.example' });
  town = await createOrg(ctx.db);
  mrc = await createOrg(ctx.db, { kind: 'mrc' });
});
afterAll(async () => {
  await ctx?.close();
});

function header(res: TestResponse, name: string): string {
  const value = res.headers[name];
  return Array.isArray(value) ? value.join(', ') : String(value ?? '');
}

function expectHardened(res: TestResponse, what: string): void {
  expect(header(res, 'x-content-type-options'), what).toBe('nosniff');
  expect(header(res, 'referrer-policy'), what).toMatch(
    /^(no-referrer|same-origin|strict-origin-when-cross-origin)$/,
  );
  expect(header(res, 'x-frame-options'), what).toMatch(/^(DENY|SAMEORIGIN)$/);
  const csp = header(res, 'content-security-policy');
  expect(csp, what).toContain("frame-ancestors 'none'");
  // HSTS for at least 180 days (the usual floor for preload lists).
  const maxAge = Number(/max-age=(\d+)/.exec(header(res, 'strict-transport-security'))?.[1] ?? 0);
  expect(maxAge, `${what}: HSTS max-age`).toBeGreaterThanOrEqual(15_552_000);
  expect(header(res, 'x-powered-by'), what).toBe('');
}

describe('response headers', () => {
  it('harden JSON answers and errors, which carry a JSON content type', async () => {
    const c = ctx.client();
    for (const url of ['/api/health', '/api/orgs', '/api/nothing-here', '/api/me/profile']) {
      const res = await c.get(url);
      expectHardened(res, url);
      expect(header(res, 'content-type'), url).toBe('application/json; charset=utf-8');
      // No script may run from an API answer opened directly in a tab.
      expect(header(res, 'content-security-policy'), url).toContain("default-src 'self'");
      expect(header(res, 'content-security-policy'), url).not.toContain("'unsafe-eval'");
    }
  });

  it('harden server-rendered pages (regional site, job offers) served as UTF-8 HTML', async () => {
    const c = ctx.client();
    for (const url of [`/region/${mrc.slug}/fr`, `/emplois/${mrc.slug}`]) {
      const res = await c.get(url);
      expect(res.status, url).toBeLessThan(500);
      expectHardened(res, url);
      expect(header(res, 'content-type'), url).toBe('text/html; charset=utf-8');
      expect(header(res, 'content-security-policy'), url).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    }
  });

  it('harden the web app shell when it is built', async () => {
    if (!existsSync(WEB_DIST)) return; // `npm run build:web` first; CI builds before the browser suites.
    const c = ctx.client();
    for (const url of ['/', '/compte/connexion']) {
      const res = await c.get(url, { accept: 'text/html' });
      expect(res.status, url).toBe(200);
      expectHardened(res, url);
      expect(header(res, 'content-type'), url).toMatch(/^text\/html; charset=utf-8$/i);
      expect(header(res, 'content-security-policy'), url).not.toMatch(
        /script-src[^;]*'unsafe-(inline|eval)'/,
      );
    }
  });

  it('harden feeds, each with its own content type', async () => {
    const c = ctx.client();
    const atom = await c.get(`/feeds/${town.slug}/alerts.atom`);
    expect(atom.status).toBe(200);
    expectHardened(atom, 'atom');
    expect(header(atom, 'content-type')).toBe('application/atom+xml; charset=utf-8');
    const open311 = await c.get(`/open311/v2/discovery.json?jurisdiction_id=${town.slug}`);
    expectHardened(open311, 'open311');
    expect(header(open311, 'content-type')).toMatch(/^application\/json/);
  });

  it('keep the API docs (which need inline scripts) from being framed', async () => {
    const res = await ctx.client().get('/api/docs/');
    expect(res.status).toBe(200);
    expectHardened(res, '/api/docs/');
  });
});

describe('cookies', () => {
  function cookieLines(res: TestResponse): string[] {
    const set = res.headers['set-cookie'];
    return Array.isArray(set) ? set : set ? [String(set)] : [];
  }
  function expectHostCookie(line: string): void {
    expect(line).toMatch(/^__Host-/);
    expect(line).toMatch(/;\s*Secure/i);
    expect(line).toMatch(/;\s*HttpOnly/i);
    expect(line).toMatch(/;\s*SameSite=Lax/i);
    expect(line).toMatch(/;\s*Path=\//i);
    expect(line).not.toMatch(/;\s*Domain=/i);
  }

  it('the CSRF secret is a __Host- cookie, Secure, HttpOnly, SameSite=Lax', async () => {
    const res = await ctx.client().get('/api/csrf');
    const lines = cookieLines(res);
    expect(lines.length).toBe(1);
    expectHostCookie(lines[0] ?? '');
  });

  it('every way of signing in sets a fresh __Host- session cookie with the right flags', async () => {
    const email = 'cookies.flags@exemple.test';
    const client = ctx.client();
    await client.post('/api/auth/sign-up', {
      email,
      password: GOOD_PASSWORD,
      givenName: 'Ana',
      familyName: 'Lavoie',
      locale: 'fr',
    });
    const sessions: string[] = [];
    const check = (res: TestResponse, how: string) => {
      expect(res.status, how).toBe(200);
      const line = cookieLines(res).find((l) => l.startsWith(`${SESSION_COOKIE}=`));
      expect(line, how).toBeDefined();
      expectHostCookie(line ?? '');
      const value = client.cookie(SESSION_COOKIE) ?? '';
      expect(sessions, `${how}: a new session id`).not.toContain(value);
      sessions.push(value);
    };
    const verifyCode = await latestCode(ctx.db, email, 'auth.verify_email');
    check(await client.post('/api/auth/verify-email', { email, code: verifyCode }), 'verify-email');
    // Signing in again while signed in rotates the id (no session fixation).
    check(await client.post('/api/auth/sign-in', { email, password: GOOD_PASSWORD }), 'sign-in');
    await client.post('/api/auth/code/request', { email });
    const code = await latestCode(ctx.db, email, 'auth.sign_in_code');
    check(await client.post('/api/auth/code/sign-in', { email, code }), 'code sign-in');
    await client.post('/api/auth/password/reset-request', { email });
    const reset = await latestCode(ctx.db, email, 'auth.reset_code');
    const after = await client.post('/api/auth/password/reset', {
      email,
      code: reset,
      password: `${GOOD_PASSWORD}-2`,
    });
    if (cookieLines(after).some((l) => l.startsWith(`${SESSION_COOKIE}=`))) check(after, 'password reset');
    else expect(after.status).toBeLessThan(300);
    const signOut = await client.post('/api/auth/sign-out');
    const cleared = cookieLines(signOut).find((l) => l.startsWith(`${SESSION_COOKIE}=`));
    expect(cleared).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i);
  });
});
