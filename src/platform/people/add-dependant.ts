import type { AuthContext } from '../auth/context.ts';
import { requireAccount } from '../auth/policies.ts';
import type { Executor } from '../db/client.ts';
import { AppError } from '../http/errors.ts';
import type { Locale } from '../http/locale.ts';
import { assertBirthDate } from './birth-date.ts';
import { type HouseholdMember, toMember } from './get-household.ts';
import { persons } from './schema.ts';
import { selfPerson } from './self-person.ts';

/** Adds a dependant (a child) to the signed-in guardian's household. */
export async function addDependant(options: {
  db: Executor;
  auth: AuthContext | null;
  locale: Locale;
  input: { givenName: string; familyName: string; birthDate: string };
}): Promise<HouseholdMember> {
  const who = requireAccount(options.auth);
  const self = await selfPerson(options.db, who.account);
  if (self.role !== 'guardian') throw new AppError('household.guardian_only', 403);
  const givenName = options.input.givenName.trim();
  const familyName = options.input.familyName.trim();
  if (!givenName || !familyName) throw new AppError('profile.name_blank', 400);
  assertBirthDate(options.input.birthDate, options.locale);
  const [row] = await options.db
    .insert(persons)
    .values({
      householdId: self.householdId,
      role: 'dependant',
      givenName,
      familyName,
      birthDate: options.input.birthDate,
    })
    .returning();
  if (!row) throw new Error('dependant insert returned no row');
  return toMember(row, who.account.id);
}
