// Input fuzzing (issue 14): every operation of /api/openapi.json receives invalid and hostile input drawn
// by fast-check (fuzz-cases.ts), as a staff member (every role of their own town), a citizen and an
// anonymous visitor, each with a valid CSRF token so the body reaches validation. No answer may be a
// 5xx, leak internals, or break the one error shape; the demonstration data stored before the run must
// be unchanged after it. FUZZ_RUNS (cases per operation and person, default 4) makes the run longer.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../src/platform/auth/schema.ts';
import { DEMO_ORGANISATIONS } from '../../src/platform/seed/demo-data.ts';
import { seedDemo } from '../../src/platform/seed/seed-demo.ts';
import type { TestClient, TestResponse } from '../support/client.ts';
import { createAccount, createOrg, signInAs, type TestAccount } from '../support/factories.ts';
import { createTestContext, type TestContext } from '../support/harness.ts';
import { changedRows, type Snapshot, snapshot } from './data-snapshot.ts';
import { casesFor, type FuzzCase, type Operation, operationsOf } from './fuzz-cases.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 4);
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_126);

// Bookkeeping that any request may rightly write, whoever sends it.
const SKIP_TABLES = new Set([
  'sessions',
  'sign_in_failures',
  'idempotency_keys',
  'reference_counters',
  'one_time_codes',
  'installation_secrets',
]);

// What must never leave the server: stack frames, file paths, database and runtime error texts.
const STACK = /\n\s+at |node_modules|file:\/\/\/|\/work\/|\/src\/(platform|modules)\//;
const INTERNAL =
  /syntax error at or near|relation "|violates [a-z ]*constraint|duplicate key value|invalid input syntax|PGlite|drizzle|RuntimeError|TypeError|ReferenceError|Cannot read propert|ECONNREFUSED|\.ts:\d+/i;

/** Why an answer is wrong, or undefined when it is acceptable. */
function problemOf(c: FuzzCase, res: TestResponse): string | undefined {
  if (res.status >= 500) return `status ${res.status}`;
  if (STACK.test(res.text)) return 'stack trace or path in the body';
  if (res.status < 400) return undefined;
  if (INTERNAL.test(res.text)) return 'internal detail in the error body';
  if (c.url.startsWith('/open311/')) {
    // GeoReport v2 has its own error format: a list of { code, description } (or <errors> in XML); a URL
    // the router refuses before any Open311 code runs gets the API's shape, checked below.
    const list = res.body as Array<{ code?: unknown; description?: unknown }>;
    if (Array.isArray(list))
      return list.every((e) => typeof e.code === 'number' && typeof e.description === 'string')
        ? undefined
        : 'not the GeoReport error format';
    if (/<errors>/.test(res.text)) return undefined;
  }
  // The unsubscribe link of an e-mail opens a page: an invalid link is a page for people, not JSON.
  if (
    c.url.startsWith('/api/notify/unsubscribe/') &&
    String(res.headers['content-type']).startsWith('text/html')
  )
    return undefined;
  const body = res.body as { error?: { code?: unknown; message?: unknown } } | undefined;
  if (!String(res.headers['content-type'] ?? '').startsWith('application/json')) return 'error is not JSON';
  if (typeof body?.error?.code !== 'string' || typeof body.error.message !== 'string' || !body.error.message)
    return 'error body not { error: { code, message } }';
  return undefined;
}

interface Failure {
  person: string;
  operation: string;
  problem: string;
  kind: string;
  status: number;
  url: string;
  payload: string;
  body: string;
}

let ctx: TestContext;
let operations: Operation[];
let before: Snapshot;
let staff: TestAccount;
let citizen: TestAccount;
let orgId: string;
let targets: { orgIds: string[]; slugs: string[] };
const filterOf = () => ({
  orgId,
  accountIds: [staff.id, citizen.id],
  householdIds: [staff.householdId, citizen.householdId],
  skipTables: SKIP_TABLES,
});

beforeAll(async () => {
  const t0 = Date.now();
  ctx = await createTestContext();
  await seedDemo(ctx.db);
  console.log(`fuzz: demonstration data seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const org = await createOrg(ctx.db, { slug: 'ville-fuzz' });
  orgId = org.id;
  staff = await createAccount(ctx.db, { roles: ROLES.map((role) => ({ orgId, role })) });
  citizen = await createAccount(ctx.db);
  const res = await ctx
    .client()
    .get<{ paths: Record<string, Record<string, Record<string, unknown>>> }>('/api/openapi.json');
  operations = operationsOf(res.body);
  const demo = await ctx.client().get<Array<{ id: string; slug: string }>>('/api/orgs');
  const demoIds = Array.isArray(demo.body) ? demo.body.map((o) => o.id) : [];
  targets = {
    orgIds: [orgId, orgId, ...demoIds.slice(0, 4)],
    slugs: ['ville-fuzz', ...DEMO_ORGANISATIONS.map((o) => o.slug)],
  };
  before = await snapshot(ctx.db, filterOf());
}, 600_000);

afterAll(async () => {
  await ctx?.close();
});

async function clientFor(person: 'staff' | 'citizen' | 'anonymous'): Promise<TestClient> {
  const client = ctx.client({ locale: Math.random() < 0.5 ? 'fr' : 'en' });
  if (person === 'staff') await signInAs(ctx.db, client, staff, { mfa: true });
  if (person === 'citizen') await signInAs(ctx.db, client, citizen);
  await client.refreshCsrf();
  return client;
}

describe('input fuzzing from the OpenAPI document', () => {
  it('answers every hostile input without a 5xx, a leak or a broken error shape, and keeps stored data', async () => {
    expect(operations.length).toBeGreaterThan(300);
    const failures: Failure[] = [];
    let sent = 0;
    const started = Date.now();
    for (const [index, op] of operations.entries()) {
      const arbitrary = casesFor(op, targets);
      for (const person of ['staff', 'citizen', 'anonymous'] as const) {
        // The staff member may open the stream of their own town, which never ends: the others get 4xx.
        if (op.stream && person === 'staff') continue;
        // A fresh browser per operation: a fuzzed sign-out or cookie change must not leak into the next one.
        const client = await clientFor(person);
        let last: Failure | undefined;
        const details = await fc.check(
          fc.asyncProperty(arbitrary, async (c) => {
            sent++;
            let res: TestResponse;
            try {
              res = await client.raw({
                method: c.method as 'GET',
                url: c.url,
                headers: c.headers,
                payload: c.payload,
              });
            } catch (error) {
              res = { status: 599, headers: {}, body: undefined, text: String(error) };
            }
            const problem = problemOf(c, res);
            if (!problem) return true;
            last = {
              person,
              operation: `${op.method} ${op.path}`,
              problem,
              kind: c.kind,
              status: res.status,
              url: c.url.slice(0, 300),
              payload: String(c.payload ?? '').slice(0, 300),
              body: res.text.slice(0, 300),
            };
            return false;
          }),
          { numRuns: RUNS, seed: SEED + index, endOnFailure: true },
        );
        if (details.failed && last) failures.push(last);
      }
    }
    const after = await snapshot(ctx.db, filterOf());
    const rows = [...before.values()].reduce((n, set) => n + set.size, 0);
    console.log(`fuzz: ${rows} stored rows in ${before.size} tables fingerprinted before and after`);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `fuzz: ${sent} cases over ${operations.length} operations × 3 people (${RUNS} runs each, seed ${SEED}) in ${seconds} s; ${failures.length} failing`,
    );
    for (const f of failures) console.log(JSON.stringify(f));
    expect(failures).toEqual([]);
    expect(changedRows(before, after)).toEqual({});
  }, 1_800_000);
});
