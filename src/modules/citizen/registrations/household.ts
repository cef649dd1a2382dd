import { eq, inArray } from 'drizzle-orm';
import type { AuthContext } from '../../../platform/auth/context.ts';
import { requireAccount } from '../../../platform/auth/policies.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { persons } from '../../../platform/people/schema.ts';
import { type PersonRow, selfPerson } from '../../../platform/people/self-person.ts';

/** The signed-in person and the members of their household, read once for a whole cart. */
export interface Household {
  accountId: string;
  self: PersonRow;
  members: PersonRow[];
}

/** Loads the signed-in person's household. */
export async function loadHousehold(db: Executor, auth: AuthContext | null): Promise<Household> {
  const who = requireAccount(auth);
  // One round trip in the usual case (the person exists): the whole household of the account's person.
  const mine = db
    .select({ householdId: persons.householdId })
    .from(persons)
    .where(eq(persons.accountId, who.account.id));
  let members = await db.select().from(persons).where(inArray(persons.householdId, mine));
  let self = members.find((m) => m.accountId === who.account.id);
  if (!self) {
    self = await selfPerson(db, who.account);
    members = await db.select().from(persons).where(eq(persons.householdId, self.householdId));
  }
  return { accountId: who.account.id, self, members };
}

/**
 * The member a guardian may act for (themselves or a dependant), with the same answers as the platform's
 * assertCanActFor: 404 outside the household, 403 for another adult.
 */
export function memberToActFor(household: Household, personId: string): PersonRow {
  const target = household.members.find((m) => m.id === personId);
  if (!target) throw new AppError('household.not_member', 404);
  if (target.id === household.self.id) return target;
  if (household.self.role !== 'guardian' || target.role !== 'dependant')
    throw new AppError('household.cannot_act_for', 403);
  return target;
}
