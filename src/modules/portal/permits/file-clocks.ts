import { asc, inArray } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { elapsedBusinessDays } from './legal-clock.ts';
import { permitEvents } from './schema.ts';
import { clockPeriods } from './state-machine.ts';

/** Business days elapsed on the legal clock of several files, from their histories (one query). */
export async function elapsedDaysOf(
  db: Executor,
  orgId: string,
  ids: readonly string[],
  now = new Date(),
): Promise<Map<string, number>> {
  const result = new Map<string, number>();
  if (ids.length === 0) return result;
  const events = await db
    .select({
      applicationId: permitEvents.applicationId,
      status: permitEvents.toStatus,
      at: permitEvents.createdAt,
    })
    .from(permitEvents)
    .where(inOrg(permitEvents, orgId, inArray(permitEvents.applicationId, [...ids])))
    .orderBy(asc(permitEvents.createdAt), asc(permitEvents.id));
  const byFile = new Map<string, Array<{ status: (typeof events)[number]['status']; at: Date }>>();
  for (const e of events) {
    const list = byFile.get(e.applicationId) ?? [];
    list.push({ status: e.status, at: e.at });
    byFile.set(e.applicationId, list);
  }
  for (const id of ids) result.set(id, elapsedBusinessDays(clockPeriods(byFile.get(id) ?? []), now));
  return result;
}
