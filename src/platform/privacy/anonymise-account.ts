import { and, eq, isNotNull, ne, sql } from 'drizzle-orm';
import { accounts, memberships, oneTimeCodes, sessions, signInFailures } from '../auth/schema.ts';
import type { Executor } from '../db/client.ts';
import { idempotencyKeys } from '../http/schema.ts';
import { households, persons } from '../people/schema.ts';

/** What a deleted account's names become: the account row stays so audit entries keep pointing somewhere. */
export const DELETED_NAME = 'Compte supprimé';

/**
 * Replaces an account's personal data by placeholders and removes what hangs off it: sessions, roles,
 * codes, stored replies, its household entry and the dependants nobody else looks after. Audit rows
 * and the consent ledger stay (they are evidence and hold no contact details). Run inside the
 * transaction that closes the deletion request.
 */
export async function anonymiseAccount(db: Executor, accountId: string): Promise<void> {
  const [account] = await db
    .select({ email: accounts.email })
    .from(accounts)
    .where(eq(accounts.id, accountId))
    .for('update');
  if (!account) return;
  const oldEmail = account.email.toLowerCase();

  const [self] = await db.select().from(persons).where(eq(persons.accountId, accountId));
  if (self) {
    const [otherGuardian] = await db
      .select({ id: persons.id })
      .from(persons)
      .where(
        and(
          eq(persons.householdId, self.householdId),
          ne(persons.id, self.id),
          eq(persons.role, 'guardian'),
          isNotNull(persons.accountId),
        ),
      )
      .limit(1);
    // Children who still have another parent in the household stay with that parent.
    if (!otherGuardian) {
      await db
        .delete(persons)
        .where(and(eq(persons.householdId, self.householdId), eq(persons.role, 'dependant')));
    }
    await db.delete(persons).where(eq(persons.id, self.id));
    const [left] = await db
      .select({ id: persons.id })
      .from(persons)
      .where(eq(persons.householdId, self.householdId))
      .limit(1);
    if (!left) await db.delete(households).where(eq(households.id, self.householdId));
  }

  await db.delete(sessions).where(eq(sessions.accountId, accountId));
  await db.delete(memberships).where(eq(memberships.accountId, accountId));
  await db.delete(oneTimeCodes).where(sql`lower(${oneTimeCodes.email}) = ${oldEmail}`);
  await db.delete(signInFailures).where(sql`lower(${signInFailures.email}) = ${oldEmail}`);
  // Stored replies to the person's own requests can hold their data.
  await db.delete(idempotencyKeys).where(eq(idempotencyKeys.principal, `account:${accountId}`));
  await db
    .update(accounts)
    .set({
      email: `deleted-${accountId}@invalid`,
      emailVerifiedAt: null,
      givenName: DELETED_NAME,
      familyName: '',
      phone: null,
      passwordHash: null,
      totpSecret: null,
      totpEnabledAt: null,
      totpPendingSecret: null,
      totpLastStep: null,
      isInstallationAdmin: false,
      disabledAt: sql`now()`,
    })
    .where(eq(accounts.id, accountId));
}
