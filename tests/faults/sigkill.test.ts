// Fault test (issue 14): the server is killed with SIGKILL in the middle of a burst of registrations (each
// makes an order), payments of those orders and TaxiBus bookings, then restarted on the same database
// (PGlite directory, or PostgreSQL when TEST_DATABASE_URL is set). Every operation a client saw succeed
// must be there, and nothing may be half-done. A real process is needed: SIGKILL cannot be simulated in one.
import type { ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import {
  csrfPair,
  freePort,
  registrantHeaders,
  startServerProcess,
  stopServerProcess,
} from '../../bench/rush-support.ts';
import {
  type Acknowledged,
  checkConsistency,
  type FaultDatabase,
  type FaultScenario,
  faultDatabase,
  seedFaultScenario,
} from './support.ts';

let server: ChildProcess | undefined;
let database: FaultDatabase | undefined;
afterAll(async () => {
  if (server) await stopServerProcess(server, 'SIGKILL');
  await database?.drop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a server killed with SIGKILL during registrations, payments and bookings', () => {
  it('keeps every acknowledged operation and leaves none half-done after a restart', async () => {
    database = await faultDatabase();
    const seeding = await database.open();
    let scenario: FaultScenario;
    try {
      scenario = await seedFaultScenario(seeding.db, { count: 200, places: 120 });
    } finally {
      await seeding.close();
    }
    const port = String(await freePort());
    const env = { ...database.env, PORT: port, HOST: '127.0.0.1' };
    server = await startServerProcess(env);
    const base = `http://127.0.0.1:${port}`;
    const csrf = await csrfPair(base);
    const ack: Acknowledged = { registrations: [], paidOrders: [], trips: [] };
    const statuses = new Map<string, number>();
    let next = 0;
    let killed = false;

    // One request, retried with the same Idempotency-Key while the server sheds load (as a browser would).
    const send = async (label: string, path: string, headers: Record<string, string>, body: unknown) => {
      for (let attempt = 0; attempt < 20 && !killed; attempt++) {
        try {
          const res = await fetch(`${base}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
          statuses.set(`${label} ${res.status}`, (statuses.get(`${label} ${res.status}`) ?? 0) + 1);
          if (res.status === 503 || res.status === 429) {
            await sleep(100);
            continue;
          }
          return { status: res.status, body: (await res.json()) as Record<string, unknown> };
        } catch {
          return undefined; // the connection died with the server: not acknowledged
        }
      }
      return undefined;
    };

    const worker = async () => {
      while (!killed && next < scenario.registrants.length) {
        const i = next++;
        const r = scenario.registrants[i];
        if (!r) return;
        const headers = (key: string) => registrantHeaders(r, csrf, `fault-${key}-${i}`);
        const checkout = await send(
          'checkout',
          `/api/citizen/orgs/${scenario.orgId}/checkout`,
          headers('c'),
          {
            items: [
              { activityId: scenario.activityIds[i % scenario.activityIds.length], personId: r.personId },
            ],
            acceptWaitlist: true,
          },
        );
        if (checkout?.status === 201) {
          const body = checkout.body as {
            registrations: Array<{ id: string }>;
            order: { id: string } | null;
          };
          for (const reg of body.registrations) ack.registrations.push(reg.id);
          if (body.order) {
            const paid = await send(
              'pay',
              `/api/me/orders/${body.order.id}/pay?orgId=${scenario.orgId}`,
              headers('p'),
              { provider: 'sandbox', card: { number: '4242 4242 4242 4242' } },
            );
            const outcome = (paid?.body as { outcome?: string } | undefined)?.outcome;
            if (paid?.status === 200 && outcome === 'succeeded') ack.paidOrders.push(body.order.id);
          }
        }
        const stops = scenario.stopIds;
        const time = new Date(scenario.serviceDayStart + (8 + (i % 12)) * 3600_000 + (i % 4) * 900_000);
        const booked = await send('book', `/api/orgs/${scenario.transitOrgId}/transit/trips`, headers('b'), {
          pickupStopId: stops[i % stops.length],
          dropoffStopId: stops[(i + 3) % stops.length],
          timeMode: 'leave_at',
          time: time.toISOString(),
          passengers: 1,
        });
        const trip = (booked?.body as { trip?: { id: string } } | undefined)?.trip;
        if (booked?.status === 201 && trip) ack.trips.push(trip.id);
      }
    };
    const running = Promise.all(Array.from({ length: 12 }, worker));
    // Kill -9 in the middle of the burst, once each kind of operation has been acknowledged a few times.
    while (
      (ack.registrations.length < 30 || ack.paidOrders.length < 10 || ack.trips.length < 5) &&
      next < scenario.registrants.length
    )
      await sleep(5);
    const inFlight = next;
    killed = true;
    server.kill('SIGKILL');
    await running;
    await new Promise<void>((resolve) =>
      server?.exitCode !== null || server?.signalCode !== null
        ? resolve()
        : server?.once('exit', () => resolve()),
    );
    const summary = `${database.kind}: ${JSON.stringify(Object.fromEntries(statuses))}`;
    console.log(
      `fault sigkill (${summary}): killed after ${inFlight} of ${scenario.registrants.length} people started; acknowledged ${ack.registrations.length} registrations, ${ack.paidOrders.length} payments, ${ack.trips.length} bookings`,
    );
    expect(inFlight, 'the burst had not finished when the server was killed').toBeLessThan(
      scenario.registrants.length,
    );
    expect(ack.paidOrders.length, summary).toBeGreaterThanOrEqual(10);
    expect(ack.trips.length, summary).toBeGreaterThanOrEqual(5);

    // Restart on the same data: it recovers by itself and answers.
    server = await startServerProcess(env);
    expect((await fetch(`${base}/api/citizen/orgs/${scenario.orgId}/catalogue`)).status).toBe(200);
    await stopServerProcess(server);
    server = undefined;

    const after = await database.open();
    try {
      expect(await checkConsistency(after.db, scenario, ack)).toEqual([]);
    } finally {
      await after.close();
    }
  }, 400_000);
});
