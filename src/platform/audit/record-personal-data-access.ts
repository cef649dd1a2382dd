import type { Executor } from '../db/client.ts';
import { recordAudit } from './record-audit.ts';

/** The audit action of every staff read of someone's personal data. */
export const PERSONAL_DATA_ACCESS = 'personal_data.access';

/**
 * Records that a staff member opened a person's personal data (Law 25: staff access is traceable).
 * Call it from any use case that shows staff one person's file, message or document. `purpose` says
 * why, in the module's words (`outbox.read`, `registration.view` …); keep personal data out of `details`.
 */
export async function recordPersonalDataAccess(
  db: Executor,
  entry: {
    orgId: string | null;
    actorAccountId: string;
    subjectAccountId: string | null;
    ip?: string | null;
    targetType: string;
    targetId: string;
    purpose: string;
    details?: Record<string, unknown>;
  },
): Promise<void> {
  await recordAudit(db, {
    orgId: entry.orgId,
    actorAccountId: entry.actorAccountId,
    action: PERSONAL_DATA_ACCESS,
    targetType: entry.targetType,
    targetId: entry.targetId,
    subjectAccountId: entry.subjectAccountId,
    ip: entry.ip ?? null,
    details: { purpose: entry.purpose, ...entry.details },
  });
}
