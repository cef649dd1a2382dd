import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Database } from '../../../platform/db/client.ts';
import { newId } from '../../../platform/db/ids.ts';
import { inOrg, scopeOf } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { JobQueue } from '../../../platform/jobs/queue.ts';
import { type AlertView, toAlertView } from './alert-view.ts';
import { type AlertArea, closedPolygon, type LatLon } from './area.ts';
import { findEvent } from './event-codes.ts';
import { requireAlertStaff } from './policies.ts';
import { alerts } from './schema.ts';
import type { AlertInput } from './schemas.ts';
import { resolveSectors } from './sectors.ts';
import { sendAlert } from './send-alert.ts';
import { capUrlOf } from './urls.ts';

const MAX_EXPIRY_MS = 30 * 86_400_000;

/** The area as the alert keeps it: a checked, closed polygon, or a copy of the chosen sectors. */
async function areaOf(db: Database, orgId: string, input: AlertInput['area']): Promise<AlertArea> {
  if (input.kind === 'polygon') {
    const ring = closedPolygon(input.points as LatLon[]);
    if ('problem' in ring) throw new AppError(ring.problem, 422);
    return { kind: 'polygon', points: ring.points };
  }
  if (input.kind === 'sectors')
    return { kind: 'sectors', sectors: await resolveSectors(db, orgId, input.sectorIds) };
  if (input.kind === 'circle')
    return { kind: 'circle', center: input.center as LatLon, radiusKm: input.radiusKm };
  return { kind: 'territory' };
}

function columns(input: AlertInput, area: AlertArea) {
  if (!findEvent(input.eventCode)) throw new AppError('alert.event_unknown', 422);
  const expires = Date.parse(input.expiresAt);
  if (!(expires > Date.now()) || expires - Date.now() > MAX_EXPIRY_MS)
    throw new AppError('alert.expiry_invalid', 422);
  return {
    eventCode: input.eventCode,
    urgency: input.urgency,
    severity: input.severity,
    certainty: input.certainty,
    headlineFr: input.headline.fr,
    headlineEn: input.headline.en,
    descriptionFr: input.description.fr,
    descriptionEn: input.description.en,
    instructionFr: input.instruction.fr,
    instructionEn: input.instruction.en,
    areaDescFr: input.areaDesc.fr,
    areaDescEn: input.areaDesc.en,
    area,
    expiresAt: new Date(expires),
    status: input.test ? ('Test' as const) : ('Actual' as const),
  };
}

/**
 * Authorised staff write an alert, or an update or cancellation of the latest message of a chain
 * (`references`). Without approval it goes out at once; with approval it waits for a second person.
 * Audited.
 */
export async function composeAlert(options: {
  db: Database;
  jobs: JobQueue;
  publicUrl: string;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  input: AlertInput;
  msgType: 'Alert' | 'Update' | 'Cancel';
  referencesId?: string;
}): Promise<AlertView> {
  const who = requireAlertStaff(options.auth, options.orgId);
  return writeAlert({ ...options, actorAccountId: who.account.id });
}

/**
 * composeAlert without its policy, for a caller that answers for it: an event of another module (a
 * boil-water advisory) that the citizen module turns into an alert. `actorAccountId` is who caused it.
 */
export async function writeAlert(options: {
  db: Database;
  jobs: JobQueue;
  publicUrl: string;
  actorAccountId: string | null;
  ip: string | null;
  orgId: string;
  input: AlertInput;
  msgType: 'Alert' | 'Update' | 'Cancel';
  referencesId?: string;
}): Promise<AlertView> {
  const values = columns(options.input, await areaOf(options.db, options.orgId, options.input.area));
  let rootId: string | null = null;
  if (options.msgType !== 'Alert') {
    const [previous] = await options.db
      .select()
      .from(alerts)
      .where(inOrg(alerts, options.orgId, eq(alerts.id, options.referencesId ?? '')));
    if (previous?.state !== 'sent') throw new AppError('alert.not_found', 404);
    if (previous.supersededAt || previous.msgType === 'Cancel') throw new AppError('alert.not_current', 409);
    rootId = previous.rootId;
    // A test chain stays a test, and a real one stays real.
    values.status = previous.status;
  }
  const id = newId();
  const inserted = await options.db
    .insert(alerts)
    .values(
      scopeOf(options.orgId).rows({
        id,
        ...values,
        msgType: options.msgType,
        referencesId: options.referencesId ?? null,
        rootId: rootId ?? id,
        state: options.input.requireApproval ? ('pending_approval' as const) : ('sent' as const),
        createdBy: options.actorAccountId,
      }),
    )
    // The unique (org, references) key: a second update of the same message loses here.
    .onConflictDoNothing()
    .returning();
  const row = inserted[0];
  if (!row) throw new AppError('alert.not_current', 409);
  await recordAudit(options.db, {
    orgId: options.orgId,
    actorAccountId: options.actorAccountId,
    action: `citizen.alert_${options.msgType.toLowerCase()}_${options.input.requireApproval ? 'drafted' : 'sent'}`,
    targetType: 'citizen_alert',
    targetId: row.id,
    ip: options.ip,
    details: { status: row.status, eventCode: row.eventCode },
  });
  if (options.input.requireApproval) return toAlertView(row, null);
  const sent = await sendAlert({ ...options, row: { ...row, state: 'pending_approval' } }).catch(
    async (e) => {
      // The chain moved on meanwhile: this message never went out.
      await options.db.delete(alerts).where(inOrg(alerts, options.orgId, eq(alerts.id, row.id)));
      throw e;
    },
  );
  return toAlertView(sent, await capUrlOf(options.db, options.publicUrl, sent));
}

/** A second authorised person approves (and so sends) or refuses an alert waiting for approval. Audited. */
export async function decideAlert(options: {
  db: Database;
  jobs: JobQueue;
  publicUrl: string;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  alertId: string;
  approve: boolean;
}): Promise<AlertView> {
  const who = requireAlertStaff(options.auth, options.orgId);
  const [current] = await options.db
    .select({ createdBy: alerts.createdBy })
    .from(alerts)
    .where(inOrg(alerts, options.orgId, eq(alerts.id, options.alertId)));
  if (!current) throw new AppError('alert.not_found', 404);
  if (current.createdBy === who.account.id) throw new AppError('alert.self_approval', 403);
  // Claimed with one conditional UPDATE: two approvers clicking at once send it once.
  const [claimed] = await options.db
    .update(alerts)
    .set({ state: options.approve ? 'sent' : 'rejected', approvedBy: who.account.id })
    .where(inOrg(alerts, options.orgId, eq(alerts.id, options.alertId), eq(alerts.state, 'pending_approval')))
    .returning();
  if (!claimed) throw new AppError('alert.not_pending', 409);
  await recordAudit(options.db, {
    orgId: options.orgId,
    actorAccountId: who.account.id,
    action: options.approve ? 'citizen.alert_approved' : 'citizen.alert_rejected',
    targetType: 'citizen_alert',
    targetId: claimed.id,
    ip: options.ip,
  });
  if (!options.approve) return toAlertView(claimed, null);
  const sent = await sendAlert({ ...options, row: claimed, approvedBy: who.account.id }).catch(async (e) => {
    await options.db
      .update(alerts)
      .set({ state: 'rejected' })
      .where(inOrg(alerts, options.orgId, eq(alerts.id, claimed.id)));
    throw e;
  });
  return toAlertView(sent, await capUrlOf(options.db, options.publicUrl, sent));
}
