// Assessment roll benchmark: generates a roll in the MAMH XML format (150,000 units by default), imports it
// through the product's importer in a child process whose peak memory is sampled, then runs address
// type-ahead searches at 50 concurrent users through the HTTP API of a real server (`serve`, in its own
// process, as in production). Baselines measured in the same run: the import against merely parsing the same
// file, the search against the cheapest call of the same API (the list of loaded rolls) at the same
// concurrency.
// Two loads: 50 people typing (a keystroke every 200 ms each, a request per keystroke as the web app sends, an
// open loop timed from each keystroke), which is what the target is about; and saturation, 50 clients sending
// back to back with no pause, which shows the server's ceiling on this machine.
// Usage: node bench/roll.ts [--units 150000] [--users 50] [--searches 6000] [--typing-seconds 20]
//   [--key-ms 200] [--pause-ms 1500]
// PGlite (on disk, in a temporary folder) by default; with DATABASE_URL, a fresh database created (and
// dropped) on that server. Targets: import ≤ 60 s under 512 MB, type-ahead p95 ≤ 25 ms on PostgreSQL.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { generatedRollStream } from '../src/modules/portal/roll/demo-roll.ts';
import { toRollUnit } from '../src/modules/portal/roll/mamh-format.ts';
import { readRoll } from '../src/modules/portal/roll/read-roll.ts';
import { type DatabaseHandle, openPglite, openPostgres, rowsOf } from '../src/platform/db/client.ts';
import { runMigrations } from '../src/platform/db/migrate.ts';
import { organisations } from '../src/platform/orgs/schema.ts';
import '../src/features.ts';
import { freePort, startServerProcess, stopServerProcess } from './rush-support.ts';
import { arg, percentile, report } from './support.ts';

const ms = (v: number) => `${v.toFixed(2)} ms`.padStart(11);
const MB = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const MUNICIPALITY = '12072';

async function openFrom(env: { url?: string; dir?: string }): Promise<DatabaseHandle> {
  if (env.url) return openPostgres(env.url, { max: 10 });
  return openPglite({ dataDir: env.dir });
}

const UNITS = arg('units', 150_000);
const USERS = arg('users', 50);
const SEARCHES = arg('searches', 6000);
const TYPING_SECONDS = arg('typing-seconds', 20);
const KEY_MS = arg('key-ms', 200);
const PAUSE_MS = arg('pause-ms', 1500);
const work = mkdtempSync(join(tmpdir(), 'civique-bench-roll-'));
const file = join(work, `RL${MUNICIPALITY}_2026.xml`);
const url = process.env.DATABASE_URL;
const dbName = `civique_bench_roll_${process.pid}_${randomBytes(3).toString('hex')}`;
let benchUrl: string | undefined;
let admin: pg.Client | undefined;
if (url) {
  admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const target = new URL(url);
  target.pathname = `/${dbName}`;
  benchUrl = target.toString();
}
const pgliteDir = join(work, 'pglite');

try {
  console.log(
    `Database: ${url ? 'PostgreSQL' : 'PGlite (on disk)'}; Node ${process.version}; ${UNITS} units, ${USERS} users`,
  );
  let started = performance.now();
  await pipeline(
    generatedRollStream({ municipality: MUNICIPALITY, year: 2026, units: UNITS }),
    createWriteStream(file),
  );
  console.log(
    `Generated ${file.split('/').pop()}: ${MB(statSync(file).size)} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  // Baseline: parse and convert every unit of the same file, writing nothing.
  started = performance.now();
  let parsed = 0;
  for await (const item of readRoll(createReadStream(file, { highWaterMark: 256 * 1024 }))) {
    if (item.kind === 'unit' && 'unit' in toRollUnit(item.unit)) parsed++;
  }
  const parseMs = performance.now() - started;

  let handle = await openFrom({ url: benchUrl, dir: pgliteDir });
  await runMigrations(handle);
  const [org] = await handle.db
    .insert(organisations)
    .values({
      slug: 'riviere-du-loup',
      kind: 'municipality',
      geoCode: MUNICIPALITY,
      nameFr: 'Rivière-du-Loup',
      nameEn: 'Rivière-du-Loup',
      refPrefix: 'RDL',
      branding: { primaryColor: '#004b87', accentColor: '#00a3e0' },
    })
    .returning();
  if (!org) throw new Error('organisation insert failed');
  // PGlite keeps one process per data folder: the child opens it alone.
  if (!benchUrl) await handle.close();

  const child = spawn(
    process.execPath,
    [fileURLToPath(new URL('./roll-import-child.ts', import.meta.url)), file],
    {
      env: {
        ...process.env,
        BENCH_ORG_ID: org.id,
        BENCH_DB_URL: benchUrl ?? '',
        BENCH_PGLITE_DIR: pgliteDir,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`import child exited with ${code}`);
  const result = JSON.parse(out.trim().split('\n').pop() ?? '{}') as {
    elapsed: number;
    peak: number;
    atStart: number;
    summary: { status: string; unitsRead: number; unitsImported: number; unitsRejected: number };
  };
  console.log('\nImport');
  console.log(
    `  units read / imported / rejected: ${result.summary.unitsRead} / ${result.summary.unitsImported} / ${result.summary.unitsRejected} (${result.summary.status})`,
  );
  console.log(
    `  import time:          ${(result.elapsed / 1000).toFixed(1)} s  (${Math.round(UNITS / (result.elapsed / 1000))} units/s)  target ≤ 60 s`,
  );
  console.log(
    `  peak memory (RSS):    ${MB(result.peak)}  target < 512 MB  (${MB(result.atStart)} before the first unit)`,
  );
  console.log(
    `  baseline, parse only: ${(parseMs / 1000).toFixed(1)} s for ${parsed} units  → import/parse ratio ${(result.elapsed / parseMs).toFixed(1)}×`,
  );

  if (!benchUrl) handle = await openFrom({ dir: pgliteDir });
  const sample = rowsOf<{ address: string }>(
    await handle.db.execute(
      sql`SELECT address_label AS address FROM roll_units WHERE org_id = ${org.id} AND address_label IS NOT NULL ORDER BY random() LIMIT 500`,
    ),
  ).map((r) => r.address);
  // The server runs as in production, `serve` in its own process (PGlite opens its folder alone there), and
  // the users are this process: their requests cost the server nothing but the requests themselves.
  await handle.close();
  const port = await freePort();
  const server = await startServerProcess({
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: work,
    RATE_LIMIT_MAX: '100000000',
    ...(benchUrl ? { DATABASE_URL: benchUrl } : {}),
  });
  const base = `http://127.0.0.1:${port}`;

  // What people type, keystroke after keystroke: "1", "12", "12 r", … "12, rue Lafontaine" without accents.
  const typed = (address: string): string[] => {
    const plain = address.replace(',', '').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    const steps: string[] = [];
    for (let n = 2; n <= plain.length; n += 3) steps.push(plain.slice(0, n));
    steps.push(plain);
    return steps;
  };
  const run = async (path: (i: number) => string, total: number): Promise<number[]> => {
    const latencies: number[] = [];
    let next = 0;
    const failures = new Map<number, number>();
    const user = async () => {
      for (let i = next++; i < total; i = next++) {
        const t = performance.now();
        const response = await fetch(`${base}${path(i)}`);
        const body = response.ok ? await response.arrayBuffer() : undefined;
        // A refused request (503 when the server sheds load) is counted apart, not as a fast answer.
        if (body !== undefined) latencies.push(performance.now() - t);
        if (body === undefined) {
          failures.set(response.status, (failures.get(response.status) ?? 0) + 1);
          const text = await response.text();
          if (process.env.BENCH_DEBUG) console.log(response.status, text.slice(0, 200));
        }
      }
    };
    await Promise.all(Array.from({ length: USERS }, user));
    if (failures.size)
      console.log(`  failed requests by status: ${JSON.stringify(Object.fromEntries(failures))}`);
    return latencies;
  };
  // People typing (the load 50 people put on the server): each types addresses one keystroke every KEY_MS,
  // and the page asks at each keystroke from the second character on, as the web app does (no debounce); then
  // the person reads the results for PAUSE_MS. Open loop: a keystroke's request leaves at its time whether or
  // not the previous answer has come, and its latency counts from that time, so a slow server cannot hide its
  // queue (no coordinated omission).
  const typing = async (path: (q: string) => string): Promise<{ latencies: number[]; rate: number }> => {
    const latencies: number[] = [];
    const pending: Promise<void>[] = [];
    let failed = 0;
    const start = performance.now() + 200;
    const person = async (u: number) => {
      let at = start + Math.random() * KEY_MS;
      for (let a = u; at - start < TYPING_SECONDS * 1000; a += USERS) {
        const plain = (sample[a % sample.length] ?? '1 rue').replace(',', '').toLowerCase();
        for (let n = 2; n <= plain.length && at - start < TYPING_SECONDS * 1000; n++) {
          const wait = at - performance.now();
          if (wait > 0) await new Promise((w) => setTimeout(w, wait));
          const sentAt = at;
          pending.push(
            fetch(`${base}${path(plain.slice(0, n))}`).then(async (response) => {
              await response.arrayBuffer();
              if (response.ok) latencies.push(performance.now() - sentAt);
              else failed++;
            }),
          );
          at += KEY_MS;
        }
        at += PAUSE_MS;
      }
    };
    await Promise.all(Array.from({ length: USERS }, (_, u) => person(u)));
    await Promise.all(pending);
    if (failed) console.log(`  failed requests while typing: ${failed}`);
    return { latencies, rate: pending.length / TYPING_SECONDS };
  };
  const queries = sample.flatMap(typed);
  const searchPath = (i: number) =>
    `/api/orgs/${org.id}/portal/roll/search?limit=8&q=${encodeURIComponent(queries[i % queries.length] ?? '1')}`;
  await run(searchPath, Math.min(500, SEARCHES)); // warm-up
  const baseline = await run(() => `/api/orgs/${org.id}/portal/roll/years`, SEARCHES);
  const search = await run(searchPath, SEARCHES);
  const typedBaseline = await typing(() => `/api/orgs/${org.id}/portal/roll/years`);
  const typedSearch = await typing(
    (q) => `/api/orgs/${org.id}/portal/roll/search?limit=20&q=${encodeURIComponent(q)}`,
  );
  const table = (title: string, searched: number[], cheapest: number[]) => {
    console.log(`\n${title}`);
    console.log('                          p50        p95        p99');
    for (const [label, xs] of [
      ['roll search', searched],
      ['baseline (years)', cheapest],
    ] as const)
      console.log(
        `  ${label.padEnd(20)}${ms(percentile(xs, 50))}${ms(percentile(xs, 95))}${ms(percentile(xs, 99))}`,
      );
    console.log(
      `  ratio search/baseline at p95: ${(percentile(searched, 95) / percentile(cheapest, 95)).toFixed(2)}×  (target p95 ≤ 25 ms on PostgreSQL)`,
    );
  };
  table(
    `Type-ahead over HTTP, ${USERS} people typing for ${TYPING_SECONDS} s (a keystroke every ${KEY_MS} ms, a request per keystroke, ${PAUSE_MS} ms reading between addresses): ${typedSearch.rate.toFixed(0)} requests/s`,
    typedSearch.latencies,
    typedBaseline.latencies,
  );
  table(
    `Type-ahead over HTTP, saturation: ${USERS} clients sending back to back (no pause at all), ${SEARCHES} requests in all`,
    search,
    baseline,
  );
  report('roll', [
    {
      label: `import of ${UNITS} units`,
      value: result.elapsed / 1000,
      unit: 's',
      baseline: { label: 'parsing the same file alone', value: parseMs / 1000 },
      target: '≤ 60 s',
    },
    { label: 'import peak memory (RSS)', value: result.peak / 1024 / 1024, unit: 'MB', target: '< 512 MB' },
    {
      label: `address type-ahead p95, ${USERS} people typing (${typedSearch.rate.toFixed(0)} requests/s)`,
      value: percentile(typedSearch.latencies, 95),
      unit: 'ms',
      baseline: {
        label: 'cheapest call of the same API at the same pace, p95',
        value: percentile(typedBaseline.latencies, 95),
      },
      target: 'p95 ≤ 25 ms on PostgreSQL',
    },
    {
      label: `address type-ahead p95, saturation: ${USERS} clients back to back`,
      value: percentile(search, 95),
      unit: 'ms',
      baseline: { label: 'cheapest call of the same API, p95', value: percentile(baseline, 95) },
      target: 'p95 ≤ 25 ms on PostgreSQL',
    },
  ]);
  await stopServerProcess(server);
} finally {
  if (admin) {
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => {});
    await admin.end();
  }
  rmSync(work, { recursive: true, force: true });
}
