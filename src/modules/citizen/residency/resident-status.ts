import { and, eq, gte, inArray } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.ts';
import { partnersFor } from '../../../platform/orgs/get-organisation.ts';
import { todayInQuebec } from '../../../platform/people/birth-date.ts';
import { residencies } from './schema.ts';

/** A household's standing in a town for recreation: its own resident, a partner town's, or neither. */
export interface ResidentStanding {
  category: 'resident' | 'partner' | 'non_resident';
  /** The town whose residency counts (null for non-residents). */
  residentOrgId: string | null;
  expiresOn: string | null;
}

// Partnerships change a few times a year while registrations read them thousands of times an hour.
const PARTNER_TTL_MS = 30_000;
const partnerCache = new WeakMap<Executor, Map<string, { at: number; ids: Promise<string[]> }>>();

/** The towns whose residents count as residents of `orgId` for recreation (itself first), cached briefly. */
export function recreationPartners(db: Executor, orgId: string): Promise<string[]> {
  let byOrg = partnerCache.get(db);
  if (!byOrg) {
    byOrg = new Map();
    partnerCache.set(db, byOrg);
  }
  const hit = byOrg.get(orgId);
  if (hit && Date.now() - hit.at < PARTNER_TTL_MS) return hit.ids;
  const ids = partnersFor({ db, orgId, scope: 'recreation' });
  ids.catch(() => byOrg.delete(orgId));
  byOrg.set(orgId, { at: Date.now(), ids });
  return ids;
}

/** Forgets cached partnerships (tests that create partnerships on the fly). */
export function forgetPartners(db: Executor): void {
  partnerCache.delete(db);
}

/**
 * Whether a household is a resident of `orgId`: an active, unexpired residency there, or in a town of a
 * `recreation` partnership (partner residents have resident status, at the partner price).
 */
export async function residentStanding(
  db: Executor,
  options: { orgId: string; householdId: string; today?: string },
): Promise<ResidentStanding> {
  const today = options.today ?? todayInQuebec();
  const towns = await recreationPartners(db, options.orgId);
  const rows = await db
    .select({ orgId: residencies.orgId, expiresOn: residencies.expiresOn })
    .from(residencies)
    .where(
      and(
        // Deliberately across the partner towns: the household's residency elsewhere is what counts here.
        inArray(residencies.orgId, towns),
        eq(residencies.householdId, options.householdId),
        eq(residencies.status, 'active'),
        gte(residencies.expiresOn, today),
      ),
    );
  const own = rows.find((r) => r.orgId === options.orgId);
  if (own) return { category: 'resident', residentOrgId: own.orgId, expiresOn: own.expiresOn };
  const partner = rows[0];
  if (partner) return { category: 'partner', residentOrgId: partner.orgId, expiresOn: partner.expiresOn };
  return { category: 'non_resident', residentOrgId: null, expiresOn: null };
}
