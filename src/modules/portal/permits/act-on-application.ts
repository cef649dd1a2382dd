import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Database } from '../../../platform/db/client.ts';
import { nextReference } from '../../../platform/db/references.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { JobQueue } from '../../../platform/jobs/queue.ts';
import { getOrganisation } from '../../../platform/orgs/get-organisation.ts';
import { applicationView } from './application-view.ts';
import { quebecDate } from './legal-clock.ts';
import { notifyApplicant } from './notifications.ts';
import { requirePermitStaff } from './policies.ts';
import { permitTypes } from './schema.ts';
import { applyTransition, lockApplication } from './transition.ts';

/** What staff do to a file. */
export type StaffAction =
  | 'mark_complete'
  | 'request_info'
  | 'schedule_inspection'
  | 'approve'
  | 'refuse'
  | 'schedule_final_inspection'
  | 'close';

/** An expiry `months` after a date (the same day of the month, or the month's last day). */
export function addMonths(from: Date, months: number): Date {
  const d = new Date(from);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

/**
 * Staff move a file: completeness check, request for information (the legal clock stops; a message is
 * required), inspection scheduling, approval with conditions (the permit gets its number, validity and
 * verification token), refusal with reasons, final inspection, closing. Audited; the applicant is told.
 */
export async function actOnApplication(options: {
  db: Database;
  jobs: JobQueue;
  publicUrl: string;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  applicationId: string;
  input: {
    action: StaffAction;
    message?: string;
    conditions?: string;
    reason?: string;
    scheduledAt?: string;
  };
}) {
  const who = requirePermitStaff(options.auth, options.orgId);
  const { db, orgId, input } = options;
  const org = await getOrganisation({ db, idOrSlug: orgId });
  const message = input.message?.trim().slice(0, 4000) || null;
  const scheduledAt = input.scheduledAt ? new Date(input.scheduledAt) : null;
  if (input.action === 'request_info' && !message) throw new AppError('permit.message_required', 422);
  if (input.action === 'refuse' && !input.reason?.trim()) throw new AppError('permit.reason_required', 422);
  if (
    (input.action === 'schedule_inspection' || input.action === 'schedule_final_inspection') &&
    (!scheduledAt || Number.isNaN(scheduledAt.getTime()))
  )
    throw new AppError('permit.date_required', 422);
  const { row, typeName } = await db.transaction(async (tx) => {
    const current = await lockApplication(tx, orgId, options.applicationId);
    const [type] = await tx
      .select()
      .from(permitTypes)
      .where(inOrg(permitTypes, orgId, eq(permitTypes.id, current.typeId)));
    if (!type) throw new AppError('permit.type_not_found', 404);
    const now = new Date();
    let changes = {};
    let note = message;
    switch (input.action) {
      case 'schedule_inspection':
        changes = { inspectionAt: scheduledAt };
        break;
      case 'schedule_final_inspection':
        changes = { finalInspectionAt: scheduledAt };
        break;
      case 'approve': {
        const permitNumber = await nextReference(tx, {
          orgId,
          prefix: `${org.refPrefix}-P`,
          kind: 'permit_number',
          year: Number(quebecDate(now).slice(0, 4)),
        });
        const conditions = input.conditions?.trim().slice(0, 4000) || null;
        changes = {
          permitNumber,
          issuedAt: now,
          decidedAt: now,
          expiresAt: addMonths(now, type.validityMonths),
          conditions,
          verificationToken: randomBytes(18).toString('base64url'),
        };
        note = conditions ?? message;
        break;
      }
      case 'refuse':
        changes = { decidedAt: now, refusalReason: input.reason?.trim().slice(0, 4000) };
        note = input.reason?.trim() ?? null;
        break;
      case 'close':
        changes = { closedAt: now };
        break;
    }
    const moved = await applyTransition(tx, current, {
      action: input.action,
      actor: 'staff',
      actorAccountId: who.account.id,
      message: note,
      scheduledAt,
      changes,
    });
    await recordAudit(tx, {
      orgId,
      actorAccountId: who.account.id,
      action: `permit.${input.action}`,
      targetType: 'permit_application',
      targetId: current.id,
      subjectAccountId: current.applicantAccountId,
      ip: options.ip,
      details: { reference: current.reference, from: current.status, to: moved.status },
    });
    return { row: moved, typeName: { fr: type.nameFr, en: type.nameEn } };
  });
  await notifyApplicant(
    { db, jobs: options.jobs, publicUrl: options.publicUrl },
    { ...row, orgSlug: org.slug, typeName, message: row.status === 'refused' ? row.refusalReason : message },
  );
  return applicationView(db, row, 'staff');
}
