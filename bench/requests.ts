// Requests to the city over 20,000 requests in one town (and as many in a neighbour, so tenancy filters
// work): latency of what people and staff do most — the nearby search while writing a report, the public
// map of a whole town, the first page of a staff queue, an Open311 GET requests with the standard's
// defaults, and filing a request — against a baseline measured in the same run on the same table: one
// request read by its key.
// Usage: node bench/requests.ts [--requests 20000] [--rounds 300]
// PGlite in memory by default; with DATABASE_URL, a fresh database created (and dropped) on that server.
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import type { AuthContext } from '../src/platform/auth/context.ts';
import { accounts, memberships } from '../src/platform/auth/schema.ts';
import { type DatabaseHandle, openPglite, openPostgres } from '../src/platform/db/client.ts';
import { runMigrations } from '../src/platform/db/migrate.ts';
import { inOrg } from '../src/platform/db/tenancy.ts';
import { defineJobs } from '../src/platform/jobs/define-jobs.ts';
import { JobQueue } from '../src/platform/jobs/queue.ts';
import { organisations } from '../src/platform/orgs/schema.ts';
import '../src/features.ts';
import { listServiceRequests } from '../src/modules/citizen/open311/list-service-requests.ts';
import { loadRequest } from '../src/modules/citizen/requests/context.ts';
import { findNearbyRequests } from '../src/modules/citizen/requests/find-nearby-requests.ts';
import { publicPosition } from '../src/modules/citizen/requests/grid.ts';
import { listStaffRequests } from '../src/modules/citizen/requests/list-staff-requests.ts';
import { listPublicMap } from '../src/modules/citizen/requests/public-map.ts';
import { requestCategories, serviceRequests } from '../src/modules/citizen/requests/schema.ts';
import { submitRequest } from '../src/modules/citizen/requests/submit-request.ts';
import { arg, percentile, report } from './support.ts';

const REQUESTS = arg('requests', 20_000);
const ROUNDS = arg('rounds', 300);
const CENTRE = { lat: 46.0226, lon: -73.4417 };
const PHASES = ['submitted', 'acknowledged', 'in_progress', 'resolved', 'closed'] as const;

const ms = (v: number) => `${v.toFixed(2)} ms`.padStart(10);

async function openBenchDatabase(): Promise<{ handle: DatabaseHandle; drop: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) return { handle: await openPglite(), drop: async () => {} };
  const name = `civique_bench_${process.pid}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    handle: openPostgres(target.toString(), { max: 4 }),
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

// A seeded generator, so both databases see the same requests.
let seed = 42;
const rand = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};

async function seedTown(db: DatabaseHandle['db'], slug: string, prefix: string) {
  const [org] = await db
    .insert(organisations)
    .values({
      slug,
      kind: 'municipality',
      geoCode: String(10000 + Math.floor(rand() * 80000)),
      nameFr: slug,
      nameEn: slug,
      refPrefix: prefix,
      branding: { primaryColor: '#004b87', accentColor: '#f2a900' },
    })
    .returning();
  if (!org) throw new Error('organisation insert failed');
  const categories = await db
    .insert(requestCategories)
    .values(
      ['nid-de-poule', 'lampadaire', 'collecte', 'bruit', 'deneigement', 'signalisation'].map((code, i) => ({
        orgId: org.id,
        code,
        nameFr: code,
        nameEn: code,
        sensitive: code === 'bruit',
        ackDays: 2,
        resolveDays: 10,
        position: i,
      })),
    )
    .returning();
  for (let i = 0; i < REQUESTS; i += 1000) {
    const rows = Array.from({ length: Math.min(1000, REQUESTS - i) }, (_, k) => {
      const n = i + k;
      const category = categories[n % categories.length];
      if (!category) throw new Error('no category');
      const lat = CENTRE.lat + (rand() - 0.5) * 0.06;
      const lon = CENTRE.lon + (rand() - 0.5) * 0.08;
      const shown = publicPosition(lat, lon, { sensitive: category.sensitive, gridMetres: 250 });
      const createdAt = new Date(Date.now() - rand() * 400 * 86_400_000);
      const phase = PHASES[Math.floor(rand() * PHASES.length)] ?? 'submitted';
      return {
        orgId: org.id,
        // Last year's numbers: this year's counter serves the requests filed during the run.
        reference: `${prefix}-2025-${String(n + 1).padStart(6, '0')}`,
        categoryId: category.id,
        status: phase,
        phase,
        description: 'Banc d’essai',
        latitude: lat,
        longitude: lon,
        publicLatitude: shown.lat,
        publicLongitude: shown.lon,
        confirmedAt: createdAt,
        createdAt,
        updatedAt: createdAt,
        ackDueAt: new Date(createdAt.getTime() + 2 * 86_400_000),
        resolveDueAt: new Date(createdAt.getTime() + 14 * 86_400_000),
      };
    });
    await db.insert(serviceRequests).values(rows);
  }
  return { org, categories };
}

const { handle, drop } = await openBenchDatabase();
const jobs = new JobQueue(handle, { background: false });
try {
  const db = handle.db;
  console.log(
    `Database: ${handle.kind === 'pglite' ? 'PGlite (in memory)' : 'PostgreSQL'}; Node ${process.version}`,
  );
  await runMigrations(handle);
  defineJobs({ config: loadConfig({ NODE_ENV: 'test' }), database: handle, jobs });
  let started = performance.now();
  const { org, categories } = await seedTown(db, 'banc-essai', 'BNC');
  await seedTown(db, 'voisine', 'VOI');
  await db.execute(sql`ANALYZE service_requests`);
  console.log(
    `Loaded ${2 * REQUESTS} requests in two towns in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  const [person] = await db
    .insert(accounts)
    .values({ email: 'banc@example.test', givenName: 'Banc', familyName: 'Essai' })
    .returning();
  if (!person) throw new Error('account insert failed');
  await db.insert(memberships).values({ orgId: org.id, accountId: person.id, role: 'requests' });
  const auth: AuthContext = {
    sessionId: 'bench',
    account: {
      id: person.id,
      email: person.email,
      givenName: 'Banc',
      familyName: 'Essai',
      locale: 'fr',
      isInstallationAdmin: false,
      totpEnabled: false,
      emailVerified: true,
    },
    memberships: [{ orgId: org.id, role: 'requests' }],
    mfa: false,
  };
  const ids = (
    await db
      .select({ id: serviceRequests.id })
      .from(serviceRequests)
      .where(inOrg(serviceRequests, org.id))
      .limit(5000)
  ).map((r) => r.id);
  const pothole = categories[0];
  if (!pothole) throw new Error('no category');
  const point = () => ({ lat: CENTRE.lat + (rand() - 0.5) * 0.05, lon: CENTRE.lon + (rand() - 0.5) * 0.07 });
  const townBox = {
    west: CENTRE.lon - 0.05,
    south: CENTRE.lat - 0.04,
    east: CENTRE.lon + 0.05,
    north: CENTRE.lat + 0.04,
  };

  const paths: Record<string, () => Promise<unknown>> = {
    'nearby (same category)': () =>
      findNearbyRequests({ db, orgId: org.id, input: { categoryId: pothole.id, ...point() } }),
    'public map (whole town)': () => listPublicMap({ db, orgId: org.id, input: { bbox: townBox } }),
    'staff queue, page 1': () =>
      listStaffRequests({
        db,
        auth,
        orgId: org.id,
        filters: { sort: 'due' },
        query: { page: 1, perPage: 50 },
      }),
    'staff queue, overdue': () =>
      listStaffRequests({
        db,
        auth,
        orgId: org.id,
        filters: { overdue: true },
        query: { page: 1, perPage: 50 },
      }),
    'Open311 GET requests': () =>
      listServiceRequests({ db, locale: 'fr', query: { jurisdiction_id: 'banc-essai' } }),
    'submit a request': () =>
      submitRequest({
        db,
        jobs,
        auth,
        orgId: org.id,
        locale: 'fr',
        input: { categoryId: pothole.id, description: 'Banc d’essai', location: point() },
      }),
  };
  const baselineRead = () => loadRequest(db, org.id, ids[Math.floor(rand() * ids.length)] ?? '');
  // Warm caches and JIT on every path first.
  for (let i = 0; i < 20; i++) {
    await baselineRead();
    for (const run of Object.values(paths)) await run();
  }
  const times = new Map<string, number[]>(Object.keys(paths).map((k) => [k, []]));
  const baseline: number[] = [];
  started = performance.now();
  for (let i = 0; i < ROUNDS; i++) {
    // Interleaved, so every path sees the same machine state.
    for (const [name, run] of Object.entries(paths)) {
      const t = performance.now();
      await run();
      times.get(name)?.push(performance.now() - t);
    }
    const t = performance.now();
    await baselineRead();
    baseline.push(performance.now() - t);
  }
  console.log(
    `\n${ROUNDS} rounds of every path, interleaved, in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  );
  const b = [50, 95, 99].map((p) => percentile(baseline, p));
  console.log('                               p50        p95        p99     ×p50    ×p95    ×p99');
  for (const [name, xs] of times) {
    const s = [50, 95, 99].map((p) => percentile(xs, p));
    console.log(
      `${name.padEnd(26)}${s.map(ms).join(' ')} ${s.map((v, i) => `${(v / (b[i] ?? 1)).toFixed(1)}×`.padStart(7)).join(' ')}`,
    );
  }
  console.log(`${'baseline (read by key)'.padEnd(26)}${b.map(ms).join(' ')}`);
  console.log('\n×: time divided by the baseline percentile of the same run.');
  report(
    'requests',
    [...times].map(([name, xs]) => ({
      label: `${name}, p95 (${REQUESTS} requests stored)`,
      value: percentile(xs, 95),
      unit: 'ms',
      baseline: { label: 'read by key, p95', value: b[1] ?? Number.NaN },
    })),
  );
} finally {
  await jobs.stop();
  await handle.close();
  await drop();
}
