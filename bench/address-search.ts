// Address search over 50,000 addresses: latency percentiles of searches people actually type (typos, no
// accents, short forms), against a baseline measured in the same run on the same table: a plain indexed
// equality lookup of one address by its key. Also how often the intended address comes first.
// Usage: node bench/address-search.ts [--addresses 50000] [--searches 3000]
// PGlite in memory by default; with DATABASE_URL, a fresh database created (and dropped) on that server.
import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { type DatabaseHandle, openPglite, openPostgres, rowsOf } from '../src/platform/db/client.ts';
import { runMigrations } from '../src/platform/db/migrate.ts';
import { inOrg } from '../src/platform/db/tenancy.ts';
import type { AddressInput } from '../src/platform/geo/address-fields.ts';
import { addressColumns } from '../src/platform/geo/address-view.ts';
import { addresses } from '../src/platform/geo/schema.ts';
import { searchAddresses } from '../src/platform/geo/search-addresses.ts';
import { upsertAddresses } from '../src/platform/geo/upsert-addresses.ts';
import { organisations } from '../src/platform/orgs/schema.ts';
import { pick, queryFor, register, type Variant } from './address-data.ts';
import { arg, percentile, report } from './support.ts';

const ADDRESSES = arg('addresses', 50_000);
const SEARCHES = arg('searches', 3000);

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
    handle: openPostgres(target.toString(), { max: 2 }),
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

const { handle, drop } = await openBenchDatabase();
try {
  const db = handle.db;
  console.log(
    `Database: ${handle.kind === 'pglite' ? 'PGlite (in memory)' : 'PostgreSQL'}; Node ${process.version}`,
  );
  await runMigrations(handle);
  const [org] = await db
    .insert(organisations)
    .values({
      slug: 'banc-essai',
      kind: 'municipality',
      geoCode: '61025',
      nameFr: 'Banc d’essai',
      nameEn: 'Test bench',
      refPrefix: 'BNC',
      branding: { primaryColor: '#004b87', accentColor: '#f2a900' },
    })
    .returning();
  if (!org) throw new Error('organisation insert failed');
  const orgId = org.id;

  const rows = register(ADDRESSES);
  let started = performance.now();
  for (let i = 0; i < rows.length; i += 1000)
    await upsertAddresses({ db, orgId, rows: rows.slice(i, i + 1000), source: 'bench' });
  await db.execute(sql`ANALYZE addresses`);
  await db.execute(sql`ANALYZE address_streets`);
  const loadMs = performance.now() - started;
  const stored = await db
    .select({
      id: addresses.id,
      key: addresses.addressKey,
      civic: addresses.civicNumber,
      suffix: addresses.civicSuffix,
      type: addresses.streetType,
      name: addresses.streetName,
      unit: addresses.unit,
      town: addresses.municipality,
    })
    .from(addresses)
    .where(eq(addresses.orgId, orgId));
  const count = rowsOf<{ n: number }>(await db.execute(sql`SELECT count(*)::int AS n FROM addresses`))[0]?.n;
  console.log(
    `Loaded ${count} addresses on ${new Set(rows.map((r) => `${r.streetType} ${r.streetName} ${r.municipality}`)).size} streets in ${(loadMs / 1000).toFixed(1)} s`,
  );

  const variants: Variant[] = ['exact', 'no-accents', 'short-forms', 'typo', 'street-only'];
  const plan = Array.from({ length: SEARCHES }, (_, i) => {
    const target = pick(stored);
    const variant = variants[i % variants.length] as Variant;
    const input: AddressInput = {
      civicNumber: target.civic,
      civicSuffix: target.suffix,
      streetType: target.type,
      streetName: target.name,
      unit: target.unit,
      municipality: target.town,
      postalCode: null,
      latitude: null,
      longitude: null,
    };
    return { target, variant, q: queryFor(input, variant) };
  });

  const baselineLookup = (key: string) =>
    db
      .select(addressColumns)
      .from(addresses)
      .where(inOrg(addresses, orgId, eq(addresses.addressKey, key)));
  // Warm caches and JIT on both paths before measuring.
  for (const { q, target } of plan.slice(0, 200)) {
    await searchAddresses({ db, orgId, input: { q, limit: 10 } });
    await baselineLookup(target.key);
  }

  const times = new Map<Variant | 'all', number[]>([['all', []]]);
  const baseline: number[] = [];
  const hits = new Map<Variant, { first: number; top10: number; n: number }>();
  started = performance.now();
  for (const { q, target, variant } of plan) {
    // Interleaved, so both paths see the same machine state.
    let t = performance.now();
    const found = await searchAddresses({ db, orgId, input: { q, limit: 10 } });
    const elapsed = performance.now() - t;
    t = performance.now();
    const [row] = await baselineLookup(target.key);
    baseline.push(performance.now() - t);
    if (row?.id !== target.id) throw new Error('baseline lookup missed');
    times.get('all')?.push(elapsed);
    times.set(variant, [...(times.get(variant) ?? []), elapsed]);
    const h = hits.get(variant) ?? { first: 0, top10: 0, n: 0 };
    h.n++;
    // A query names neither unit nor municipality: the right civic number on the right street is the
    // right answer (and the right street, for street-only queries).
    const same = (f: (typeof found)[number]) =>
      f.streetName === target.name &&
      f.streetType === target.type &&
      (variant === 'street-only' || (f.civicNumber === target.civic && f.civicSuffix === target.suffix));
    if (found[0] && same(found[0])) h.first++;
    if (found.some(same)) h.top10++;
    hits.set(variant, h);
  }
  const wallS = (performance.now() - started) / 1000;

  const b = [50, 95, 99].map((p) => percentile(baseline, p));
  console.log(
    `\n${SEARCHES} searches (limit 10) and ${SEARCHES} baseline lookups, interleaved, in ${wallS.toFixed(1)} s\n`,
  );
  console.log('                     p50        p95        p99     ×p50    ×p95    ×p99   first   top10');
  for (const [name, xs] of times) {
    const s = [50, 95, 99].map((p) => percentile(xs, p));
    const h = name === 'all' ? undefined : hits.get(name);
    const rate = (k: 'first' | 'top10') =>
      h ? `${((100 * h[k]) / h.n).toFixed(1)} %`.padStart(8) : '        ';
    console.log(
      `search ${name.padEnd(12)}${s.map(ms).join(' ')} ${s.map((v, i) => `${(v / (b[i] ?? 1)).toFixed(1)}×`.padStart(7)).join(' ')}${rate('first')}${rate('top10')}`,
    );
  }
  console.log(`baseline (key =)   ${b.map(ms).join(' ')}`);
  console.log('\n×: search time divided by the baseline percentile of the same run.');
  const all = times.get('all') ?? [];
  report('address', [
    {
      label: `address search p95 (${ADDRESSES} addresses)`,
      value: percentile(all, 95),
      unit: 'ms',
      baseline: { label: 'lookup by key p95', value: b[1] ?? Number.NaN },
    },
  ]);
} finally {
  await handle.close();
  await drop();
}
