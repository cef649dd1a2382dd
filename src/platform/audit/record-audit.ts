import type { FastifyRequest } from 'fastify';
import type { Executor } from '../db/client.ts';
import { auditLog } from './schema.ts';

/** One audit entry: a staff action, or staff access to someone's personal data. */
export interface AuditEntry {
  orgId: string | null;
  actorAccountId: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  subjectAccountId?: string | null;
  ip?: string | null;
  details?: Record<string, unknown>;
}

/** Appends an entry to the audit log (inside the caller's transaction when given one). */
export async function recordAudit(db: Executor, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    orgId: entry.orgId,
    actorAccountId: entry.actorAccountId,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    subjectAccountId: entry.subjectAccountId ?? null,
    ip: entry.ip ?? null,
    details: entry.details ?? null,
  });
}

/** The actor and address of a request, for audit entries. */
export function auditActor(request: FastifyRequest): { actorAccountId: string | null; ip: string } {
  return { actorAccountId: request.auth?.account.id ?? null, ip: request.ip };
}
