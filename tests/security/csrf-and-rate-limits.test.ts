/**
 * Over the whole route table (issue 14): every state-changing browser route refuses a signed-in request
 * without its CSRF token, except the machine routes listed below, which carry their own proof; every
 * sign-in and one-time-code route is rate limited, and the limit really answers 429.
 * (Single-route checks already live next to the code: src/platform/http/http.test.ts, auth/sign-in.test.ts,
 * auth/codes.test.ts; this file makes sure no route escapes them.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegisteredRoute } from '../../src/app.ts';
import { regionContacts } from '../../src/modules/attraction/contacts/schema.ts';
import { createAccount, createOrg, signInAs } from '../support/factories.ts';
import { createTestContext, type TestContext } from '../support/harness.ts';
import { NO_ROW } from './matrix-fixtures.ts';
import { sampleOf } from './sample-input.ts';

/**
 * State-changing routes that take no CSRF token, and the proof each takes instead. A new `csrf: false`
 * route fails this suite until it is added here with its reason.
 */
const MACHINE_ROUTES: Record<string, string> = {
  'POST /api/notify/sms/status': 'SMS provider delivery callback, authenticated by its shared secret',
  'POST /api/notify/unsubscribe/:token':
    'one-click unsubscribe (RFC 8058) posted by mail clients; the signed token is the proof',
  'POST /api/orgs/:orgId/operations/telemetry': 'device ingestion, authenticated by the device token',
  'POST /api/payments/webhooks/stripe/:orgId': 'Stripe webhook, authenticated by its signature',
  'POST /open311/v2/requests.:format': 'Open311 GeoReport v2 clients, authenticated by their api_key',
};

/** Routes where a person proves who they are or receives/enters a one-time code. */
const CREDENTIAL_ROUTE = /sign-in|sign-up|\/code|password|verify-email|totp|claim/;

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let ctx: TestContext;
let mrcSlug = '';
const CONTACT_SLUG = 'agente-accueil';
beforeAll(async () => {
  ctx = await createTestContext();
  // Server-rendered forms (regional site) look their region up before anything else: give them a real one.
  const mrc = await createOrg(ctx.db, { kind: 'mrc' });
  mrcSlug = mrc.slug;
  // Its refusal page shows the person's form again, so the person must exist.
  await ctx.db.insert(regionContacts).values({
    orgId: mrc.id,
    slug: CONTACT_SLUG,
    name: 'Agente d’accueil',
    roleFr: 'Accueil',
    roleEn: 'Welcome',
    email: 'accueil@mrc.example',
  });
});
afterAll(async () => {
  await ctx?.close();
});

const key = (r: RegisteredRoute) => `${r.method} ${r.url}`;
const fill = (url: string) =>
  url.replace(/:([A-Za-z_]+)/g, (_m, name: string) =>
    name === 'format'
      ? 'json'
      : name === 'lang'
        ? 'fr'
        : name === 'org'
          ? mrcSlug
          : name === 'slug'
            ? CONTACT_SLUG
            : NO_ROW,
  );

describe('CSRF on every state-changing browser route', () => {
  it('refuses a signed-in request without the token, on every route but the listed machine routes', async () => {
    const routes = ctx.app.routeTable.filter((r) => STATE_CHANGING.has(r.method));
    const exempt = routes.filter((r) => r.config.csrf === false).map(key);
    expect(exempt.sort(), 'csrf: false routes must be listed in MACHINE_ROUTES').toEqual(
      Object.keys(MACHINE_ROUTES).sort(),
    );
    const account = await createAccount(ctx.db, { installationAdmin: true, totp: true });
    const client = ctx.client();
    client.sendCsrf = false;
    const accepted: string[] = [];
    let n = 0;
    for (const route of routes) {
      if (MACHINE_ROUTES[key(route)]) continue;
      await signInAs(ctx.db, client, account, { mfa: true });
      const res = await client.raw({
        method: route.method as 'POST',
        url: fill(route.url),
        // A body the route accepts: server-rendered forms validate it before their CSRF check runs.
        payload: (sampleOf(route.schema.body as Record<string, unknown> | undefined) ?? {}) as object,
        remoteAddress: `10.9.${(n >> 8) & 255}.${n & 255}`,
      });
      n++;
      const code = (res.body as { error?: { code?: string } } | undefined)?.error?.code;
      // JSON routes answer the one error shape; server-rendered forms answer an HTML page with the 403.
      const refused = res.status === 403 && (code === 'csrf.invalid' || !route.url.startsWith('/api/'));
      if (!refused) accepted.push(`${key(route)} → ${res.status} ${code ?? ''}`);
    }
    console.info(
      `CSRF: ${n} state-changing browser routes refused without a token, ${exempt.length} machine routes`,
    );
    expect(n).toBeGreaterThan(100);
    expect(accepted).toEqual([]);
  }, 300_000);

  it('refuses a token minted for another browser', async () => {
    const mine = ctx.client();
    const theirs = ctx.client();
    const token = await theirs.refreshCsrf();
    await mine.refreshCsrf();
    mine.sendCsrf = false;
    const account = await createAccount(ctx.db);
    await signInAs(ctx.db, mine, account);
    const res = await mine.post<{ error: { code: string } }>('/api/me/inbox/read-all', undefined, {
      'x-csrf-token': token,
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('csrf.invalid');
  });
});

describe('rate limits on every sign-in and one-time-code route', () => {
  it('each has a limit, and the request after it is answered 429', async () => {
    const routes = ctx.app.routeTable.filter(
      (r) => STATE_CHANGING.has(r.method) && CREDENTIAL_ROUTE.test(r.url),
    );
    const unlimited = routes.filter((r) => !r.config.rateLimit || typeof r.config.rateLimit !== 'object');
    expect(unlimited.map(key), 'sign-in and code routes without a rate limit').toEqual([]);
    const notLimited: string[] = [];
    let i = 0;
    for (const route of routes) {
      const { max } = route.config.rateLimit as { max: number };
      expect(max).toBeLessThanOrEqual(20);
      const client = ctx.client();
      const remoteAddress = `10.8.0.${++i}`;
      let last = 0;
      for (let n = 0; n <= max; n++) {
        const res = await client.raw({
          method: route.method as 'POST',
          url: fill(route.url),
          payload: {},
          remoteAddress,
        });
        last = res.status;
      }
      if (last !== 429) notLimited.push(`${key(route)}: request ${max + 1} → ${last}`);
    }
    console.info(`rate limits: ${routes.length} sign-in and code routes answer 429 past their limit`);
    expect(routes.length).toBeGreaterThanOrEqual(10);
    expect(notLimited).toEqual([]);
  }, 300_000);
});
