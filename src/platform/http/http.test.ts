import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../tests/support/harness.ts';
import { localeFromHeader } from './locale.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

describe('HTTP platform', () => {
  it('answers /api/health with the database kind', async () => {
    const res = await ctx.client().get<{ status: string; database: string }>('/api/health');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
    expect(['pglite', 'postgres']).toContain(res.body.database);
  });

  it('serves Prometheus metrics', async () => {
    await ctx.client().get('/api/health');
    const res = await ctx.client().get('/metrics');
    expect(res.status).toBe(200);
    expect(res.text).toContain('civique_http_request_duration_seconds');
  });

  it('publishes an OpenAPI 3.1 document and interactive docs', async () => {
    const res = await ctx
      .client()
      .get<{ openapi: string; paths: Record<string, unknown> }>('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/orgs', '/api/health']));
    const docs = await ctx.client().get('/api/docs/');
    expect(docs.status).toBe(200);
    expect(docs.text).toContain('/api/openapi.json');
  });

  it('sends security headers', async () => {
    const res = await ctx.client().get('/api/health');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBeDefined();
  });

  it('answers unknown routes and malformed JSON in the one error shape, in both languages', async () => {
    const fr = await ctx
      .client({ locale: 'fr' })
      .get<{ error: { code: string; message: string } }>('/api/nothing-here');
    expect(fr.status).toBe(404);
    expect(fr.body.error).toEqual({ code: 'route.not_found', message: 'Cette adresse n’existe pas.' });
    const en = ctx.client({ locale: 'en' });
    const bad = await en.raw<{ error: { code: string; message: string } }>({
      method: 'POST',
      url: '/api/admin/orgs',
      payload: '{"slug": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation.body_malformed');
    expect(bad.body.error.message).toBe('The request body is not valid JSON.');
    expect(bad.text).not.toMatch(/at .*\.ts:\d+/);
  });

  it('refuses state-changing requests without the CSRF token', async () => {
    const c = ctx.client({ locale: 'en' });
    c.sendCsrf = false;
    const res = await c.post<{ error: { code: string } }>('/api/admin/orgs', {});
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('csrf.invalid');
  });

  it('picks the language from Accept-Language, French by default', () => {
    expect(localeFromHeader(undefined)).toBe('fr');
    expect(localeFromHeader('en-CA,en;q=0.9')).toBe('en');
    expect(localeFromHeader('de-DE, en;q=0.5, fr;q=0.8')).toBe('fr');
    expect(localeFromHeader('es')).toBe('fr');
  });
});
