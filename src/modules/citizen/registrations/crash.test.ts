import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inArray } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import {
  csrfPair,
  freePort,
  type RushSetup,
  registrantHeaders,
  seedRush,
  startServerProcess,
  stopServerProcess,
} from '../../../../bench/rush-support.ts';
import { openPglite } from '../../../platform/db/client.ts';
import { runMigrations } from '../../../platform/db/migrate.ts';
import { activities } from '../activities/schema.ts';
import { HOLDS_PLACE, registrations } from './schema.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'civique-crash-'));
let server: ChildProcess | undefined;
afterAll(async () => {
  if (server) await stopServerProcess(server, 'SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

async function withDatabase<T>(
  use: (db: Awaited<ReturnType<typeof openPglite>>['db']) => Promise<T>,
): Promise<T> {
  const handle = await openPglite({ dataDir: join(dataDir, 'pglite') });
  try {
    await runMigrations(handle);
    return await use(handle.db);
  } finally {
    await handle.close();
  }
}

describe('a server killed during a rush', () => {
  it('keeps every registration it acknowledged, and never more than the capacity, after SIGKILL and a restart', async () => {
    const setup: RushSetup = await withDatabase((db) =>
      seedRush(db, { count: 250, places: 90, activityCount: 3 }),
    );
    const port = String(await freePort());
    const env = { PORT: port, HOST: '127.0.0.1', DATA_DIR: dataDir };
    server = await startServerProcess(env);
    const base = `http://127.0.0.1:${port}`;
    const csrf = await csrfPair(base);
    const acknowledged: string[] = [];
    const statuses = new Map<number, number>();
    let next = 0;
    let killed = false;
    const worker = async () => {
      while (!killed && next < setup.registrants.length) {
        const i = next++;
        const r = setup.registrants[i];
        if (!r) return;
        // A request the server shed (503 under pressure) is retried with the same key, as a browser would.
        for (let attempt = 0; attempt < 20 && !killed; attempt++) {
          try {
            const res = await fetch(`${base}/api/citizen/orgs/${setup.orgId}/checkout`, {
              method: 'POST',
              headers: registrantHeaders(r, csrf, `crash-test-${i}`),
              body: JSON.stringify({
                items: [
                  { activityId: setup.activityIds[i % setup.activityIds.length], personId: r.personId },
                ],
                acceptWaitlist: true,
              }),
            });
            statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
            if (res.status === 503 || res.status === 429) {
              await new Promise((w) => setTimeout(w, 100));
              continue;
            }
            if (res.status === 201) {
              const body = (await res.json()) as { registrations: Array<{ id: string }> };
              for (const reg of body.registrations) acknowledged.push(reg.id);
            }
            break;
          } catch {
            // The connection died with the server: not acknowledged.
            break;
          }
        }
      }
    };
    const running = Promise.all(Array.from({ length: 16 }, worker));
    // Kill -9 in the middle of the rush, once a good number of registrations were acknowledged.
    while (acknowledged.length < 60 && next < setup.registrants.length)
      await new Promise((r) => setTimeout(r, 5));
    killed = true;
    server.kill('SIGKILL');
    await running;
    await new Promise<void>((resolve) =>
      server?.exitCode !== null || server?.signalCode !== null
        ? resolve()
        : server?.once('exit', () => resolve()),
    );
    expect(acknowledged.length, JSON.stringify([...statuses])).toBeGreaterThanOrEqual(60);

    // Restart on the same data: it recovers and answers.
    server = await startServerProcess(env);
    const again = await fetch(`${base}/api/citizen/orgs/${setup.orgId}/catalogue`);
    expect(again.status).toBe(200);
    await stopServerProcess(server);
    server = undefined;

    await withDatabase(async (db) => {
      const found = await db.select().from(registrations).where(inArray(registrations.id, acknowledged));
      expect(found.length).toBe(acknowledged.length);
      const all = await db
        .select()
        .from(registrations)
        .where(inArray(registrations.activityId, setup.activityIds));
      const acts = await db.select().from(activities).where(inArray(activities.id, setup.activityIds));
      for (const a of acts) {
        const holding = all.filter((r) => r.activityId === a.id && HOLDS_PLACE.includes(r.status)).length;
        expect(a.taken).toBe(holding);
        expect(a.taken).toBeLessThanOrEqual(a.capacity);
      }
    });
  }, 240_000);
});
