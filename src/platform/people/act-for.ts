import { and, eq } from 'drizzle-orm';
import type { AuthContext } from '../auth/context.ts';
import { requireAccount } from '../auth/policies.ts';
import type { Executor } from '../db/client.ts';
import { AppError } from '../http/errors.ts';
import { persons } from './schema.ts';
import { type PersonRow, selfPerson } from './self-person.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Someone else's household answers exactly like a person who does not exist: ids reveal nothing.
const notMember = () => new AppError('household.not_member', 404);

async function memberOfOwnHousehold(
  db: Executor,
  auth: AuthContext | null,
  personId: string,
): Promise<{ self: PersonRow; target: PersonRow; accountId: string }> {
  const who = requireAccount(auth);
  if (!UUID.test(personId)) throw notMember();
  const self = await selfPerson(db, who.account);
  if (self.id === personId) return { self, target: self, accountId: who.account.id };
  const [target] = await db
    .select()
    .from(persons)
    .where(and(eq(persons.id, personId), eq(persons.householdId, self.householdId)));
  if (!target) throw notMember();
  return { self, target, accountId: who.account.id };
}

/**
 * The person the signed-in account may act for: themselves, or a dependant of their household when
 * they are its guardian. 404 for anyone outside their household, 403 for a member they may not act
 * for (another adult). Every module calls this before doing something "for" a person.
 */
export async function assertCanActFor(options: {
  db: Executor;
  auth: AuthContext | null;
  personId: string;
}): Promise<PersonRow> {
  const { self, target } = await memberOfOwnHousehold(options.db, options.auth, options.personId);
  if (target.id === self.id) return target;
  if (self.role !== 'guardian' || target.role !== 'dependant') {
    throw new AppError('household.cannot_act_for', 403);
  }
  return target;
}

/** A dependant of the signed-in guardian's household, for managing them (404 / 422 / 403 otherwise). */
export async function requireOwnDependant(options: {
  db: Executor;
  auth: AuthContext | null;
  personId: string;
}): Promise<{ self: PersonRow; dependant: PersonRow; accountId: string }> {
  const { self, target, accountId } = await memberOfOwnHousehold(options.db, options.auth, options.personId);
  if (target.role !== 'dependant') throw new AppError('household.dependant_only', 422);
  if (self.role !== 'guardian') throw new AppError('household.guardian_only', 403);
  return { self, dependant: target, accountId };
}
