import { and, eq, gte, inArray, isNull, or } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.ts';
import { getOrganisation } from '../../../platform/orgs/get-organisation.ts';
import { todayInQuebec } from '../../../platform/people/birth-date.ts';
import { persons } from '../../../platform/people/schema.ts';
import { residencies } from '../residency/schema.ts';
import type { Audience } from './schema.ts';

/** The town and every town it is in partnership with (any scope): "residents of partner towns". */
export async function partnerTowns(db: Executor, orgId: string): Promise<string[]> {
  const view = await getOrganisation({ db, idOrSlug: orgId });
  const ids = new Set([view.id]);
  for (const p of view.partnerships) for (const id of p.orgIds) ids.add(id);
  return [...ids];
}

/**
 * Whether an account belongs to an audience of a town: any account for `everyone`; otherwise its
 * household needs an active residency in the town (or a partner town, or with a postal code of the segment).
 */
export async function inAudience(
  db: Executor,
  options: { orgId: string; accountId: string; audience: Audience; postalPrefixes?: readonly string[] },
): Promise<boolean> {
  if (options.audience === 'everyone') return true;
  const towns = options.audience === 'partners' ? await partnerTowns(db, options.orgId) : [options.orgId];
  const rows = await db
    .select({ postalCode: residencies.postalCode })
    .from(residencies)
    .innerJoin(persons, eq(persons.householdId, residencies.householdId))
    .where(
      and(
        // Deliberately across partner towns for `partners`: a residency elsewhere is what counts here.
        inArray(residencies.orgId, towns),
        eq(persons.accountId, options.accountId),
        eq(residencies.status, 'active'),
        or(isNull(residencies.expiresOn), gte(residencies.expiresOn, todayInQuebec())),
      ),
    );
  if (options.audience !== 'segment') return rows.length > 0;
  const prefixes = (options.postalPrefixes ?? []).map(normalisePrefix);
  return rows.some((r) => {
    const code = normalisePrefix(r.postalCode ?? '');
    return prefixes.some((p) => p.length > 0 && code.startsWith(p));
  });
}

/** `j6e 3a1` → `J6E3A1`: postal codes compared without case or spaces. */
export function normalisePrefix(code: string): string {
  return code.replace(/\s+/g, '').toUpperCase();
}
