import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import type { Locale } from '../http/locale.ts';
import type { JobQueue } from '../jobs/queue.ts';
import { sendEmail } from '../notify/send-email.ts';
import { households, persons } from '../people/schema.ts';
import { type AccountRow, findAccountByEmail, isUniqueViolation, normalizeEmail } from './accounts.ts';
import { SIGN_UP_ATTEMPT_TEMPLATE } from './emails.ts';
import { sendCode } from './one-time-codes.ts';
import { assertAcceptablePassword, hashPassword } from './passwords.ts';
import { accounts } from './schema.ts';

/** What a person types to sign up. */
export interface SignUpInput {
  email: string;
  password: string;
  givenName: string;
  familyName: string;
  locale?: Locale;
}

/**
 * Creates an unverified account with its household and its own person, and e-mails a confirmation
 * code. The answer is the same whether or not the address already has an account: an existing owner
 * is told by e-mail instead, so sign-up cannot be used to find out who has an account.
 */
export async function signUp(options: {
  db: Database;
  jobs: JobQueue;
  locale: Locale;
  input: SignUpInput;
}): Promise<{ status: 'verification_sent' }> {
  const { db, jobs, input } = options;
  const email = normalizeEmail(input.email);
  const givenName = input.givenName.trim();
  const familyName = input.familyName.trim();
  const locale = input.locale ?? options.locale;
  await assertAcceptablePassword(input.password, [email, email.split('@')[0] ?? '', givenName, familyName]);
  // Hashed in every branch, so the answer takes as long for a known address as for a new one.
  const passwordHash = await hashPassword(input.password);

  let account = await findAccountByEmail(db, email);
  if (!account) {
    try {
      account = await createAccount(db, { email, passwordHash, givenName, familyName, locale });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      account = await findAccountByEmail(db, email);
      if (!account) throw error;
      await tellExistingOwner({ db, jobs }, account);
      return { status: 'verification_sent' };
    }
  } else if (account.emailVerifiedAt || account.disabledAt) {
    await tellExistingOwner({ db, jobs }, account);
    return { status: 'verification_sent' };
  } else {
    // Nobody proved this address yet: the latest sign-up wins, so a password planted by someone
    // without access to the inbox does not survive the owner's own sign-up.
    const id = account.id;
    await db.transaction(async (tx) => {
      await tx
        .update(accounts)
        .set({ passwordHash, givenName, familyName, locale })
        .where(eq(accounts.id, id));
      await tx
        .update(persons)
        .set({ givenName, familyName })
        .where(and(eq(persons.accountId, id), eq(persons.role, 'guardian')));
    });
  }
  await sendCode({ db, jobs }, { email, locale, givenName }, 'verify_email');
  return { status: 'verification_sent' };
}

async function createAccount(
  db: Database,
  values: { email: string; passwordHash: string; givenName: string; familyName: string; locale: Locale },
): Promise<AccountRow> {
  return db.transaction(async (tx) => {
    const [account] = await tx.insert(accounts).values(values).returning();
    const [household] = await tx.insert(households).values({}).returning({ id: households.id });
    if (!account || !household) throw new Error('sign-up insert returned no row');
    await tx.insert(persons).values({
      householdId: household.id,
      accountId: account.id,
      role: 'guardian',
      givenName: values.givenName,
      familyName: values.familyName,
    });
    return account;
  });
}

async function tellExistingOwner(ctx: { db: Database; jobs: JobQueue }, account: AccountRow): Promise<void> {
  if (account.disabledAt) return;
  await sendEmail(ctx, {
    to: account.email,
    locale: account.locale,
    template: SIGN_UP_ATTEMPT_TEMPLATE,
    params: { givenName: account.givenName },
  });
}
