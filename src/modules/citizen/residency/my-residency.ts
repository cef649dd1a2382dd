import { and, desc, eq, sql } from 'drizzle-orm';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Database, Executor } from '../../../platform/db/client.ts';
import { scopeOf } from '../../../platform/db/tenancy.ts';
import { addresses } from '../../../platform/geo/schema.ts';
import { searchAddresses } from '../../../platform/geo/search-addresses.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { todayInQuebec } from '../../../platform/people/birth-date.ts';
import { addYears, revokeHouseholdCards } from '../cards/issue-cards.ts';
import { loadHousehold } from '../registrations/household.ts';
import { renewalOpensOn } from './activate-residency.ts';
import { RESIDENCY_YEARS, type ResidencyView, residencyView } from './residency-view.ts';
import { type ResidentStanding, residentStanding } from './resident-status.ts';
import { householdRecords, residencies } from './schema.ts';

/** The household's standing in a town, its latest residency there and when renewal opens. */
export async function getMyResidency(options: {
  db: Executor;
  auth: AuthContext | null;
  orgId: string;
}): Promise<{ standing: ResidentStanding; residency: ResidencyView | null; renewalOpensOn: string | null }> {
  const household = await loadHousehold(options.db, options.auth);
  const standing = await residentStanding(options.db, {
    orgId: options.orgId,
    householdId: household.self.householdId,
  });
  const [latest] = await options.db
    .select()
    .from(residencies)
    .where(scopeOf(options.orgId).where(residencies, eq(residencies.householdId, household.self.householdId)))
    .orderBy(desc(residencies.createdAt))
    .limit(1);
  return {
    standing,
    residency: latest ? residencyView(latest) : null,
    renewalOpensOn: latest?.status === 'active' && latest.expiresOn ? renewalOpensOn(latest.expiresOn) : null,
  };
}

/**
 * Renews an active residency from its renewal period on, when its proof can be checked again without
 * the person: the address is still in the register, or the household is still in the town's import.
 * A document proof needs a new proof (and staff); the answer says so.
 */
export async function renewResidency(options: {
  db: Database;
  auth: AuthContext | null;
  orgId: string;
}): Promise<ResidencyView> {
  const { db, orgId } = options;
  const household = await loadHousehold(db, options.auth);
  const scope = scopeOf(orgId);
  const [current] = await db
    .select()
    .from(residencies)
    .where(
      scope.where(
        residencies,
        and(eq(residencies.householdId, household.self.householdId), eq(residencies.status, 'active')),
      ),
    );
  if (!current?.expiresOn) throw new AppError('residency.none', 404);
  const today = todayInQuebec();
  const opens = renewalOpensOn(current.expiresOn);
  if (today < opens) throw new AppError('residency.renewal_too_early', 409, { params: { from: opens } });
  let stillProven = false;
  if (current.proof === 'address' && current.addressId) {
    const [address] = await db
      .select({ id: addresses.id })
      .from(addresses)
      .where(scope.where(addresses, eq(addresses.id, current.addressId)));
    stillProven = !!address;
  } else if (current.proof === 'address' && current.addressLabel) {
    stillProven =
      (await searchAddresses({ db, orgId, input: { q: current.addressLabel, limit: 1 } })).length > 0;
  } else if (current.proof === 'household_import' && current.recordId) {
    const [record] = await db
      .select({ id: householdRecords.id })
      .from(householdRecords)
      .where(scope.where(householdRecords, eq(householdRecords.id, current.recordId)));
    stillProven = !!record;
  }
  if (!stillProven) throw new AppError('residency.renewal_needs_proof', 409);
  const base = [current.expiresOn, today].sort()[1] ?? today;
  const [renewed] = await db
    .update(residencies)
    .set({ expiresOn: addYears(base, RESIDENCY_YEARS), decidedAt: sql`now()`, updatedAt: sql`now()` })
    .where(scope.where(residencies, eq(residencies.id, current.id), eq(residencies.status, 'active')))
    .returning();
  if (!renewed) throw new AppError('residency.none', 404);
  return residencyView(renewed);
}

/** The household moved out of the town: its residency ends and its cards stop working at once. */
export async function declareMove(options: {
  db: Database;
  auth: AuthContext | null;
  orgId: string;
}): Promise<ResidencyView> {
  const { db, orgId } = options;
  const household = await loadHousehold(db, options.auth);
  return db.transaction(async (tx) => {
    const [ended] = await tx
      .update(residencies)
      .set({ status: 'ended', endedAt: sql`now()`, endReason: 'moved', updatedAt: sql`now()` })
      .where(
        scopeOf(orgId).where(
          residencies,
          and(eq(residencies.householdId, household.self.householdId), eq(residencies.status, 'active')),
        ),
      )
      .returning();
    if (!ended) throw new AppError('residency.none', 404);
    await revokeHouseholdCards(tx, {
      orgId,
      householdId: household.self.householdId,
      reason: 'moved',
      byAccountId: household.accountId,
    });
    return residencyView(ended);
  });
}
