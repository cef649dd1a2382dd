import type { AuthContext } from '../auth/context.ts';
import { requireAccount } from '../auth/policies.ts';
import type { Executor } from '../db/client.ts';
import { AppError } from '../http/errors.ts';
import type { Locale } from '../http/locale.ts';
import { type ConsentEntry, toConsentEntry } from './list-consents.ts';
import { findPurpose } from './purposes.ts';
import { consents } from './schema.ts';

/**
 * Appends a grant or withdrawal to the ledger with the exact text shown, in the language it was shown.
 * The version the person saw must be the current one, so nobody consents to a text they did not read.
 */
export async function recordConsent(options: {
  db: Executor;
  auth: AuthContext | null;
  locale: Locale;
  input: { purpose: string; granted: boolean; version: string };
}): Promise<ConsentEntry> {
  const who = requireAccount(options.auth);
  const { input } = options;
  const purpose = findPurpose(input.purpose);
  if (!purpose) throw new AppError('privacy.purpose_unknown', 400, { details: { purpose: input.purpose } });
  if (purpose.version !== input.version) {
    throw new AppError('privacy.consent_version_stale', 409, {
      details: { currentVersion: purpose.version },
    });
  }
  const [row] = await options.db
    .insert(consents)
    .values({
      accountId: who.account.id,
      orgId: null,
      purpose: purpose.purpose,
      granted: input.granted,
      textShown: purpose.text[options.locale],
      textVersion: purpose.version,
      locale: options.locale,
    })
    .returning();
  if (!row) throw new Error('consent insert returned no row');
  return toConsentEntry(row);
}
