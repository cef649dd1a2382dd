// Operations benchmark: ingests 1,000,000 readings through the telemetry HTTP API (batches of 5,000, one
// device token per station, rollups maintained in the same statements), then builds the monthly report
// (data, PDF and XLSX) of 50 stations. Prints the ingest rate, peak memory and report time.
// Baselines measured in the same run: the ingest against a bare INSERT of the same rows into a table with
// no key, no rollups and no HTTP; the report's aggregates from the rollups against the same aggregates
// computed from the raw readings.
// Usage: node bench/ops.ts [--readings 1000000] [--stations 50]
// PGlite (on disk, in a temporary folder) by default; with DATABASE_URL, a fresh database created (and
// dropped) on that server.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { hashDeviceToken } from '../src/modules/operations/data/devices.ts';
import { upsertStation } from '../src/modules/operations/data/save-station.ts';
import { opsDevices } from '../src/modules/operations/data/schema.ts';
import { renderReportPdf, renderReportXlsx } from '../src/modules/operations/reports/render-report.ts';
import { buildReportData, monthRange } from '../src/modules/operations/reports/report-data.ts';
import { type DatabaseHandle, openPglite, openPostgres, rowsOf } from '../src/platform/db/client.ts';
import { runMigrations } from '../src/platform/db/migrate.ts';
import { scopeOf } from '../src/platform/db/tenancy.ts';
import { JobQueue } from '../src/platform/jobs/queue.ts';
import { organisations } from '../src/platform/orgs/schema.ts';
import '../src/features.ts';
import { arg, report } from './support.ts';

const MB = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const READINGS = arg('readings', 1_000_000);
const STATIONS = arg('stations', 50);
const BATCH = 5000;
const PERIOD = '2026-03-01';

const work = mkdtempSync(join(tmpdir(), 'civique-bench-ops-'));
const url = process.env.DATABASE_URL;
const dbName = `civique_bench_ops_${process.pid}_${randomBytes(3).toString('hex')}`;
let admin: pg.Client | undefined;
let handle: DatabaseHandle;
if (url) {
  admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const target = new URL(url);
  target.pathname = `/${dbName}`;
  handle = openPostgres(target.toString(), { max: 10 });
} else {
  handle = await openPglite({ dataDir: join(work, 'pglite') });
}

// Peak memory: the process's resident set, sampled, and the kernel's own high-water mark.
let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 50);

try {
  console.log(
    `Database: ${url ? 'PostgreSQL' : 'PGlite (on disk)'}; Node ${process.version}; ${READINGS} readings, ${STATIONS} stations`,
  );
  await runMigrations(handle);
  const db = handle.db;
  const [org] = await db
    .insert(organisations)
    .values({
      slug: 'riviere-du-loup',
      kind: 'municipality',
      geoCode: '12072',
      nameFr: 'Rivière-du-Loup',
      nameEn: 'Rivière-du-Loup',
      refPrefix: 'RDL',
      branding: { primaryColor: '#004b87', accentColor: '#00a3e0' },
    })
    .returning();
  if (!org) throw new Error('organisation insert failed');
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: work, RATE_LIMIT_MAX: '1000000' });
  const jobs = new JobQueue(handle, { background: false });
  const app = await buildApp({ config, database: handle, jobs });
  await app.ready();

  // 50 stations, two measures each (flow and temperature: no thresholds, so no alarm traffic), one token each.
  const stations: Array<{ id: string; token: string }> = [];
  for (let s = 0; s < STATIONS; s++) {
    const id = await upsertStation(db, org.id, {
      code: `ST-${String(s + 1).padStart(3, '0')}`,
      nameFr: `Station ${s + 1}`,
      nameEn: `Station ${s + 1}`,
      kind: 'well',
      measures: [{ code: 'flow' }, { code: 'temperature' }],
    });
    const token = `opsdev_${randomBytes(32).toString('base64url')}`;
    await db.insert(opsDevices).values(
      scopeOf(org.id).rows({
        stationId: id,
        name: 'bench',
        tokenHash: hashDeviceToken(token),
        tokenPrefix: token.slice(0, 13),
      }),
    );
    stations.push({ id, token });
  }
  // Readings spread evenly over March 2026 for every station and measure.
  const perSeries = Math.ceil(READINGS / (STATIONS * 2));
  const { from, to } = monthRange(PERIOD);
  const step = Math.floor((to.getTime() - from.getTime()) / perSeries);
  const batchesOf = function* (station: number) {
    let batch: Array<{ measure: string; observedAt: string; value: number }> = [];
    for (let i = 0; i < perSeries; i++) {
      const at = new Date(from.getTime() + i * step).toISOString();
      batch.push({ measure: 'flow', observedAt: at, value: 200 + ((i * 7 + station) % 100) });
      batch.push({ measure: 'temperature', observedAt: at, value: 5 + ((i + station) % 30) / 10 });
      if (batch.length >= BATCH) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length) yield batch;
  };

  // Baseline: the same number of rows, bare INSERTs of the same JSON batches into a table with no key.
  await db.execute(
    sql`CREATE TABLE bench_bare (measure_id uuid, direction text, observed_at timestamptz, value float8)`,
  );
  const baselineRows = Math.min(READINGS, 200_000);
  let done = 0;
  let started = performance.now();
  const someMeasure = rowsOf<{ id: string }>(await db.execute(sql`SELECT id FROM ops_measures LIMIT 1`))[0]
    ?.id;
  outer: for (let s = 0; s < STATIONS; s++)
    for (const batch of batchesOf(s)) {
      const json = JSON.stringify(batch.map((r) => ({ m: someMeasure, d: '', t: r.observedAt, v: r.value })));
      await db.execute(
        sql`INSERT INTO bench_bare SELECT m, d, t, v FROM json_to_recordset(${json}::json) AS i(m uuid, d text, t timestamptz, v float8)`,
      );
      done += batch.length;
      if (done >= baselineRows) break outer;
    }
  const bareRate = done / ((performance.now() - started) / 1000);
  await db.execute(sql`DROP TABLE bench_bare`);

  // The product: every batch through POST /api/orgs/:org/operations/telemetry with its device's token.
  const rssBefore = process.memoryUsage().rss;
  started = performance.now();
  let accepted = 0;
  let requests = 0;
  for (let s = 0; s < STATIONS; s++)
    for (const batch of batchesOf(s)) {
      const res = await app.inject({
        method: 'POST',
        url: `/api/orgs/${org.id}/operations/telemetry`,
        headers: { authorization: `Bearer ${stations[s]?.token}` },
        payload: { readings: batch },
      });
      if (res.statusCode !== 200) throw new Error(`telemetry ${res.statusCode}: ${res.body.slice(0, 200)}`);
      accepted += (res.json() as { accepted: number }).accepted;
      requests++;
    }
  const ingestSeconds = (performance.now() - started) / 1000;
  const ingestRate = accepted / ingestSeconds;
  // Resending one batch changes nothing (the unique key).
  const again = await app.inject({
    method: 'POST',
    url: `/api/orgs/${org.id}/operations/telemetry`,
    headers: { authorization: `Bearer ${stations[0]?.token}` },
    payload: { readings: batchesOf(0).next().value ?? [] },
  });
  const duplicates = (again.json() as { duplicates: number }).duplicates;

  // Statistics as autovacuum would have them on a live database after a million inserts.
  await db.execute(sql`ANALYZE ops_readings`);
  await db.execute(sql`ANALYZE ops_rollups`);

  // Report baseline: the month's daily aggregates of every series straight from the raw readings.
  started = performance.now();
  const raw = rowsOf<{ n: number }>(
    await db.execute(sql`
      SELECT count(*)::int AS n FROM (
        SELECT measure_id, date_trunc('day', observed_at, 'America/Toronto') AS d, count(*), sum(value), min(value), max(value)
        FROM ops_readings WHERE org_id = ${org.id}::uuid AND observed_at >= ${from.toISOString()}::timestamptz AND observed_at < ${to.toISOString()}::timestamptz
        GROUP BY 1, 2) x`),
  );
  const rawMs = performance.now() - started;

  // The product's monthly report of the 50 stations: data from the rollups, then PDF and XLSX.
  started = performance.now();
  const data = await buildReportData(
    db,
    org.id,
    {
      titleFr: 'Rapport mensuel',
      titleEn: 'Monthly report',
      content: { stationIds: [], measureCodes: [], sections: ['summary', 'chart'], introFr: '', introEn: '' },
    },
    PERIOD,
  );
  const dataMs = performance.now() - started;
  const pdf = await renderReportPdf(data, 'Rivière-du-Loup');
  const xlsx = await renderReportXlsx(data);
  const reportMs = performance.now() - started;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const maxRss = process.resourceUsage().maxRSS * 1024;

  console.log('\nIngest (HTTP telemetry API, batches of 5,000)');
  console.log(`  readings accepted     ${accepted} in ${requests} requests, ${ingestSeconds.toFixed(1)} s`);
  console.log(`  ingest rate           ${Math.round(ingestRate)} readings/s`);
  console.log(
    `  baseline bare INSERT  ${Math.round(bareRate)} rows/s (no key, no rollups, no HTTP; ${done} rows)`,
  );
  console.log(`  ratio product/bare    ${(ingestRate / bareRate).toFixed(2)}`);
  console.log(`  resent batch          ${duplicates} duplicates ignored`);
  console.log('\nMonthly report (50 stations, 100 series)');
  console.log(`  data from rollups     ${dataMs.toFixed(0)} ms`);
  console.log(
    `  baseline from raw     ${rawMs.toFixed(0)} ms (${raw[0]?.n} daily aggregates from ${accepted} readings)`,
  );
  console.log(`  ratio rollups/raw     ${(dataMs / rawMs).toFixed(2)}`);
  console.log(
    `  whole report          ${reportMs.toFixed(0)} ms (PDF ${MB(pdf.length)}, ${pdf.length} bytes; XLSX ${xlsx.length} bytes)`,
  );
  console.log('\nMemory');
  console.log(`  RSS before ingest     ${MB(rssBefore)}`);
  console.log(`  peak RSS (sampled)    ${MB(peakRss)}`);
  console.log(`  peak RSS (kernel)     ${MB(maxRss)}`);
  report('ops', [
    {
      label: `ingest of ${accepted} readings through the API`,
      value: ingestRate,
      unit: 'readings/s',
      baseline: { label: 'bare INSERT, rows/s', value: bareRate },
    },
    {
      label: `monthly report data, ${STATIONS} stations`,
      value: dataMs,
      unit: 'ms',
      baseline: { label: 'same aggregates from raw readings', value: rawMs },
    },
    { label: 'whole monthly report (data, PDF, XLSX)', value: reportMs, unit: 'ms' },
    { label: 'peak memory (kernel maxRSS)', value: maxRss / 1024 / 1024, unit: 'MB' },
  ]);
  await app.close();
  await jobs.stop();
} finally {
  clearInterval(sampler);
  await handle.close();
  if (admin) {
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => {});
    await admin.end();
  }
  rmSync(work, { recursive: true, force: true });
}
