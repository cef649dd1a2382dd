import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Database } from '../../../platform/db/client.ts';
import { applicationView } from './application-view.ts';
import { requireApplicant } from './policies.ts';
import { applyTransition, lockApplication } from './transition.ts';

/** The applicant withdraws a file that has no decision yet. */
export async function withdrawApplication(options: {
  db: Database;
  auth: AuthContext | null;
  orgId: string;
  applicationId: string;
}) {
  const row = await options.db.transaction(async (tx) => {
    const current = await lockApplication(tx, options.orgId, options.applicationId);
    const who = requireApplicant(options.auth, current);
    return applyTransition(tx, current, {
      action: 'withdraw',
      actor: 'applicant',
      actorAccountId: who.account.id,
    });
  });
  return applicationView(options.db, row, 'applicant');
}
