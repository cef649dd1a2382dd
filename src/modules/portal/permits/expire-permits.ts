import { and, inArray, lt } from 'drizzle-orm';
import type { Database } from '../../../platform/db/client.ts';
import { permitApplications } from './schema.ts';
import { applyTransition, lockApplication } from './transition.ts';

/** Nightly: issued permits past their validity without a final inspection expire (each in its transaction). */
export async function expirePermits(options: { db: Database; now?: Date }): Promise<number> {
  const { db } = options;
  const now = options.now ?? new Date();
  // Across organisations on purpose: a system job; each file is then moved inside its own organisation.
  const due = await db
    .select({ orgId: permitApplications.orgId, id: permitApplications.id })
    .from(permitApplications)
    .where(and(inArray(permitApplications.status, ['issued']), lt(permitApplications.expiresAt, now)));
  let expired = 0;
  for (const file of due) {
    await db.transaction(async (tx) => {
      const row = await lockApplication(tx, file.orgId, file.id);
      if (row.status !== 'issued' || !row.expiresAt || row.expiresAt >= now) return;
      await applyTransition(tx, row, { action: 'expire', actor: 'system', actorAccountId: null });
      expired++;
    });
  }
  return expired;
}
