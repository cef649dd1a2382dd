import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Database } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { requireRequestManager } from './policies.ts';
import { requestStatuses } from './schema.ts';
import { isPhase, PHASES, type StatusView } from './statuses.ts';
import { isUniqueViolation } from './unique-violation.ts';

/**
 * Creates or updates one of the organisation's own statuses ("waiting for the contractor"), which
 * refines a built-in phase after submission. Its code may not be a built-in one.
 */
export async function saveStatus(options: {
  db: Database;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  id?: string;
  input: { code: string; labelFr: string; labelEn: string; phase: string; active?: boolean };
}): Promise<StatusView> {
  const { db, orgId, input } = options;
  const who = requireRequestManager(options.auth, orgId);
  if (!isPhase(input.phase) || input.phase === 'submitted') throw new AppError('requests.phase_invalid', 400);
  if ((PHASES as readonly string[]).includes(input.code))
    throw new AppError('requests.code_taken', 409, { params: { code: input.code } });
  const values = {
    code: input.code,
    labelFr: input.labelFr.trim(),
    labelEn: input.labelEn.trim(),
    phase: input.phase,
    active: input.active ?? true,
  };
  try {
    const [row] = options.id
      ? await db
          .update(requestStatuses)
          .set(values)
          .where(inOrg(requestStatuses, orgId, eq(requestStatuses.id, options.id)))
          .returning()
      : await db
          .insert(requestStatuses)
          .values({ orgId, ...values })
          .returning();
    if (!row) throw new AppError('requests.status_unknown', 404);
    await recordAudit(db, {
      orgId,
      actorAccountId: who.account.id,
      action: 'requests.status_save',
      targetType: 'request_status',
      targetId: row.id,
      ip: options.ip,
      details: { code: row.code },
    });
    return {
      id: row.id,
      code: row.code,
      phase: input.phase,
      label: { fr: row.labelFr, en: row.labelEn },
      custom: true,
    };
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError('requests.code_taken', 409, { params: { code: input.code } });
    throw error;
  }
}
