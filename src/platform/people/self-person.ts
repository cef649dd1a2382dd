import { eq } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { households, persons } from './schema.ts';

/** A row of `persons`. */
export type PersonRow = typeof persons.$inferSelect;

/**
 * The person an account is, created with a household of their own the first time it is needed
 * (accounts made before households existed, or by an import, have none yet).
 */
export async function selfPerson(
  db: Executor,
  account: { id: string; givenName: string; familyName: string },
): Promise<PersonRow> {
  const [existing] = await db.select().from(persons).where(eq(persons.accountId, account.id));
  if (existing) return existing;
  return db.transaction(async (tx) => {
    const [household] = await tx.insert(households).values({}).returning({ id: households.id });
    if (!household) throw new Error('household insert returned no row');
    const [created] = await tx
      .insert(persons)
      .values({
        householdId: household.id,
        accountId: account.id,
        role: 'guardian',
        givenName: account.givenName,
        familyName: account.familyName,
      })
      .onConflictDoNothing()
      .returning();
    if (created) return created;
    // Another request created it first (unique persons_account_key): drop our spare household.
    await tx.delete(households).where(eq(households.id, household.id));
    const [winner] = await tx.select().from(persons).where(eq(persons.accountId, account.id));
    if (!winner) throw new Error('self person vanished');
    return winner;
  });
}
