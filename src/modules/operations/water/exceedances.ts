import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import type { PlatformDeps } from '../../../platform/deps.ts';
import { publishDomainEvent } from '../../../platform/events/domain-events.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { requireOperationsStaff } from '../data/policies.ts';
import { opsStations } from '../data/schema.ts';
import { type EXCEEDANCE_STATUSES, opsExceedances, opsSamples } from './schema.ts';

type Status = (typeof EXCEEDANCE_STATUSES)[number];

/** Exceedances with their sample and station, newest first. */
export async function exceedanceRows(db: Executor, orgId: string, ids?: string[]) {
  const rows = await db
    .select({ e: opsExceedances, sample: opsSamples, fr: opsStations.nameFr, en: opsStations.nameEn })
    .from(opsExceedances)
    .innerJoin(
      opsSamples,
      and(eq(opsSamples.orgId, opsExceedances.orgId), eq(opsSamples.id, opsExceedances.sampleId)),
    )
    .innerJoin(
      opsStations,
      and(eq(opsStations.orgId, opsSamples.orgId), eq(opsStations.id, opsSamples.stationId)),
    )
    .where(inOrg(opsExceedances, orgId, ids ? inArray(opsExceedances.id, ids) : undefined))
    .orderBy(desc(opsExceedances.createdAt))
    .limit(200);
  return rows.map((r) => ({
    id: r.e.id,
    sampleId: r.e.sampleId,
    station: { fr: r.fr, en: r.en },
    parameter: r.e.parameter,
    value: r.e.value,
    status: r.e.status,
    boilWaterNotice: r.e.boilWaterNotice,
    noticeIssuedAt: r.e.noticeIssuedAt?.toISOString() ?? null,
    closedAt: r.e.closedAt?.toISOString() ?? null,
    takenAt: r.sample.takenAt?.toISOString() ?? null,
    note: r.e.note,
    createdAt: r.e.createdAt.toISOString(),
  }));
}

/** Staff list exceedances. */
export async function listExceedances(options: { db: Executor; auth: AuthContext | null; orgId: string }) {
  requireOperationsStaff(options.auth, options.orgId);
  return { items: await exceedanceRows(options.db, options.orgId) };
}

/**
 * The next step of an exceedance: `notice` records that users were told (a boil-water notice when
 * `boilWater`, which publishes `water.boil_water_advisory` so the citizen module can alert residents);
 * `close` ends it once resampling came back compliant (a boil-water notice is then lifted).
 */
export async function advanceExceedance(options: {
  db: Executor;
  /** Handed to the subscribers of the boil-water event (they write their own rows and queue jobs). */
  deps: PlatformDeps;
  auth: AuthContext | null;
  ip: string | null;
  orgId: string;
  exceedanceId: string;
  input: { step: 'notice' | 'close'; boilWater?: boolean; note?: string };
}) {
  const who = requireOperationsStaff(options.auth, options.orgId);
  const from: Status[] =
    options.input.step === 'notice' ? ['open', 'resampling'] : ['open', 'resampling', 'notice_issued'];
  const set =
    options.input.step === 'notice'
      ? {
          status: 'notice_issued' as const,
          boilWaterNotice: options.input.boilWater ?? false,
          noticeIssuedAt: sql`now()`,
          note: options.input.note ?? null,
        }
      : { status: 'closed' as const, closedAt: sql`now()`, note: options.input.note ?? null };
  const [row] = await options.db
    .update(opsExceedances)
    .set(set)
    .where(
      inOrg(
        opsExceedances,
        options.orgId,
        eq(opsExceedances.id, options.exceedanceId),
        inArray(opsExceedances.status, from),
      ),
    )
    .returning();
  if (!row) {
    const [exists] = await options.db
      .select({ id: opsExceedances.id })
      .from(opsExceedances)
      .where(inOrg(opsExceedances, options.orgId, eq(opsExceedances.id, options.exceedanceId)));
    throw exists
      ? new AppError('ops.exceedance_step_invalid', 409)
      : new AppError('ops.exceedance_not_found', 404);
  }
  await recordAudit(options.db, {
    orgId: options.orgId,
    actorAccountId: who.account.id,
    action: `ops.exceedance.${options.input.step}`,
    targetType: 'ops_exceedance',
    targetId: row.id,
    ip: options.ip,
    details: options.input,
  });
  const [view] = await exceedanceRows(options.db, options.orgId, [row.id]);
  if (!view) throw new AppError('ops.exceedance_not_found', 404);
  if (row.boilWaterNotice)
    await publishDomainEvent(options.deps, 'water.boil_water_advisory', {
      orgId: options.orgId,
      advisoryId: row.id,
      state: options.input.step === 'notice' ? 'issued' : 'lifted',
      stationName: view.station,
      reason:
        row.parameter === 'e_coli'
          ? {
              fr: 'Présence de bactéries E. coli dans l’eau distribuée',
              en: 'E. coli bacteria found in the distributed water',
            }
          : { fr: 'Dépassement de la norme de coliformes totaux', en: 'Total coliform standard exceeded' },
      at: new Date().toISOString(),
      actorAccountId: who.account.id,
    });
  return view;
}
