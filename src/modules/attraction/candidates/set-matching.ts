import { eq } from 'drizzle-orm';
import type { AuthContext } from '../../../platform/auth/context.ts';
import { requireAccount } from '../../../platform/auth/policies.ts';
import type { Database } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { Locale } from '../../../platform/http/locale.ts';
import { findPurpose } from '../../../platform/privacy/purposes.ts';
import { recordConsent } from '../../../platform/privacy/record-consent.ts';
import { recomputeForCandidate } from '../matching/recompute.ts';
import { findOwnProfile } from './get-my-profile.ts';
import { profileView } from './profile-view.ts';
import { candidateProfiles } from './schema.ts';

/**
 * Turns matching on or off. On needs the `job_matching` consent, recorded in the ledger with the text
 * shown (version checked); off withdraws it and removes the matches nobody acted on.
 */
export async function setMatching(options: {
  db: Database;
  auth: AuthContext | null;
  orgId: string;
  locale: Locale;
  input: { enabled: boolean; consentVersion?: string };
}) {
  const who = requireAccount(options.auth);
  const { db, orgId, input } = options;
  const profile = await findOwnProfile(db, orgId, who.account.id);
  if (!profile) throw new AppError('attraction.profile_not_found', 404);
  if (input.enabled && !input.consentVersion) throw new AppError('attraction.consent_required', 422);
  await recordConsent({
    db,
    auth: who,
    locale: options.locale,
    input: {
      purpose: 'job_matching',
      granted: input.enabled,
      version: input.consentVersion ?? currentVersion(),
    },
  });
  const [row] = await db
    .update(candidateProfiles)
    .set({ matchingEnabled: input.enabled, updatedAt: new Date() })
    .where(inOrg(candidateProfiles, orgId, eq(candidateProfiles.id, profile.id)))
    .returning();
  if (!row) throw new AppError('attraction.profile_not_found', 404);
  await recomputeForCandidate(db, orgId, row.id);
  return profileView(db, row);
}

function currentVersion(): string {
  return findPurpose('job_matching')?.version ?? '';
}
