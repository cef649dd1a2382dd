// Opening-day rush: N registrants (distinct accounts, default 5,000) race for M places (default 500)
// across a few activities, against a real server over HTTP, on PGlite (default) or PostgreSQL
// (DATABASE_URL). Prints registrations/s, p50/p95/p99 latency, places taken vs capacity (overbooking must
// be 0), acknowledged registrations missing after the run (must be 0), waitlist order vs arrival order,
// and the ratio of end-to-end throughput to the raw rate at which the same database takes places with the
// same statement, measured in the same run. Setup (accounts, sessions) is written to the database directly
// and is not timed. Usage:
//   node bench/rush.ts [--registrants 5000] [--places 500] [--activities 5] [--concurrency 2000]
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/civique_rush node bench/rush.ts
//   --waiting-room 3000   each registrant first takes a place in the opening-day queue (3,000 admissions a
//                         minute), waits for its turn, then registers; latencies are then those of the
//                         registration itself, and the time spent in the queue is reported apart.
//   --opens-in 45         with the waiting room: registration opens 45 s after the setup (default), so that
//                         registrants queue before the opening as they do on a real opening day; the
//                         registrations/s are then counted from the opening.
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { inArray, sql } from 'drizzle-orm';
import { Agent, fetch as undiciFetch } from 'undici';
import { activities } from '../src/modules/citizen/activities/schema.ts';
import { takePlacesStatement } from '../src/modules/citizen/registrations/places.ts';
import { HOLDS_PLACE, registrations } from '../src/modules/citizen/registrations/schema.ts';
import { type DatabaseHandle, openPglite, openPostgres, rowsOf } from '../src/platform/db/client.ts';
import { newId } from '../src/platform/db/ids.ts';
import { runMigrations } from '../src/platform/db/migrate.ts';
import {
  csrfPair,
  databaseBackendsCpuMs,
  freePort,
  processCpuMs,
  registrantHeaders,
  seedRush,
  startServerProcess,
  stopServerProcess,
} from './rush-support.ts';
import { report } from './support.ts';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : Number.NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}
const N = arg('registrants', 5000);
const M = arg('places', 500);
const K = arg('activities', 5);
const C = Math.min(N, arg('concurrency', 2000));
const ROOM = arg('waiting-room', 0);
const OPENS_IN = ROOM ? arg('opens-in', 45) : 0;
const databaseUrl = process.env.DATABASE_URL;
const kind = databaseUrl ? 'PostgreSQL' : 'PGlite';
const dataDir = mkdtempSync(join(tmpdir(), 'civique-rush-'));

const open = async (): Promise<DatabaseHandle> => {
  const handle = databaseUrl
    ? openPostgres(databaseUrl)
    : await openPglite({ dataDir: join(dataDir, 'pglite') });
  await runMigrations(handle);
  return handle;
};
const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
const ms = (x: number) => `${x.toFixed(0)} ms`;

process.stdout.write(
  `Rush on ${kind}: ${N} registrants, ${M} places in ${K} activities, ${C} at once${ROOM ? `, waiting room at ${ROOM}/min` : ''}\n`,
);
let db = await open();
const t0 = performance.now();
const opensAt = performance.now() + OPENS_IN * 1000;
const opensAtWall = Date.now() + OPENS_IN * 1000;
const setup = await seedRush(db.db, {
  count: N,
  places: M,
  activityCount: K,
  waitingRoomPerMinute: ROOM || undefined,
  opensAt: OPENS_IN ? new Date(opensAtWall) : undefined,
});
process.stdout.write(`setup (not timed): ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
if (!databaseUrl) await db.close();

const port = String(await freePort());
const server = await startServerProcess({
  PORT: port,
  HOST: '127.0.0.1',
  DATA_DIR: dataDir,
  RATE_LIMIT_MAX: String(N * 10),
  ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
});
const base = `http://127.0.0.1:${port}`;
const dispatcher = new Agent({
  connections: C,
  pipelining: 1,
  keepAliveTimeout: 60_000,
  headersTimeout: 0,
  bodyTimeout: 0,
});
const csrf = await csrfPair(base);
// A few requests first so that the server's routes and schemas are compiled before the clock starts.
for (let i = 0; i < 5; i++)
  await undiciFetch(`${base}/api/citizen/orgs/${setup.orgId}/catalogue`, { dispatcher });

type Outcome = {
  i: number;
  sentAt: number;
  latency: number;
  status: number;
  retries: number;
  ids: string[];
  states: string[];
  queued: number;
  position: number;
};
const joinLatencies: number[] = [];
const sampleErrors = new Map<number, string>();
const outcomes: Outcome[] = [];
let next = 0;
const databaseName = databaseUrl ? new URL(databaseUrl).pathname.slice(1) : '';
const serverCpuAtStart = processCpuMs(server.pid);
const databaseCpuAtStart = databaseUrl ? databaseBackendsCpuMs(databaseName) : null;
const loadAtStart = loadavg();
const started = performance.now();
const worker = async () => {
  for (;;) {
    const i = next++;
    const r = setup.registrants[i];
    if (!r) return;
    const arrivedAt = performance.now();
    const activityId = setup.activityIds[i % K] as string;
    let retries = 0;
    let ticket: string | undefined;
    let position = 0;
    if (ROOM) {
      // The opening-day queue: one place per registrant, in arrival order, then wait for the turn.
      for (;;) {
        try {
          const res = await undiciFetch(
            `${base}/api/citizen/orgs/${setup.orgId}/seasons/${setup.seasonId}/queue`,
            {
              method: 'POST',
              dispatcher,
              headers: registrantHeaders(r, csrf),
              body: '{}',
            },
          );
          const text = await res.text();
          if (res.status === 503 || res.status === 429) {
            retries++;
            await new Promise((w) => setTimeout(w, 100));
            continue;
          }
          if (res.status !== 200) throw new Error(`join answered ${res.status}: ${text}`);
          const standing = JSON.parse(text) as {
            token: string;
            waitSeconds: number;
            admitAt: string;
            position: number;
          };
          joinLatencies.push(performance.now() - arrivedAt);
          ticket = standing.token;
          position = standing.position;
          const wait = Date.parse(standing.admitAt) - Date.now();
          if (wait > 0) await new Promise((w) => setTimeout(w, wait));
          break;
        } catch (error) {
          // A refusal (not a dropped connection) is a bug of the run, not load: stop loudly.
          if (error instanceof Error && error.message.startsWith('join answered')) throw error;
          retries++;
          await new Promise((w) => setTimeout(w, 100));
        }
      }
    }
    const sentAt = performance.now();
    for (;;) {
      try {
        const res = await undiciFetch(`${base}/api/citizen/orgs/${setup.orgId}/checkout`, {
          method: 'POST',
          dispatcher,
          headers: {
            ...registrantHeaders(r, csrf, `rush-${i}-${r.accountId}`),
            ...(ticket ? { 'x-queue-token': ticket } : {}),
          },
          body: JSON.stringify({ items: [{ activityId, personId: r.personId }], acceptWaitlist: true }),
        });
        const text = await res.text();
        if (res.status !== 201 && !sampleErrors.has(res.status))
          sampleErrors.set(res.status, text.slice(0, 300));
        // Shed by the server (503) or already in progress from a retried request (409 idempotency): retry the same key.
        if (
          (res.status === 503 ||
            res.status === 429 ||
            (res.status === 409 && text.includes('idempotency.in_progress'))) &&
          retries < 50
        ) {
          retries++;
          await new Promise((w) => setTimeout(w, 50 * Math.min(retries, 10)));
          continue;
        }
        const body =
          res.status === 201
            ? (JSON.parse(text) as { registrations: Array<{ id: string; status: string }> })
            : null;
        outcomes.push({
          i,
          sentAt,
          latency: performance.now() - sentAt,
          status: res.status,
          retries,
          ids: body?.registrations.map((x) => x.id) ?? [],
          states: body?.registrations.map((x) => x.status) ?? [],
          queued: sentAt - arrivedAt,
          position,
        });
        break;
      } catch {
        if (retries++ >= 400) {
          outcomes.push({
            i,
            sentAt,
            latency: performance.now() - sentAt,
            status: 0,
            retries,
            ids: [],
            states: [],
            queued: sentAt - arrivedAt,
            position,
          });
          break;
        }
        await new Promise((w) => setTimeout(w, 100));
      }
    }
  }
};
await Promise.all(Array.from({ length: C }, worker));
const elapsed = (performance.now() - started) / 1000;
const loadAtEnd = loadavg();
const serverCpuMs =
  serverCpuAtStart === null ? null : (processCpuMs(server.pid) ?? serverCpuAtStart) - serverCpuAtStart;
const databaseCpuMs =
  databaseCpuAtStart === null ? null : (databaseBackendsCpuMs(databaseName) ?? 0) - databaseCpuAtStart;
await dispatcher.close();
await stopServerProcess(server);

const acknowledged = outcomes.filter((o) => o.status === 201);
const latencies = acknowledged.map((o) => o.latency).sort((a, b) => a - b);
const byStatus = new Map<number, number>();
for (const o of outcomes) byStatus.set(o.status, (byStatus.get(o.status) ?? 0) + 1);
// With a waiting room, registrations start at the opening: the rate is counted from it.
const lastDone = Math.max(...acknowledged.map((o) => o.sentAt + o.latency));
const rate = OPENS_IN
  ? acknowledged.length / ((lastDone - Math.max(started, opensAt)) / 1000)
  : acknowledged.length / elapsed;

if (!databaseUrl) db = await open();
const ackIds = acknowledged.flatMap((o) => o.ids);
let found = 0;
for (let i = 0; i < ackIds.length; i += 1000)
  found += (
    await db.db
      .select({ id: registrations.id })
      .from(registrations)
      .where(inArray(registrations.id, ackIds.slice(i, i + 1000)))
  ).length;
const rows = await db.db
  .select()
  .from(registrations)
  .where(inArray(registrations.activityId, setup.activityIds));
const acts = await db.db.select().from(activities).where(inArray(activities.id, setup.activityIds));
let taken = 0;
let capacity = 0;
let overbooked = 0;
for (const a of acts) {
  const holding = rows.filter((r) => r.activityId === a.id && HOLDS_PLACE.includes(r.status)).length;
  taken += holding;
  capacity += a.capacity;
  overbooked += Math.max(0, holding - a.capacity) + Math.max(0, a.taken - a.capacity);
}
// Waitlist order against arrival order: per activity, positions sorted, compared with when each was sent.
const sentAtOf = new Map(acknowledged.flatMap((o) => o.ids.map((id) => [id, o.sentAt] as const)));
let pairs = 0;
let inOrder = 0;
let maxLagMs = 0;
for (const a of acts) {
  const waiting = rows
    .filter((r) => r.activityId === a.id && r.status === 'waitlisted' && sentAtOf.has(r.id))
    .sort((x, y) => (x.waitlistPosition ?? 0) - (y.waitlistPosition ?? 0));
  for (let j = 1; j < waiting.length; j++) {
    const before = sentAtOf.get(waiting[j - 1]?.id ?? '') ?? 0;
    const after = sentAtOf.get(waiting[j]?.id ?? '') ?? 0;
    pairs++;
    if (after >= before) inOrder++;
    maxLagMs = Math.max(maxLagMs, before - after);
  }
}

// The raw rate: the same UPDATE, on fresh copies of the activities, as many times as there were
// registrants, with as many statements at once as the server's pool has connections.
const copies: string[] = [];
for (const a of acts) {
  const id = newId();
  copies.push(id);
  await db.db.insert(activities).values({ ...a, id, code: `${a.code}-RAW`, taken: 0, waitlistSeq: 0 });
}
const lanes = databaseUrl ? 10 : 1;
let k = 0;
let rawTaken = 0;
const rawStart = performance.now();
await Promise.all(
  Array.from({ length: lanes }, async () => {
    for (;;) {
      const i = k++;
      if (i >= N) return;
      const result = await db.db.execute(takePlacesStatement(setup.orgId, copies[i % K] as string, 1));
      rawTaken += rowsOf(result).length;
    }
  }),
);
const rawRate = N / ((performance.now() - rawStart) / 1000);
await db.db.execute(sql`SELECT 1`);
await db.close();
rmSync(dataDir, { recursive: true, force: true });

const line = (label: string, value: string) => process.stdout.write(`  ${label.padEnd(44)} ${value}\n`);
process.stdout.write(`\nResults (${kind})\n`);
for (const [status, text] of sampleErrors) line(`sample answer ${status}`, text);
line('answers by status', [...byStatus].map(([s, n]) => `${s}: ${n}`).join(', '));
line('retries after 503/429 (server shedding)', String(outcomes.reduce((s, o) => s + o.retries, 0)));
line('registrations/s (acknowledged, end to end)', rate.toFixed(1));
line(
  'latency p50 / p95 / p99',
  `${ms(quantile(latencies, 0.5))} / ${ms(quantile(latencies, 0.95))} / ${ms(quantile(latencies, 0.99))}`,
);
line(
  'load average (1 min) at start / end',
  `${loadAtStart[0]?.toFixed(2)} / ${loadAtEnd[0]?.toFixed(2)} on ${availableParallelism()} cores`,
);
if (serverCpuMs !== null)
  line(
    'server CPU per answered registration',
    `${(serverCpuMs / Math.max(1, outcomes.length)).toFixed(2)} ms`,
  );
if (databaseCpuMs !== null)
  line(
    'PostgreSQL backends CPU per registration',
    `${(databaseCpuMs / Math.max(1, outcomes.length)).toFixed(2)} ms (connections alive at both ends)`,
  );
line('places taken vs capacity', `${taken} / ${capacity}`);
line('overbooking', String(overbooked));
line('acknowledged missing after the run', String(ackIds.length - found));
line(
  'waitlist pairs in arrival order',
  `${inOrder} / ${pairs} (${pairs ? ((100 * inOrder) / pairs).toFixed(1) : '100.0'} %), worst inversion ${ms(maxLagMs)}`,
);
if (ROOM) {
  line('waiting room: registration opened after', `${((opensAt - started) / 1000).toFixed(1)} s of queueing`);
  const joins = [...joinLatencies].sort((a, b) => a - b);
  const queued = acknowledged.map((o) => o.queued).sort((a, b) => a - b);
  line('waiting room: join latency p50 / p99', `${ms(quantile(joins, 0.5))} / ${ms(quantile(joins, 0.99))}`);
  line(
    'waiting room: time in queue p50 / max',
    `${ms(quantile(queued, 0.5))} / ${ms(queued[queued.length - 1] ?? 0)}`,
  );
  // Where the latency comes from: registrations sent in each second after the opening, and their latency.
  const bySecond = new Map<number, number[]>();
  for (const o of acknowledged) {
    const s = Math.floor((o.sentAt - opensAt) / 1000);
    bySecond.set(s, [...(bySecond.get(s) ?? []), o.latency]);
  }
  const timeline = [...bySecond]
    .sort(([a], [b]) => a - b)
    .map(([s, xs]) => {
      const sorted = xs.sort((a, b) => a - b);
      return `${s}s:${xs.length}@${quantile(sorted, 0.5).toFixed(0)}/${quantile(sorted, 0.95).toFixed(0)}`;
    });
  line('sent per second after opening @ p50/p95 ms', timeline.join(' '));
}
line(
  'raw rate of the place-taking UPDATE',
  `${rawRate.toFixed(0)} statements/s (${rawTaken} places, ${lanes} at once)`,
);
line('end to end / raw', `${((100 * rate) / rawRate).toFixed(1)} %`);
report('rush', [
  {
    label: `registrations/s end to end, ${N} registrants for ${capacity} places${overbooked || ackIds.length !== found ? ' (OVERBOOKED OR LOST)' : ''}`,
    value: rate,
    unit: '/s',
    baseline: { label: 'raw place-taking UPDATE, statements/s', value: rawRate },
    target: '≥ 40 % of the raw rate on PostgreSQL',
  },
  {
    label: `registration latency p99, ${C} at once`,
    value: quantile(latencies, 0.99),
    unit: 'ms',
    target: 'p99 ≤ 1 s with 2,000 concurrent on PostgreSQL',
  },
]);
if (overbooked > 0 || ackIds.length !== found) process.exitCode = 1;
