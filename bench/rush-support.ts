// Shared by the opening-day benchmark (bench/rush.ts) and the crash test: a town whose registration
// window is open, a few activities, and many residents with their sessions, written straight to the
// database (setup, not timed); a real server process; and one registration over HTTP.
import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { sql } from 'drizzle-orm';
import { activities, seasons } from '../src/modules/citizen/activities/schema.ts';
import { residencies } from '../src/modules/citizen/residency/schema.ts';
import { newSessionToken } from '../src/platform/auth/context.ts';
import { accounts, sessions } from '../src/platform/auth/schema.ts';
import type { Database } from '../src/platform/db/client.ts';
import { newId } from '../src/platform/db/ids.ts';
import { organisations } from '../src/platform/orgs/schema.ts';
import { households, persons } from '../src/platform/people/schema.ts';

export const ROOT = new URL('..', import.meta.url).pathname;

/** One registrant: an account with its own person, household, residency and session cookie token. */
export interface Registrant {
  accountId: string;
  personId: string;
  token: string;
}

/** What the rush seeds. */
export interface RushSetup {
  orgId: string;
  seasonId: string;
  activityIds: string[];
  registrants: Registrant[];
}

const CHUNK = 500;

async function insertChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/** Seeds a town, an open season, `activityCount` activities sharing `places`, and `count` residents. */
export async function seedRush(
  db: Database,
  options: {
    count: number;
    places: number;
    activityCount: number;
    priceCents?: number;
    waitingRoomPerMinute?: number;
    /** When registration opens (default: a minute ago); the waiting room itself is open from a minute ago. */
    opensAt?: Date;
  },
): Promise<RushSetup> {
  const orgId = newId();
  const geo = String(70000 + Math.floor(Math.random() * 20000));
  await db.insert(organisations).values({
    id: orgId,
    slug: `rush-${orgId.slice(-8)}`,
    kind: 'municipality',
    geoCode: geo,
    nameFr: 'Ville de la cohue',
    nameEn: 'Rush Town',
    refPrefix: 'RUS',
    branding: { primaryColor: '#004b87', accentColor: '#f2a900' },
  });
  const seasonId = newId();
  const now = Date.now();
  await db.insert(seasons).values({
    orgId,
    id: seasonId,
    nameFr: 'Camp de jour 2027',
    nameEn: 'Day camp 2027',
    startsOn: '2027-06-28',
    endsOn: '2027-08-20',
    residentOpensAt: options.opensAt ?? new Date(now - 60_000),
    nonResidentOpensAt: options.opensAt ?? new Date(now - 60_000),
    closesAt: new Date(now + 7 * 86_400_000),
    waitingRoomPerMinute: options.waitingRoomPerMinute ?? null,
    waitingRoomFrom: options.waitingRoomPerMinute ? new Date(now - 60_000) : null,
    waitingRoomUntil: options.waitingRoomPerMinute ? new Date(now + 6 * 3600_000) : null,
  });
  const activityIds: string[] = [];
  for (let i = 0; i < options.activityCount; i++) {
    const id = newId();
    activityIds.push(id);
    const capacity =
      Math.floor(options.places / options.activityCount) +
      (i < options.places % options.activityCount ? 1 : 0);
    await db.insert(activities).values({
      orgId,
      id,
      seasonId,
      code: `CAMP-${i + 1}`,
      category: 'camp_de_jour',
      titleFr: `Camp de jour, semaine ${i + 1}`,
      titleEn: `Day camp, week ${i + 1}`,
      facility: 'Centre récréatif',
      schedule: [{ weekday: 1, start: '08:00', end: '16:00' }],
      startsOn: '2027-06-28',
      endsOn: '2027-07-02',
      ageReferenceDate: '2027-06-28',
      capacity,
      priceResidentCents: options.priceCents ?? 14500,
      pricePartnerCents: options.priceCents ?? 16000,
      priceNonResidentCents: options.priceCents ?? 21000,
    });
  }
  const registrants: Registrant[] = [];
  const accountRows: Array<typeof accounts.$inferInsert> = [];
  const householdRows: Array<typeof households.$inferInsert> = [];
  const personRows: Array<typeof persons.$inferInsert> = [];
  const sessionRows: Array<typeof sessions.$inferInsert> = [];
  const residencyRows: Array<typeof residencies.$inferInsert> = [];
  const expires = new Date(now + 6 * 3600_000);
  for (let i = 0; i < options.count; i++) {
    const accountId = newId();
    const householdId = newId();
    const personId = newId();
    const { token, id } = newSessionToken();
    accountRows.push({
      id: accountId,
      email: `rush-${i}-${accountId.slice(-6)}@example.test`,
      emailVerifiedAt: new Date(),
      givenName: 'Parent',
      familyName: `Rush ${i}`,
    });
    householdRows.push({ id: householdId });
    personRows.push({
      id: personId,
      householdId,
      accountId,
      role: 'guardian',
      givenName: 'Parent',
      familyName: `Rush ${i}`,
    });
    sessionRows.push({ id, accountId, expiresAt: expires });
    residencyRows.push({
      orgId,
      householdId,
      proof: 'staff',
      status: 'active',
      startsOn: '2026-01-01',
      expiresOn: '2030-01-01',
      decidedAt: new Date(),
    });
    registrants.push({ accountId, personId, token });
  }
  await insertChunks(accountRows, (c) => db.insert(accounts).values(c));
  await insertChunks(householdRows, (c) => db.insert(households).values(c));
  await insertChunks(personRows, (c) => db.insert(persons).values(c));
  await insertChunks(sessionRows, (c) => db.insert(sessions).values(c));
  await insertChunks(residencyRows, (c) => db.insert(residencies).values(c));
  await db.execute(sql`ANALYZE`);
  return { orgId, seasonId, activityIds, registrants };
}

/** A free TCP port on this machine. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Starts `node src/main.ts serve` and waits for /api/health. */
export async function startServerProcess(
  env: Record<string, string>,
  timeoutMs = 120_000,
): Promise<ChildProcess> {
  // RUSH_PROFILE=<dir> writes a CPU profile of the server (to find where a request's time goes).
  const profile = process.env.RUSH_PROFILE
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.RUSH_PROFILE}`]
    : [];
  const child = spawn(process.execPath, [...profile, 'src/main.ts', 'serve'], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const base = `http://127.0.0.1:${env.PORT}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}): ${stderr}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`no /api/health within ${timeoutMs / 1000} s: ${stderr}`);
}

/** Stops a server process (SIGTERM, then SIGKILL after 10 s). */
export async function stopServerProcess(
  child: ChildProcess,
  signal: NodeJS.Signals = 'SIGTERM',
): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/**
 * CPU time (user + system, in ms) used so far by a process, from /proc (Linux), or null elsewhere. The
 * machine may be shared: CPU time per registration does not depend on how busy the other processes keep
 * the cores, where throughput and latency do.
 */
export function processCpuMs(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the line (11 and 12 after the command name), in clock ticks.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}
const CLOCK_TICKS = 100;

/** CPU time (ms) used so far by the PostgreSQL backends connected to a database (by their process title). */
export function databaseBackendsCpuMs(database: string): number | null {
  try {
    let total = 0;
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      let cmdline: string;
      try {
        cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      } catch {
        continue;
      }
      if (!cmdline.startsWith('postgres: ') || !cmdline.includes(` ${database} `)) continue;
      total += processCpuMs(Number(entry)) ?? 0;
    }
    return total;
  } catch {
    return null;
  }
}

/** A CSRF token and the cookie it belongs to (one pair serves every registrant: it is not tied to a session). */
export async function csrfPair(base: string): Promise<{ token: string; cookie: string }> {
  const res = await fetch(`${base}/api/csrf`);
  const body = (await res.json()) as { token: string };
  const cookie = (res.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
  return { token: body.token, cookie };
}

/** The headers of one registrant's state-changing request. */
export function registrantHeaders(
  r: Registrant,
  csrf: { token: string; cookie: string },
  key?: string,
): Record<string, string> {
  return {
    'content-type': 'application/json',
    cookie: `__Host-civique_session=${r.token}; ${csrf.cookie}`,
    'x-csrf-token': csrf.token,
    ...(key ? { 'idempotency-key': key } : {}),
  };
}
