import { eq } from 'drizzle-orm';
import type { AuthContext } from '../auth/context.ts';
import { requireAccount } from '../auth/policies.ts';
import { accounts } from '../auth/schema.ts';
import type { Database } from '../db/client.ts';
import { AppError, unauthenticated } from '../http/errors.ts';
import type { Locale } from '../http/locale.ts';
import { type Profile, profileColumns } from './get-profile.ts';
import { persons } from './schema.ts';
import { selfPerson } from './self-person.ts';

/** Changes the signed-in person's names, phone or language; their household entry follows the names. */
export async function updateProfile(options: {
  db: Database;
  auth: AuthContext | null;
  input: { givenName?: string; familyName?: string; phone?: string | null; locale?: Locale };
}): Promise<Profile> {
  const who = requireAccount(options.auth);
  const { input } = options;
  const changes: Partial<typeof accounts.$inferInsert> = {};
  if (input.givenName !== undefined) changes.givenName = input.givenName.trim();
  if (input.familyName !== undefined) changes.familyName = input.familyName.trim();
  if (changes.givenName === '' || changes.familyName === '') throw new AppError('profile.name_blank', 400);
  if (input.phone !== undefined) changes.phone = input.phone === null ? null : input.phone.trim() || null;
  if (input.locale !== undefined) changes.locale = input.locale;
  return options.db.transaction(async (tx) => {
    const self = await selfPerson(tx, who.account);
    if (Object.keys(changes).length === 0) {
      const [row] = await tx.select(profileColumns).from(accounts).where(eq(accounts.id, who.account.id));
      if (!row) throw unauthenticated();
      return row;
    }
    const [row] = await tx
      .update(accounts)
      .set(changes)
      .where(eq(accounts.id, who.account.id))
      .returning(profileColumns);
    if (!row) throw unauthenticated();
    if (changes.givenName !== undefined || changes.familyName !== undefined) {
      await tx
        .update(persons)
        .set({ givenName: row.givenName, familyName: row.familyName })
        .where(eq(persons.id, self.id));
    }
    return row;
  });
}
