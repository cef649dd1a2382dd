/**
 * Authorization matrix (issue 14): every route of the route table × every role, against the expected
 * outcome written in `access-table.ts`. A route with no entry there fails the suite, so a new route must be
 * classified before it ships. Records are real rows of the demonstration data.
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegisteredRoute } from '../../src/app.ts';
import { newSessionToken, sessionCookieName } from '../../src/platform/auth/context.ts';
import { sessions } from '../../src/platform/auth/schema.ts';
import { organisations } from '../../src/platform/orgs/schema.ts';
import { seedDemo } from '../../src/platform/seed/seed-demo.ts';
import { createTestContext, type TestContext } from '../support/harness.ts';
import { multipartForm } from '../support/uploads.ts';
import { type Access, classify, expectedOutcome, type Outcome } from './access-table.ts';
import { ACTORS, type Actor, type Actors, createActors, fillRoute } from './matrix-fixtures.ts';
import { sampleOf } from './sample-input.ts';

let ctx: TestContext;
let actors: Actors;
const slugs = new Map<string, string>();

beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx.db);
  for (const o of await ctx.db
    .select({ id: organisations.id, slug: organisations.slug })
    .from(organisations)) {
    slugs.set(o.slug, o.id);
  }
  actors = await createActors(ctx.db);
}, 600_000);
afterAll(async () => {
  await ctx?.close();
});

/** Routes the matrix checks: every method of every route, except HEAD (Fastify mirrors each GET). */
function matrixRoutes(table: readonly RegisteredRoute[]): RegisteredRoute[] {
  return table.filter((r) => r.method !== 'HEAD');
}

function accountOf(actor: Actor, owner: string | null): string | null {
  if (actor === 'anonymous') return null;
  if (actor === 'citizen') return owner ?? actors.citizen;
  if (actor === 'otherCitizen') return actors.otherCitizen;
  if (actor === 'foreignStaff') return actors.foreignStaff;
  if (actor === 'installationAdmin') return actors.installationAdmin;
  return actors.staff[actor.slice('staff:'.length) as keyof Actors['staff']];
}

/** A CSRF secret cookie and its token, shared by every actor (the token is bound to the secret, not the session). */
async function csrfPair(): Promise<{ cookie: string; token: string }> {
  const res = await ctx.app.inject({ method: 'GET', url: '/api/csrf' });
  const set = res.headers['set-cookie'];
  const line = (Array.isArray(set) ? set[0] : set) ?? '';
  return { cookie: line.split(';')[0] ?? '', token: (res.json() as { token: string }).token };
}

/** A new session of the account (second factor passed for the roles that need it). */
async function sessionFor(actor: Actor, accountId: string): Promise<string> {
  const mfa = actor === 'staff:admin' || actor === 'foreignStaff' || actor === 'installationAdmin';
  const { token, id } = newSessionToken();
  await ctx.db.insert(sessions).values({
    id,
    accountId,
    expiresAt: new Date(Date.now() + 3600_000),
    mfaAt: mfa ? new Date() : null,
  });
  return `${sessionCookieName(true)}=${token}`;
}

let ip = 0;
/**
 * One request, as a browser would send it (cookies, CSRF token). The answer is read as a stream so that a
 * Server-Sent Events route gives its status at once instead of never ending; such a stream is then closed.
 */
async function send(
  method: string,
  url: string,
  body: { payload: object | Buffer; headers?: Record<string, string> } | undefined,
  session: string | null,
  csrf: { cookie: string; token: string },
): Promise<{ status: number; code: string }> {
  ip++;
  const res = await ctx.app.inject({
    method: method as 'GET',
    url,
    payload: body?.payload,
    headers: {
      ...body?.headers,
      cookie: [csrf.cookie, session].filter(Boolean).join('; '),
      'x-csrf-token': csrf.token,
      'accept-language': 'fr',
    },
    // Each request from its own address: the per-route rate limits (sign-in, contact forms) would
    // otherwise answer 429 to the seventeenth role.
    remoteAddress: `10.${(ip >> 16) & 255}.${(ip >> 8) & 255}.${ip & 255}`,
    payloadAsStream: true,
  });
  if (String(res.headers['content-type'] ?? '').startsWith('text/event-stream')) {
    res.raw.res.destroy();
    return { status: res.statusCode, code: '' };
  }
  const chunks: Buffer[] = [];
  for await (const chunk of res.stream()) chunks.push(chunk as Buffer);
  let code = '';
  try {
    code =
      (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { error?: { code?: string } }).error?.code ?? '';
  } catch {
    // Not JSON (a file, a page): no error code to show.
  }
  return { status: res.statusCode, code };
}

/** A body the route accepts: a sample of its JSON schema, or a small CSV file for upload routes. */
async function bodyFor(
  route: RegisteredRoute,
): Promise<{ payload: object | Buffer; headers?: Record<string, string> } | undefined> {
  const consumes = (route.schema.consumes as string[] | undefined) ?? [];
  if (consumes.includes('text/csv')) {
    return { payload: Buffer.from('a,b\n1,2\n'), headers: { 'content-type': 'text/csv' } };
  }
  if (consumes.includes('multipart/form-data')) {
    const form = await multipartForm({ purpose: 'data' }, [
      { name: 'donnees.csv', type: 'text/csv', content: 'a,b\n1,2\n' },
    ]);
    return { payload: form.payload, headers: form.headers };
  }
  const sample = sampleOf(route.schema.body as Record<string, unknown> | undefined);
  if (sample && typeof sample === 'object' && 'geometry' in sample && route.url.includes('/transit/zones')) {
    // The schema takes any coordinates; a sample of `[null]` makes the server fail (500, reported to the
    // team) instead of reaching the policy, so give a real square.
    const square = [
      [-71.96, 46.05],
      [-71.9, 46.05],
      [-71.9, 46.1],
      [-71.96, 46.05],
    ];
    return { payload: { ...sample, geometry: { type: 'Polygon', coordinates: [square] } } };
  }
  return sample === undefined ? undefined : { payload: sample as object };
}

function queryString(schema: Record<string, unknown>): string {
  const sample = sampleOf(schema.querystring as Record<string, unknown> | undefined);
  if (!sample || typeof sample !== 'object') return '';
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(sample)) q.set(k, Array.isArray(v) ? v.join(',') : String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

function matches(outcome: Outcome, status: number): boolean {
  if (status >= 500) return false;
  if (outcome === 'any') return true;
  if (outcome === 'ok') return status !== 401 && status !== 403;
  return status === outcome;
}

describe('authorization matrix', () => {
  it('classifies every route and answers each role as the table says', async () => {
    const routes = matrixRoutes(ctx.app.routeTable);
    const unclassified: string[] = [];
    const planned: Array<{
      route: RegisteredRoute;
      access: Access;
      except: Partial<Record<Actor, Outcome>>;
    }> = [];
    for (const route of routes) {
      const rule = classify(route);
      if (!rule) unclassified.push(`${route.method} ${route.url}`);
      else planned.push({ route, access: rule.access, except: rule.except ?? {} });
    }

    // Deletions last, so that a record removed by an allowed role is not missing for the routes after it.
    planned.sort((a, b) => Number(a.route.method === 'DELETE') - Number(b.route.method === 'DELETE'));
    const csrf = await csrfPair();
    const failures: string[] = [];
    const observed: string[] = [];
    const progress = process.env.MATRIX_OBSERVED;
    let checks = 0;
    let resolvedRoutes = 0;
    for (const { route, access, except } of planned) {
      const started = Date.now();
      const { path, owner, resolved } = await fillRoute(ctx.db, route.url, slugs);
      if (resolved) resolvedRoutes++;
      const url = path + queryString(route.schema);
      const body = await bodyFor(route);
      // Refused roles first: an allowed role may change the record (cancel, delete, publish).
      const order = [...ACTORS].sort(
        (a, b) =>
          Number((except[a] ?? expectedOutcome(access, a)) === 'ok') -
          Number((except[b] ?? expectedOutcome(access, b)) === 'ok'),
      );
      const line: string[] = [];
      for (const actor of order) {
        const account = accountOf(actor, owner);
        // A fresh session for every request: sign-out routes must not sign the actor out of the rest.
        const session = account ? await sessionFor(actor, account) : null;
        const res = await send(route.method, url, body, session, csrf);
        checks++;
        const expected = except[actor] ?? expectedOutcome(access, actor);
        line.push(`${actor}=${res.status}${res.code ? `:${res.code}` : ''}`);
        if (!matches(expected, res.status)) {
          failures.push(
            `${route.method} ${route.url} as ${actor}: expected ${expected}, got ${res.status} ${res.code}`,
          );
        }
      }
      const entry = `${route.method} ${route.url} ${resolved ? '' : '(no row) '}${Date.now() - started}ms ${line.join(' ')}`;
      observed.push(entry);
      if (progress) appendFileSync(`${progress}.progress`, `${entry}\n`);
    }
    if (process.env.MATRIX_OBSERVED) writeFileSync(process.env.MATRIX_OBSERVED, observed.join('\n'));
    const staticFiles = planned.filter((p) => 'file' in p.route.config).length;
    console.info(
      `authorization matrix: ${planned.length} routes (${staticFiles} of them static files of the web app) × ` +
        `${ACTORS.length} roles = ${checks} checks; ` +
        `${resolvedRoutes} routes on real rows, ${failures.length} mismatches`,
    );
    expect(unclassified, 'routes with no entry in tests/security/access-table.ts').toEqual([]);
    expect(failures).toEqual([]);
  }, 900_000);
});
