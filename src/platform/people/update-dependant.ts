import { eq } from 'drizzle-orm';
import type { AuthContext } from '../auth/context.ts';
import type { Executor } from '../db/client.ts';
import { AppError } from '../http/errors.ts';
import type { Locale } from '../http/locale.ts';
import { requireOwnDependant } from './act-for.ts';
import { assertBirthDate } from './birth-date.ts';
import { type HouseholdMember, toMember } from './get-household.ts';
import { persons } from './schema.ts';

/** Changes a dependant's names or birth date (their guardian only). */
export async function updateDependant(options: {
  db: Executor;
  auth: AuthContext | null;
  locale: Locale;
  personId: string;
  input: { givenName?: string; familyName?: string; birthDate?: string };
}): Promise<HouseholdMember> {
  const { dependant, accountId } = await requireOwnDependant(options);
  const { input } = options;
  const changes: Partial<typeof persons.$inferInsert> = {};
  if (input.givenName !== undefined) changes.givenName = input.givenName.trim();
  if (input.familyName !== undefined) changes.familyName = input.familyName.trim();
  if (changes.givenName === '' || changes.familyName === '') throw new AppError('profile.name_blank', 400);
  if (input.birthDate !== undefined) {
    assertBirthDate(input.birthDate, options.locale);
    changes.birthDate = input.birthDate;
  }
  if (Object.keys(changes).length === 0) return toMember(dependant, accountId);
  const [row] = await options.db.update(persons).set(changes).where(eq(persons.id, dependant.id)).returning();
  if (!row) throw new AppError('household.not_member', 404);
  return toMember(row, accountId);
}
