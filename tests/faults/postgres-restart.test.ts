// Fault test (issue 14): PostgreSQL is stopped and restarted while requests flow. Meanwhile the server must
// answer 503 (with Retry-After and the bilingual error shape), never 500; once PostgreSQL is back it must
// recover by itself (health and real requests), and nothing it acknowledged may be lost. The cluster is a
// private one (private-postgres.ts): the machine's shared PostgreSQL is never stopped.
import type { ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import {
  csrfPair,
  freePort,
  registrantHeaders,
  startServerProcess,
  stopServerProcess,
} from '../../bench/rush-support.ts';
import { hasInitdb, type PrivateCluster, startPrivateCluster } from './private-postgres.ts';
import {
  type Acknowledged,
  checkConsistency,
  type FaultDatabase,
  faultDatabase,
  seedFaultScenario,
} from './support.ts';

let server: ChildProcess | undefined;
let cluster: PrivateCluster | undefined;
let database: FaultDatabase | undefined;
afterAll(async () => {
  if (server) await stopServerProcess(server, 'SIGKILL');
  await database?.drop().catch(() => {});
  cluster?.destroy();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
type Phase = 'before' | 'down' | 'recovering' | 'after';

describe.skipIf(!hasInitdb)('PostgreSQL stopped and restarted under load', () => {
  it('answers 503 while it is down, recovers by itself, and loses nothing acknowledged', async () => {
    cluster = startPrivateCluster(await freePort());
    database = await faultDatabase(cluster.url);
    const seeding = await database.open();
    const scenario = await seedFaultScenario(seeding.db, { count: 400, places: 300 }).finally(() =>
      seeding.close(),
    );
    const port = String(await freePort());
    server = await startServerProcess({ ...database.env, PORT: port, HOST: '127.0.0.1' });
    let serverLog = '';
    server.stderr?.on('data', (chunk: Buffer) => {
      serverLog = (serverLog + chunk.toString()).slice(-6000);
    });
    server.once('exit', (code, signal) => {
      if (!done)
        console.log(`server exited (${code ?? signal}) while PostgreSQL was ${phase}:\n${serverLog}`);
    });
    const base = `http://127.0.0.1:${port}`;
    const csrf = await csrfPair(base);
    const ack: Acknowledged = { registrations: [], paidOrders: [], trips: [] };
    const statuses: Record<Phase, Record<number, number>> = {
      before: {},
      down: {},
      recovering: {},
      after: {},
    };
    const badBodies: string[] = [];
    let phase: Phase = 'before';
    let ackedAfter = 0;
    let next = 0;
    let done = false;
    let firstRefusal = '';

    // A refused (503) registration is sent again with the same Idempotency-Key, as a browser would, until the
    // server takes it: so the registrants are not used up while PostgreSQL is down (on a fast machine the 503s
    // come quickly) and some are still there to be acknowledged after the restart.
    const worker = async () => {
      let mine: number | undefined;
      while (!done && (mine !== undefined || next < scenario.registrants.length)) {
        const i = mine ?? next++;
        mine = undefined;
        const r = scenario.registrants[i];
        if (!r) return;
        const at = phase;
        let res: Response;
        try {
          res = await fetch(`${base}/api/citizen/orgs/${scenario.orgId}/checkout`, {
            method: 'POST',
            headers: {
              ...registrantHeaders(r, csrf, `pg-restart-${i}`),
              'accept-language': i % 2 ? 'en' : 'fr',
            },
            body: JSON.stringify({
              items: [
                { activityId: scenario.activityIds[i % scenario.activityIds.length], personId: r.personId },
              ],
              acceptWaitlist: true,
            }),
          });
        } catch (error) {
          badBodies.push(`${at}: no answer (${String(error)})`);
          continue;
        }
        statuses[at][res.status] = (statuses[at][res.status] ?? 0) + 1;
        const text = await res.text();
        if (res.status === 201) {
          for (const reg of (JSON.parse(text) as { registrations: Array<{ id: string }> }).registrations)
            ack.registrations.push(reg.id);
          if (at === 'after') ackedAfter++;
        } else if (res.status === 503) {
          const body = JSON.parse(text) as { error?: { code?: string; message?: string } };
          if (body.error?.code !== 'unavailable' || !body.error.message || !res.headers.get('retry-after'))
            badBodies.push(`${at}: 503 ${text.slice(0, 200)}`);
          mine = i;
          await sleep(50);
        } else if (res.status >= 500) badBodies.push(`${at}: ${res.status} ${text.slice(0, 200)}`);
        else if (!firstRefusal) firstRefusal = `${res.status} ${text.slice(0, 300)}`;
      }
    };
    const running = Promise.all(Array.from({ length: 6 }, worker));
    while (ack.registrations.length < 15 && next < scenario.registrants.length) await sleep(10);

    cluster.stop('fast');
    phase = 'down';
    const downSince = Date.now();
    while (Date.now() - downSince < 4000) await sleep(50);
    const health = await fetch(`${base}/api/health`);
    expect(health.status).toBe(503);

    cluster.start();
    phase = 'recovering';
    const upSince = Date.now();
    let recoveredMs = -1;
    while (Date.now() - upSince < 60_000) {
      if ((await fetch(`${base}/api/health`).catch(() => undefined))?.status === 200) {
        recoveredMs = Date.now() - upSince;
        break;
      }
      await sleep(100);
    }
    phase = 'after';
    while (ackedAfter < 10 && next < scenario.registrants.length && Date.now() - upSince < 90_000)
      await sleep(20);
    done = true;
    await running;
    console.log(
      `fault postgres restart: statuses ${JSON.stringify(statuses)}; health back ${recoveredMs} ms after PostgreSQL restarted; ${ack.registrations.length} registrations acknowledged (${ackedAfter} after the restart); first refusal: ${firstRefusal || 'none'}`,
    );
    expect(badBodies).toEqual([]);
    expect(statuses.down[503] ?? 0, 'requests answered 503 while PostgreSQL was down').toBeGreaterThan(0);
    expect(recoveredMs).toBeGreaterThanOrEqual(0);
    expect(ackedAfter).toBeGreaterThanOrEqual(10);

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
