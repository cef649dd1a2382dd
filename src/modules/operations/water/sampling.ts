import { and, asc, between, eq, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Database, Executor } from '../../../platform/db/client.ts';
import { inOrg, scopeOf } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { JobQueue } from '../../../platform/jobs/queue.ts';
import { notify } from '../../../platform/notify/notify.ts';
import { requireOperationsStaff } from '../data/policies.ts';
import { opsStations } from '../data/schema.ts';
import { staffUrl } from '../data/staff-url.ts';
import { WATER_EXCEEDANCE } from './notifications.ts';
import { onCallAt } from './page-on-call.ts';
import {
  bacteriologicalBreaches,
  extremitySamplesRequired,
  monthlySamplesRequired,
  resamplesPerDay,
  samplingPlan,
} from './rules.ts';
import { opsExceedances, opsSamples } from './schema.ts';

/** The population served by the organisation's drinking-water system (its treatment outlets' figure). */
export async function populationServed(db: Executor, orgId: string): Promise<number | null> {
  const [row] = await db
    .select({ p: sql<number | null>`max(${opsStations.populationServed})` })
    .from(opsStations)
    .where(inOrg(opsStations, orgId, eq(opsStations.kind, 'treatment_outlet')));
  return row?.p === null || row?.p === undefined ? null : Number(row.p);
}

function monthBounds(month: string): { first: string; last: string; year: number; m: number } {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const days = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return { first: `${month}-01`, last: `${month}-${String(days).padStart(2, '0')}`, year, m };
}

/** The month's samples with what the regulation requires, as the calendar shows them. */
export async function samplingCalendar(options: {
  db: Executor;
  auth: AuthContext | null;
  orgId: string;
  month: string;
}) {
  requireOperationsStaff(options.auth, options.orgId);
  return calendarOf(options.db, options.orgId, options.month);
}

async function calendarOf(db: Executor, orgId: string, month: string) {
  const population = await populationServed(db, orgId);
  const { first, last } = monthBounds(month);
  const samples = await db
    .select({
      sample: opsSamples,
      stationFr: opsStations.nameFr,
      stationEn: opsStations.nameEn,
      extremity: opsStations.networkExtremity,
    })
    .from(opsSamples)
    .innerJoin(
      opsStations,
      and(eq(opsStations.orgId, opsSamples.orgId), eq(opsStations.id, opsSamples.stationId)),
    )
    .where(inOrg(opsSamples, orgId, between(opsSamples.plannedFor, first, last)))
    .orderBy(asc(opsSamples.plannedFor));
  const routine = samples.filter((s) => s.sample.purpose === 'routine' && s.sample.status !== 'cancelled');
  return {
    month,
    populationServed: population,
    required: population === null ? null : monthlySamplesRequired(population),
    extremityRequired: population === null ? null : extremitySamplesRequired(population),
    planned: routine.length,
    taken: routine.filter((s) => s.sample.status !== 'planned').length,
    extremityTaken: routine.filter((s) => s.extremity && s.sample.status !== 'planned').length,
    samples: samples.map((s) => ({
      id: s.sample.id,
      stationId: s.sample.stationId,
      station: { fr: s.stationFr, en: s.stationEn },
      extremity: s.extremity,
      plannedFor: s.sample.plannedFor,
      purpose: s.sample.purpose,
      status: s.sample.status,
      takenAt: s.sample.takenAt?.toISOString() ?? null,
      laboratory: s.sample.laboratory,
      eColi: s.sample.eColi,
      totalColiforms: s.sample.totalColiforms,
      freeChlorine: s.sample.freeChlorine,
      compliant: s.sample.compliant,
    })),
  };
}

/**
 * Plans the month's routine samples at the network sampling points: as many as s. 11 requires for the
 * population served, half (rounded up) at points marked as extremities (s. 12), spread over the weeks.
 * Samples already planned for the month count; planning twice adds none.
 */
export async function planSamples(options: {
  db: Database;
  auth: AuthContext | null;
  ip: string | null;
  orgId: string;
  month: string;
}) {
  const who = requireOperationsStaff(options.auth, options.orgId);
  const population = await populationServed(options.db, options.orgId);
  if (population === null) throw new AppError('ops.population_missing', 422);
  const { first, last, year, m } = monthBounds(options.month);
  const points = await options.db
    .select({ id: opsStations.id, extremity: opsStations.networkExtremity })
    .from(opsStations)
    .where(
      inOrg(opsStations, options.orgId, eq(opsStations.kind, 'network_point'), eq(opsStations.active, true)),
    )
    .orderBy(opsStations.code);
  if (points.length === 0) throw new AppError('ops.station_not_found', 422);
  const ends = points.filter((p) => p.extremity);
  const others = points.filter((p) => !p.extremity);
  await options.db.transaction(async (tx) => {
    // Serialises two planners of the same organisation and month (advisory lock, released at commit).
    await tx.execute(
      sql`SELECT pg_advisory_xact_lock(hashtext(${`ops-samples:${options.orgId}:${options.month}`}))`,
    );
    const existing = await tx
      .select({ id: opsSamples.id })
      .from(opsSamples)
      .where(
        inOrg(
          opsSamples,
          options.orgId,
          eq(opsSamples.purpose, 'routine'),
          between(opsSamples.plannedFor, first, last),
        ),
      );
    const plan = samplingPlan(
      year,
      m,
      monthlySamplesRequired(population),
      extremitySamplesRequired(population),
    );
    let e = 0;
    let o = 0;
    for (const item of plan.slice(existing.length)) {
      const pool = item.extremity && ends.length ? ends : others.length ? others : ends;
      const station = item.extremity && ends.length ? ends[e++ % ends.length] : pool[o++ % pool.length];
      if (!station) continue;
      await tx.insert(opsSamples).values(
        scopeOf(options.orgId).rows({
          stationId: station.id,
          plannedFor: item.date,
          purpose: 'routine' as const,
        }),
      );
    }
    await recordAudit(tx, {
      orgId: options.orgId,
      actorAccountId: who.account.id,
      action: 'ops.samples.plan',
      targetType: 'ops_samples',
      ip: options.ip,
      details: { month: options.month, population },
    });
  });
  return calendarOf(options.db, options.orgId, options.month);
}

/**
 * Staff enter a lab result. A breach of Schedule 1 opens an exceedance, plans the resampling of s. 39
 * (the daily number for the users concerned, on two days less than 72 hours apart) and alerts the on-call
 * staff at once. The result is written once: a second entry is a 409.
 */
export async function recordLabResult(options: {
  db: Database;
  jobs: JobQueue;
  auth: AuthContext | null;
  ip: string | null;
  orgId: string;
  sampleId: string;
  input: {
    takenAt: string;
    laboratory: string;
    eColi: number;
    totalColiforms: number;
    freeChlorine?: number | null;
  };
}) {
  const who = requireOperationsStaff(options.auth, options.orgId);
  const breaches = bacteriologicalBreaches(options.input);
  const population = (await populationServed(options.db, options.orgId)) ?? 0;
  const opened = await options.db.transaction(async (tx) => {
    const [sample] = await tx
      .update(opsSamples)
      .set({
        status: 'resulted',
        takenAt: new Date(options.input.takenAt),
        laboratory: options.input.laboratory,
        eColi: options.input.eColi,
        totalColiforms: options.input.totalColiforms,
        freeChlorine: options.input.freeChlorine ?? null,
        compliant: breaches.length === 0,
        resultedAt: sql`now()`,
      })
      .where(
        inOrg(
          opsSamples,
          options.orgId,
          eq(opsSamples.id, options.sampleId),
          inArray(opsSamples.status, ['planned', 'taken']),
        ),
      )
      .returning();
    if (!sample) {
      const [exists] = await tx
        .select({ id: opsSamples.id })
        .from(opsSamples)
        .where(inOrg(opsSamples, options.orgId, eq(opsSamples.id, options.sampleId)));
      throw exists
        ? new AppError('ops.sample_already_resulted', 409)
        : new AppError('ops.sample_not_found', 404);
    }
    const created: Array<{
      id: string;
      parameter: 'e_coli' | 'total_coliforms';
      value: number;
      boilWater: boolean;
    }> = [];
    for (const b of breaches) {
      const [row] = await tx
        .insert(opsExceedances)
        .values(
          scopeOf(options.orgId).rows({
            sampleId: sample.id,
            parameter: b.parameter,
            value: b.value,
            status: 'resampling' as const,
          }),
        )
        .returning({ id: opsExceedances.id });
      if (row) created.push({ id: row.id, ...b });
    }
    if (created.length) {
      const perDay = resamplesPerDay(population);
      const taken = new Date(options.input.takenAt);
      for (const offset of [1, 2]) {
        const day = new Date(taken.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
        for (let i = 0; i < perDay; i++)
          await tx.insert(opsSamples).values(
            scopeOf(options.orgId).rows({
              stationId: sample.stationId,
              plannedFor: day,
              purpose: 'resampling' as const,
              exceedanceId: created[0]?.id ?? null,
            }),
          );
      }
    }
    await recordAudit(tx, {
      orgId: options.orgId,
      actorAccountId: who.account.id,
      action: 'ops.sample.result',
      targetType: 'ops_sample',
      targetId: sample.id,
      ip: options.ip,
      details: { ...options.input, compliant: breaches.length === 0 },
    });
    return { sample, created };
  });
  if (opened.created.length) {
    const [station] = await options.db
      .select({ fr: opsStations.nameFr, en: opsStations.nameEn })
      .from(opsStations)
      .where(inOrg(opsStations, options.orgId, eq(opsStations.id, opened.sample.stationId)));
    const url = await staffUrl(options.db, options.orgId, 'water');
    for (const accountId of await onCallAt(options.db, options.orgId, 1))
      for (const e of opened.created)
        await notify(options, {
          accountId,
          orgId: options.orgId,
          category: 'emergency',
          urgency: 'high',
          template: WATER_EXCEEDANCE,
          params: {
            station: station ?? { fr: '', en: '' },
            parameter: e.parameter,
            value: e.value,
            boilWater: e.boilWater,
            url,
          },
        });
  }
  return {
    id: opened.sample.id,
    compliant: breaches.length === 0,
    exceedances: opened.created.map((e) => ({
      id: e.id,
      parameter: e.parameter,
      value: e.value,
      boilWaterRecommended: e.boilWater,
    })),
    resamplesPlanned: opened.created.length ? resamplesPerDay(population) * 2 : 0,
  };
}
