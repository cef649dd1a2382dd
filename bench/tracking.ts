// Live tracking under load: V vehicles (default 200) each send a position every 5 s while R riders
// (default 5,000) follow their vehicle over Server-Sent Events, against a real server process, on PGlite
// (default) or PostgreSQL (DATABASE_URL). Prints the fan-out latency (position sent → event received by
// each rider of that vehicle) p50/p95/p99, the server's CPU, and dropped updates (expected deliveries not
// received). Baseline, same run: the same position load with no rider connected, so the ratio shows what
// the fan-out itself costs. Setup (accounts, sessions, shifts, trips) is written to the database directly.
//   node bench/tracking.ts [--vehicles 200] [--riders 5000] [--seconds 60] [--interval 5]
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { transitTrips } from '../src/modules/transit/bookings/schema.ts';
import { DEFAULT_HOURS, DEFAULT_RULES } from '../src/modules/transit/network/rules.ts';
import {
  transitDrivers,
  transitServices,
  transitShifts,
  transitStops,
  transitVehicles,
} from '../src/modules/transit/network/schema.ts';
import { newSessionToken } from '../src/platform/auth/context.ts';
import { accounts, memberships, sessions } from '../src/platform/auth/schema.ts';
import { type DatabaseHandle, openPglite, openPostgres } from '../src/platform/db/client.ts';
import { newId } from '../src/platform/db/ids.ts';
import { runMigrations } from '../src/platform/db/migrate.ts';
import { organisations } from '../src/platform/orgs/schema.ts';
import { csrfPair, freePort, processCpuMs, startServerProcess, stopServerProcess } from './rush-support.ts';
import { arg, report } from './support.ts';

const V = arg('vehicles', 200);
const R = arg('riders', 5000);
const SECONDS = arg('seconds', 60);
const INTERVAL = arg('interval', 5);
const databaseUrl = process.env.DATABASE_URL;
const dataDir = mkdtempSync(join(tmpdir(), 'civique-tracking-'));
const CHUNK = 500;

async function chunks<T>(rows: T[], insert: (c: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

interface Setup {
  orgId: string;
  drivers: string[];
  riders: Array<{ token: string; tripId: string; vehicle: number }>;
}

async function seed(db: DatabaseHandle['db']): Promise<Setup> {
  const orgId = newId();
  await db.insert(organisations).values({
    id: orgId,
    slug: `tracking-${orgId.slice(-8)}`,
    kind: 'municipality',
    geoCode: String(70000 + Math.floor(Math.random() * 20000)),
    nameFr: 'Ville du suivi',
    nameEn: 'Tracking Town',
    refPrefix: 'TRK',
    branding: { primaryColor: '#004b87', accentColor: '#f2a900' },
  });
  await db
    .insert(transitServices)
    .values({ orgId, nameFr: 'TaxiBus', nameEn: 'TaxiBus', hours: DEFAULT_HOURS, rules: DEFAULT_RULES });
  const [a, b] = await db
    .insert(transitStops)
    .values([
      { orgId, code: 'A', name: 'A', latitude: 46.05, longitude: -71.96 },
      { orgId, code: 'B', name: 'B', latitude: 46.07, longitude: -71.93 },
    ])
    .returning({ id: transitStops.id });
  const now = Date.now();
  const expires = new Date(now + 6 * 3600_000);
  const accountRows: Array<typeof accounts.$inferInsert> = [];
  const sessionRows: Array<typeof sessions.$inferInsert> = [];
  const newAccount = (label: string) => {
    const id = newId();
    const { token, id: sessionId } = newSessionToken();
    accountRows.push({
      id,
      email: `${label}-${id.slice(-8)}@example.test`,
      emailVerifiedAt: new Date(),
      givenName: 'B',
      familyName: label,
    });
    sessionRows.push({ id: sessionId, accountId: id, expiresAt: expires });
    return { id, token };
  };
  const vehicleIds: string[] = [];
  const shiftIds: string[] = [];
  const drivers: string[] = [];
  const vehicleRows: Array<typeof transitVehicles.$inferInsert> = [];
  const driverRows: Array<typeof transitDrivers.$inferInsert> = [];
  const shiftRows: Array<typeof transitShifts.$inferInsert> = [];
  const memberRows: Array<typeof memberships.$inferInsert> = [];
  for (let k = 0; k < V; k++) {
    const account = newAccount(`driver${k}`);
    drivers.push(account.token);
    const vehicleId = newId();
    const driverId = newId();
    const shiftId = newId();
    vehicleIds.push(vehicleId);
    shiftIds.push(shiftId);
    vehicleRows.push({ orgId, id: vehicleId, label: `TB-${k}`, seats: 30 });
    driverRows.push({ orgId, id: driverId, name: `Driver ${k}`, accountId: account.id });
    memberRows.push({ orgId, accountId: account.id, role: 'transit_driver' });
    shiftRows.push({
      orgId,
      id: shiftId,
      vehicleId,
      driverId,
      startsAt: new Date(now - 3600_000),
      endsAt: new Date(now + 5 * 3600_000),
      depotLatitude: 46.05,
      depotLongitude: -71.96,
      status: 'started',
      startedAt: new Date(now - 3600_000),
    });
  }
  const riders: Setup['riders'] = [];
  const tripRows: Array<typeof transitTrips.$inferInsert> = [];
  for (let i = 0; i < R; i++) {
    const account = newAccount(`rider${i}`);
    const k = i % V;
    const tripId = newId();
    riders.push({ token: account.token, tripId, vehicle: k });
    const pickup = new Date(now + 3 * 3600_000);
    tripRows.push({
      orgId,
      id: tripId,
      reference: `TRK-T-${i}`,
      riderAccountId: account.id,
      pickupStopId: a?.id as string,
      dropoffStopId: b?.id as string,
      timeMode: 'leave_at',
      requestedTime: pickup,
      passengers: 1,
      shiftId: shiftIds[k],
      vehicleId: vehicleIds[k],
      pickupOrder: 2 * Math.floor(i / V) + 1,
      dropoffOrder: 2 * Math.floor(i / V) + 2,
      promisedPickupStart: pickup,
      promisedPickupEnd: new Date(pickup.getTime() + 15 * 60_000),
      plannedPickupAt: pickup,
      plannedDropoffAt: new Date(pickup.getTime() + 20 * 60_000),
      latestDropoffAt: new Date(pickup.getTime() + 45 * 60_000),
      maxRideMinutes: 30,
    });
  }
  await chunks(accountRows, (c) => db.insert(accounts).values(c));
  await chunks(sessionRows, (c) => db.insert(sessions).values(c));
  await chunks(memberRows, (c) => db.insert(memberships).values(c));
  await chunks(vehicleRows, (c) => db.insert(transitVehicles).values(c));
  await chunks(driverRows, (c) => db.insert(transitDrivers).values(c));
  await chunks(shiftRows, (c) => db.insert(transitShifts).values(c));
  await chunks(tripRows, (c) => db.insert(transitTrips).values(c));
  return { orgId, drivers, riders };
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;

async function main() {
  const handle = databaseUrl
    ? openPostgres(databaseUrl)
    : await openPglite({ dataDir: join(dataDir, 'pglite') });
  await runMigrations(handle);
  const setup = await seed(handle.db);
  await handle.close();
  const port = await freePort();
  const env: Record<string, string> = {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    RATE_LIMIT_MAX: '100000000',
  };
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  const server = await startServerProcess(env);
  try {
    await run(setup, server, port);
  } finally {
    await stopServerProcess(server);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function run(setup: Setup, server: Awaited<ReturnType<typeof startServerProcess>>, port: number) {
  const base = `http://127.0.0.1:${port}`;
  const csrf = await csrfPair(base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  let vehicleLat = 46.1;
  const post = (token: string, latitude: number) =>
    new Promise<number>((resolve, reject) => {
      const body = JSON.stringify({
        positions: [{ latitude, longitude: -71.8, speedKmh: 30, at: new Date().toISOString() }],
      });
      const req = http.request(
        `${base}/api/orgs/${setup.orgId}/transit/driver/positions`,
        {
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            cookie: `__Host-civique_session=${token}; ${csrf.cookie}`,
            'x-csrf-token': csrf.token,
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.end(body);
    });

  // One phase: every vehicle sends a position every INTERVAL s (staggered) for `seconds`.
  const phase = async (seconds: number) => {
    const acks: number[] = [];
    let sent = 0;
    let failed = 0;
    const cpu0 = processCpuMs(server.pid);
    const t0 = performance.now();
    const stop = Date.now() + seconds * 1000;
    await Promise.all(
      setup.drivers.map(async (token, k) => {
        await new Promise((r) => setTimeout(r, ((k / setup.drivers.length) * INTERVAL * 1000) | 0));
        while (Date.now() < stop) {
          const started = Date.now();
          vehicleLat += 1e-7;
          const status = await post(token, vehicleLat).catch(() => 0);
          acks.push(Date.now() - started);
          if (status === 200) sent++;
          else failed++;
          await new Promise((r) => setTimeout(r, Math.max(0, INTERVAL * 1000 - (Date.now() - started))));
        }
      }),
    );
    const wall = performance.now() - t0;
    const cpu = (processCpuMs(server.pid) ?? Number.NaN) - (cpu0 ?? Number.NaN);
    acks.sort((x, y) => x - y);
    return { sent, failed, wall, cpu, acks };
  };

  console.log(
    `Tracking: ${V} vehicles every ${INTERVAL} s, ${R} riders over SSE, ${databaseUrl ? 'PostgreSQL' : 'PGlite'}`,
  );
  const baseline = await phase(Math.min(20, SECONDS));

  // Riders connect (not timed), each following the vehicle of their own trip.
  const latencies: number[] = [];
  let received = 0;
  let connected = 0;
  const connectedRiders = new Set<string>();
  const sockets: http.ClientRequest[] = [];
  const perVehicle = new Array<number>(V).fill(0);
  let counting = false;
  const open = (rider: Setup['riders'][number]) =>
    new Promise<void>((resolve, reject) => {
      const req = http.get(
        `${base}/api/orgs/${setup.orgId}/transit/trips/${rider.tripId}/live`,
        {
          agent: false,
          headers: { cookie: `__Host-civique_session=${rider.token}`, accept: 'text/event-stream' },
        },
        (res) => {
          if (res.statusCode === 503) {
            // Shed while the server is busy (the connection storm): wait as told and try again.
            res.resume();
            setTimeout(() => open(rider).then(resolve, reject), 5000);
            return;
          }
          if (res.statusCode !== 200) return reject(new Error(`live ${res.statusCode}`));
          let buffer = '';
          let ready = false;
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            buffer += chunk;
            let end = buffer.indexOf('\n\n');
            while (end >= 0) {
              const block = buffer.slice(0, end);
              buffer = buffer.slice(end + 2);
              if (block.startsWith('event: snapshot') && !ready) {
                ready = true;
                connected++;
                connectedRiders.add(rider.tripId);
                resolve();
              } else if (block.startsWith('event: position') && counting) {
                const data = JSON.parse(block.slice(block.indexOf('data: ') + 6)) as { at: string };
                latencies.push(Date.now() - new Date(data.at).getTime());
                received++;
              }
              end = buffer.indexOf('\n\n');
            }
          });
        },
      );
      req.on('error', (error) => (connectedRiders.has(rider.tripId) ? undefined : reject(error)));
      sockets.push(req);
    });
  const t0 = performance.now();
  for (let i = 0; i < setup.riders.length; i += 200)
    await Promise.all(setup.riders.slice(i, i + 200).map(open));
  for (const r of setup.riders) perVehicle[r.vehicle] = (perVehicle[r.vehicle] ?? 0) + 1;
  console.log(`  ${connected} riders connected in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  counting = true;
  const loaded = await phase(SECONDS);
  await new Promise((r) => setTimeout(r, 2000));
  counting = false;
  // Each accepted position is owed to every rider of that vehicle.
  const expected = loaded.sent * (R / V);
  latencies.sort((x, y) => x - y);
  const cpuPerUpdate = (p: { cpu: number; sent: number }) => p.cpu / Math.max(1, p.sent);
  console.log(
    `  baseline (no rider): ${baseline.sent} positions, ${(baseline.sent / (baseline.wall / 1000)).toFixed(1)}/s, server CPU ${((baseline.cpu / baseline.wall) * 100).toFixed(1)} % of a core, ${cpuPerUpdate(baseline).toFixed(2)} ms CPU per position`,
  );
  console.log(
    `  with ${R} riders: ${loaded.sent} positions (${loaded.failed} failed), ${(loaded.sent / (loaded.wall / 1000)).toFixed(1)}/s, server CPU ${((loaded.cpu / loaded.wall) * 100).toFixed(1)} % of a core, ${cpuPerUpdate(loaded).toFixed(2)} ms CPU per position`,
  );
  console.log(
    `  position POST acknowledged: baseline p50 ${quantile(baseline.acks, 0.5)} ms / p95 ${quantile(baseline.acks, 0.95)} ms; with riders p50 ${quantile(loaded.acks, 0.5)} ms / p95 ${quantile(loaded.acks, 0.95)} ms (the fan-out latency below includes this)`,
  );
  console.log(
    `  fan-out latency: p50 ${quantile(latencies, 0.5)} ms, p95 ${quantile(latencies, 0.95)} ms, p99 ${quantile(latencies, 0.99)} ms, max ${latencies.at(-1)} ms`,
  );
  console.log(
    `  deliveries: ${received} received of ${expected} expected, dropped ${Math.max(0, expected - received)} (${((Math.max(0, expected - received) / Math.max(1, expected)) * 100).toFixed(2)} %)`,
  );
  console.log(
    `  ratio CPU per position with riders / baseline: ${(cpuPerUpdate(loaded) / cpuPerUpdate(baseline)).toFixed(2)}×`,
  );
  report('tracking', [
    {
      label: `fan-out latency p95, ${V} vehicles to ${R} riders`,
      value: quantile(latencies, 0.95),
      unit: 'ms',
      baseline: {
        label: 'position POST acknowledged without riders, p95',
        value: quantile(baseline.acks, 0.95),
      },
    },
    {
      label: 'server CPU per position with riders',
      value: cpuPerUpdate(loaded),
      unit: 'ms',
      baseline: { label: 'CPU per position without riders', value: cpuPerUpdate(baseline) },
    },
    { label: 'updates dropped', value: Math.max(0, expected - received), unit: 'updates' },
  ]);
  for (const s of sockets) s.destroy();
  agent.destroy();
}

await main();
