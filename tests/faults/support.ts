// Shared by the fault tests: a database a real server process can be started on (a PGlite data directory,
// or a fresh PostgreSQL database when TEST_DATABASE_URL is set), seeded with a town whose registration
// window is open (priced activities, so each registration makes an order to pay) and Victoriaville's
// TaxiBus, plus the checks of what must hold after a fault.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq, inArray, sql } from 'drizzle-orm';
import pg from 'pg';
import { type RushSetup, seedRush } from '../../bench/rush-support.ts';
import { activities } from '../../src/modules/citizen/activities/schema.ts';
import { HOLDS_PLACE, registrations } from '../../src/modules/citizen/registrations/schema.ts';
import { transitTrips } from '../../src/modules/transit/bookings/schema.ts';
import { seedDemoTransit } from '../../src/modules/transit/demo.ts';
import { nextServiceDay, startOfLocalDay } from '../../src/modules/transit/network/rules.ts';
import { transitServices, transitStops } from '../../src/modules/transit/network/schema.ts';
import { accounts } from '../../src/platform/auth/schema.ts';
import { type DatabaseHandle, openPglite, openPostgres } from '../../src/platform/db/client.ts';
import { runMigrations } from '../../src/platform/db/migrate.ts';
import { organisations } from '../../src/platform/orgs/schema.ts';
import { orderLines, orders, payments } from '../../src/platform/payments/schema.ts';
import { DEMO_ACCOUNTS } from '../../src/platform/seed/demo-data.ts';
import { seedDemo } from '../../src/platform/seed/seed-demo.ts';
import { databaseUrlFor } from '../support/databases.ts';

/** Where a server process keeps its data, how to open it from the test, and how to throw it away. */
export interface FaultDatabase {
  kind: 'pglite' | 'postgres';
  /** The environment of `node src/main.ts serve` for this database. */
  env: Record<string, string>;
  open(): Promise<DatabaseHandle>;
  drop(): Promise<void>;
}

/** A fresh database: PostgreSQL when `TEST_DATABASE_URL` (or `url`) is given, else a PGlite directory. */
export async function faultDatabase(url = process.env.TEST_DATABASE_URL): Promise<FaultDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'civique-fault-'));
  if (!url) {
    return {
      kind: 'pglite',
      env: { DATA_DIR: dataDir },
      open: async () => {
        const handle = await openPglite({ dataDir: join(dataDir, 'pglite') });
        await runMigrations(handle);
        return handle;
      },
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `civique_fault_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const databaseUrl = databaseUrlFor(url, name);
  return {
    kind: 'postgres',
    env: { DATA_DIR: dataDir, DATABASE_URL: databaseUrl },
    open: async () => {
      const handle = openPostgres(databaseUrl, { max: 3 });
      await runMigrations(handle);
      return handle;
    },
    drop: async () => {
      rmSync(dataDir, { recursive: true, force: true });
      const a = new pg.Client({ connectionString: url });
      await a.connect().catch(() => {});
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
      await a.end().catch(() => {});
    },
  };
}

/** What the fault tests work on. */
export interface FaultScenario extends RushSetup {
  transitOrgId: string;
  stopIds: string[];
  /** Local start of the next service day of the TaxiBus (bookings are spread over it). */
  serviceDayStart: number;
}

/** Seeds the demonstration organisations and accounts, Victoriaville's TaxiBus, and a rush town. */
export async function seedFaultScenario(
  db: DatabaseHandle['db'],
  options: { count: number; places: number },
): Promise<FaultScenario> {
  await seedDemo(db, { modules: false });
  const orgIds = new Map(
    (await db.select({ id: organisations.id, slug: organisations.slug }).from(organisations)).map((o) => [
      o.slug,
      o.id,
    ]),
  );
  const accountRows = await db.select({ id: accounts.id, email: accounts.email }).from(accounts);
  const accountIds = new Map(
    DEMO_ACCOUNTS.map((a) => [a.key, accountRows.find((r) => r.email === a.email)?.id ?? '']),
  );
  await seedDemoTransit(db, orgIds, accountIds);
  const rush = await seedRush(db, { ...options, activityCount: 3, priceCents: 2500 });
  const transitOrgId = orgIds.get('victoriaville') ?? '';
  const stops = await db
    .select({ id: transitStops.id })
    .from(transitStops)
    .where(eq(transitStops.orgId, transitOrgId));
  const [service] = await db.select().from(transitServices).where(eq(transitServices.orgId, transitOrgId));
  if (!service) throw new Error('no TaxiBus service seeded');
  const today = new Date().toLocaleDateString('en-CA', { timeZone: 'America/Toronto' });
  const day = nextServiceDay(service.hours, service.closedDates, today);
  return {
    ...rush,
    transitOrgId,
    stopIds: stops.map((s) => s.id),
    serviceDayStart: startOfLocalDay(day).getTime(),
  };
}

/** What clients were told succeeded. */
export interface Acknowledged {
  registrations: string[];
  paidOrders: string[];
  trips: string[];
}

/** Every acknowledged operation is stored, and nothing is left half-done (returns what is wrong). */
export async function checkConsistency(
  db: DatabaseHandle['db'],
  scenario: FaultScenario,
  ack: Acknowledged,
): Promise<string[]> {
  const problems: string[] = [];
  if (ack.registrations.length) {
    const found = await db
      .select({ id: registrations.id })
      .from(registrations)
      .where(inArray(registrations.id, ack.registrations));
    if (found.length !== ack.registrations.length)
      problems.push(`registrations: ${ack.registrations.length} acknowledged, ${found.length} stored`);
  }
  const regs = await db
    .select()
    .from(registrations)
    .where(inArray(registrations.activityId, scenario.activityIds));
  for (const a of await db.select().from(activities).where(inArray(activities.id, scenario.activityIds))) {
    const holding = regs.filter((r) => r.activityId === a.id && HOLDS_PLACE.includes(r.status)).length;
    if (a.taken !== holding)
      problems.push(`activity ${a.code}: taken ${a.taken}, registrations holding ${holding}`);
    if (a.taken > a.capacity) problems.push(`activity ${a.code}: taken ${a.taken} > capacity ${a.capacity}`);
  }
  for (const orgId of [scenario.orgId, scenario.transitOrgId]) {
    const all = await db.select().from(orders).where(eq(orders.orgId, orgId));
    const lines = await db
      .select({ orderId: orderLines.orderId, n: sql<number>`count(*)::int` })
      .from(orderLines)
      .where(eq(orderLines.orgId, orgId))
      .groupBy(orderLines.orderId);
    const paid = await db
      .select({
        orderId: payments.orderId,
        cents: sql<number>`coalesce(sum(${payments.amountCents}), 0)::int`,
      })
      .from(payments)
      .where(and(eq(payments.orgId, orgId), eq(payments.status, 'succeeded')))
      .groupBy(payments.orderId);
    for (const o of all) {
      if (!lines.some((l) => l.orderId === o.id)) problems.push(`order ${o.reference} has no line`);
      const settled = paid.find((p) => p.orderId === o.id)?.cents ?? 0;
      if (settled !== o.paidCents)
        problems.push(`order ${o.reference}: paid ${o.paidCents}, payments ${settled}`);
    }
    for (const id of ack.paidOrders) {
      const o = all.find((x) => x.id === id);
      if (orgId === scenario.orgId && o?.status !== 'paid')
        problems.push(`paid order ${id} acknowledged, now ${o?.status ?? 'missing'}`);
    }
  }
  const trips = await db.select().from(transitTrips).where(eq(transitTrips.orgId, scenario.transitOrgId));
  for (const id of ack.trips) {
    const t = trips.find((x) => x.id === id);
    if (!t) problems.push(`trip ${id} acknowledged, missing`);
    else if (t.status !== 'confirmed' || !t.shiftId || !t.vehicleId)
      problems.push(`trip ${t.reference} acknowledged, now ${t.status} without its seat`);
  }
  for (const t of trips)
    if (t.status === 'confirmed' && (!t.shiftId || !t.vehicleId))
      problems.push(`trip ${t.reference} confirmed without a vehicle`);
  return problems;
}
