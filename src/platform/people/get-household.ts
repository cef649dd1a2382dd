import { asc, eq, sql } from 'drizzle-orm';
import type { AuthContext } from '../auth/context.ts';
import { requireAccount } from '../auth/policies.ts';
import type { Executor } from '../db/client.ts';
import { persons } from './schema.ts';
import { type PersonRow, selfPerson } from './self-person.ts';

/** A member of a household as the API shows it. */
export interface HouseholdMember {
  id: string;
  role: 'guardian' | 'dependant';
  givenName: string;
  familyName: string;
  birthDate: string | null;
  isSelf: boolean;
}

/** Shapes a person row for the API, from the point of view of one account. */
export function toMember(row: PersonRow, accountId: string): HouseholdMember {
  return {
    id: row.id,
    role: row.role,
    givenName: row.givenName,
    familyName: row.familyName,
    birthDate: row.birthDate,
    isSelf: row.accountId === accountId,
  };
}

/** The signed-in person's household: themselves first, then the other guardians, then dependants by age. */
export async function getHousehold(options: {
  db: Executor;
  auth: AuthContext | null;
}): Promise<{ householdId: string; members: HouseholdMember[] }> {
  const who = requireAccount(options.auth);
  const self = await selfPerson(options.db, who.account);
  const rows = await options.db
    .select()
    .from(persons)
    .where(eq(persons.householdId, self.householdId))
    .orderBy(
      sql`${persons.accountId} = ${who.account.id} DESC NULLS LAST`,
      sql`${persons.role} = 'guardian' DESC`,
      asc(persons.birthDate),
      asc(persons.createdAt),
    );
  return { householdId: self.householdId, members: rows.map((r) => toMember(r, who.account.id)) };
}
