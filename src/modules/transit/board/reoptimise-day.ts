import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Database } from '../../../platform/db/client.ts';
import { readAssignments } from '../bookings/day-plan.ts';
import { loadDayPlan, loadService, saveAssignments } from '../bookings/load-day.ts';
import { reoptimise } from '../dispatch/dynamic-reoptimise.ts';
import { requireDispatcher } from '../policies.ts';

/**
 * Re-plans the day's routes with the solver's large-neighbourhood search. Every window is the promise
 * made to its rider, so the new plan keeps every promise; it is written only if it drives less.
 */
export async function reoptimiseDay(options: {
  db: Database;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  now?: Date;
}): Promise<{ beforeMinutes: number; afterMinutes: number; trips: number }> {
  const who = requireDispatcher(options.auth, options.orgId);
  const { db, orgId } = options;
  const now = options.now ?? new Date();
  return db.transaction(async (tx) => {
    const service = await loadService(tx, orgId, true);
    const plan = await loadDayPlan(tx, { orgId, service, at: now, now });
    const { before, after } = reoptimise(plan.state, { seed: now.getTime() % 1_000_000, maxIterations: 400 });
    const assignments = readAssignments(plan);
    if (after < before - 1e-9) await saveAssignments(tx, orgId, assignments);
    await recordAudit(tx, {
      orgId,
      actorAccountId: who.account.id,
      ip: options.ip,
      action: 'transit.board.reoptimise',
      details: { before, after, trips: assignments.length },
    });
    return { beforeMinutes: before, afterMinutes: after, trips: assignments.length };
  });
}
