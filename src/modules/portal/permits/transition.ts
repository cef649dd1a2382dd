import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.ts';
import { scopeOf } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { permitApplications, permitEvents } from './schema.ts';
import { type Actor, nextStatus, type PermitAction, type PermitStatus } from './state-machine.ts';

/** An application row. */
export type ApplicationRow = typeof permitApplications.$inferSelect;

/** Reads an application with a row lock, inside the caller's transaction (never read-then-write). */
export async function lockApplication(
  db: Executor,
  orgId: string,
  applicationId: string,
): Promise<ApplicationRow> {
  const [row] = await db
    .select()
    .from(permitApplications)
    .where(scopeOf(orgId).where(permitApplications, eq(permitApplications.id, applicationId)))
    .for('update');
  if (!row) throw new AppError('permit.not_found', 404);
  return row;
}

/**
 * Moves a locked application by one action (the state machine decides), writes the new step with the
 * changes the action brings, and records the event. Throws 409 `permit.action_not_allowed` otherwise.
 */
export async function applyTransition(
  db: Executor,
  row: ApplicationRow,
  move: {
    action: PermitAction;
    actor: Actor;
    actorAccountId: string | null;
    message?: string | null;
    scheduledAt?: Date | null;
    changes?: Partial<typeof permitApplications.$inferInsert>;
    feeCents?: number;
  },
): Promise<ApplicationRow> {
  const to = nextStatus(row.status, move.action, move.actor, {
    kind: row.kind,
    feeCents: move.feeCents ?? row.feeCents,
  });
  if (!to)
    throw new AppError('permit.action_not_allowed', 409, {
      params: { action: move.action, status: row.status },
    });
  const [updated] = await db
    .update(permitApplications)
    .set({ ...move.changes, status: to, updatedAt: sql`now()` })
    .where(scopeOf(row.orgId).where(permitApplications, eq(permitApplications.id, row.id)))
    .returning();
  if (!updated) throw new AppError('permit.not_found', 404);
  await recordPermitEvent(db, {
    orgId: row.orgId,
    applicationId: row.id,
    actor: move.actor,
    actorAccountId: move.actorAccountId,
    action: move.action,
    fromStatus: row.status,
    toStatus: to,
    message: move.message ?? null,
    scheduledAt: move.scheduledAt ?? null,
  });
  return updated;
}

/** Appends an event to a file's history. */
export async function recordPermitEvent(
  db: Executor,
  event: {
    orgId: string;
    applicationId: string;
    actor: Actor;
    actorAccountId: string | null;
    action: PermitAction | 'create';
    fromStatus: PermitStatus | null;
    toStatus: PermitStatus;
    message?: string | null;
    scheduledAt?: Date | null;
  },
): Promise<void> {
  await db
    .insert(permitEvents)
    .values(scopeOf(event.orgId).rows({ ...event, message: event.message ?? null }));
}
