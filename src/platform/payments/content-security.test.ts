import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createOrg, signInAs } from '../../../tests/support/factories.ts';
import { createTestContext, type TestContext } from '../../../tests/support/harness.ts';

// The policy as a map: directive → its sources.
function policy(header: string | string[] | number | undefined): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of String(header ?? '').split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name, sources);
  }
  return directives;
}

async function pagePolicy(ctx: TestContext, path = '/fr/joliette') {
  const res = await ctx.client().get(path);
  return policy(res.headers['content-security-policy']);
}

describe('Content-Security-Policy and Stripe.js', () => {
  describe('with no Stripe configured', () => {
    let ctx: TestContext;
    beforeAll(async () => {
      ctx = await createTestContext();
    });
    afterAll(async () => ctx?.close());

    it('allows no Stripe origin, on pages or the API', async () => {
      for (const path of ['/fr/joliette', '/api/health']) {
        const csp = await pagePolicy(ctx, path);
        expect(csp.get('script-src')).toEqual(["'self'"]);
        expect(csp.get('connect-src')).toEqual(["'self'"]);
        expect(csp.get('frame-src')).toEqual(["'self'"]);
        expect([...csp.values()].flat().join(' ')).not.toContain('stripe');
      }
    });

    it('allows Stripe once an organisation saves its own keys, and no more once it removes them', async () => {
      const town = await createOrg(ctx.db);
      const admin = await createAccount(ctx.db, { roles: [{ orgId: town.id, role: 'admin' }], totp: true });
      const client = ctx.client();
      await signInAs(ctx.db, client, admin, { mfa: true });
      const saved = await client.put(`/api/orgs/${town.id}/payments/settings`, {
        stripe: { secretKey: 'sk_live_town', webhookSecret: 'whsec_town', publishableKey: 'pk_live_town' },
      });
      expect(saved.status).toBe(200);
      let csp = await pagePolicy(ctx);
      expect(csp.get('script-src')).toEqual(["'self'", 'https://js.stripe.com']);
      expect(csp.get('connect-src')).toEqual(["'self'", 'https://api.stripe.com']);

      const removed = await client.put(`/api/orgs/${town.id}/payments/settings`, { stripe: null });
      expect(removed.status).toBe(200);
      csp = await pagePolicy(ctx);
      expect(csp.get('script-src')).toEqual(["'self'"]);
    });
  });

  describe('with the installation’s Stripe keys', () => {
    let ctx: TestContext;
    beforeAll(async () => {
      ctx = await createTestContext({
        STRIPE_SECRET_KEY: 'sk_test_civique',
        STRIPE_PUBLISHABLE_KEY: 'pk_test_civique',
        STRIPE_WEBHOOK_SECRET: 'whsec_civique',
      });
    });
    afterAll(async () => ctx?.close());

    it('allows exactly Stripe.js, its frames and its API, and keeps everything else as strict', async () => {
      const csp = await pagePolicy(ctx);
      expect(csp.get('script-src')).toEqual(["'self'", 'https://js.stripe.com']);
      expect(csp.get('frame-src')).toEqual(["'self'", 'https://js.stripe.com', 'https://hooks.stripe.com']);
      expect(csp.get('connect-src')).toEqual(["'self'", 'https://api.stripe.com']);
      expect(csp.get('default-src')).toEqual(["'self'"]);
      expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
      expect(csp.get('worker-src')).toEqual(["'self'"]);
      expect(csp.get('script-src')).not.toContain("'unsafe-inline'");
    });
  });
});
