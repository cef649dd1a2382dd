import { and, between, eq, gte, isNotNull, isNull, or } from 'drizzle-orm';
import { memberships } from '../../../platform/auth/schema.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { addresses } from '../../../platform/geo/schema.ts';
import { todayInQuebec } from '../../../platform/people/birth-date.ts';
import { persons } from '../../../platform/people/schema.ts';
import { residencies } from '../residency/schema.ts';
import { type AlertArea, boundsOf, inArea } from './area.ts';
import { alertSubscriptions } from './schema.ts';

/**
 * The accounts an alert reaches: everyone of a resident household whose address lies in the area, plus
 * the subscribers of the area (whole territory, or a point inside the area). A test alert reaches the
 * organisation's staff only. Addresses are prefiltered by bounding box on their indexed coordinates,
 * then tested exactly.
 */
export async function alertRecipients(
  db: Executor,
  options: { orgId: string; area: AlertArea; test: boolean },
): Promise<string[]> {
  const { orgId, area } = options;
  if (options.test) {
    const staff = await db
      .selectDistinct({ accountId: memberships.accountId })
      .from(memberships)
      .where(eq(memberships.orgId, orgId));
    return staff.map((s) => s.accountId);
  }
  const box = boundsOf(area);
  const ids = new Set<string>();
  const residents = await db
    .select({ accountId: persons.accountId, latitude: addresses.latitude, longitude: addresses.longitude })
    .from(residencies)
    .innerJoin(persons, eq(persons.householdId, residencies.householdId))
    .leftJoin(addresses, and(eq(addresses.orgId, residencies.orgId), eq(addresses.id, residencies.addressId)))
    .where(
      inOrg(
        residencies,
        orgId,
        eq(residencies.status, 'active'),
        or(isNull(residencies.expiresOn), gte(residencies.expiresOn, todayInQuebec())),
        isNotNull(persons.accountId),
        box ? between(addresses.latitude, box.south, box.north) : undefined,
        box ? between(addresses.longitude, box.west, box.east) : undefined,
      ),
    );
  for (const r of residents) {
    if (!r.accountId) continue;
    if (area.kind === 'territory') ids.add(r.accountId);
    else if (r.latitude !== null && r.longitude !== null && inArea([r.latitude, r.longitude], area)) {
      ids.add(r.accountId);
    }
  }
  const subscribers = await db.select().from(alertSubscriptions).where(inOrg(alertSubscriptions, orgId));
  for (const s of subscribers) {
    const whole = s.latitude === null || s.longitude === null;
    if (whole || inArea([s.latitude as number, s.longitude as number], area)) ids.add(s.accountId);
  }
  return [...ids];
}
