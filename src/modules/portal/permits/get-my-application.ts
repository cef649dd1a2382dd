import type { AuthContext } from '../../../platform/auth/context.ts';
import { requireAccount } from '../../../platform/auth/policies.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { applicationView, findApplication } from './application-view.ts';
import { requireApplicant } from './policies.ts';

/** One of the signed-in person's files (404 for anyone else's). */
export async function getMyApplication(options: {
  db: Executor;
  auth: AuthContext | null;
  orgId: string;
  applicationId: string;
}) {
  requireAccount(options.auth);
  const row = await findApplication(options.db, options.orgId, options.applicationId);
  requireApplicant(options.auth, row);
  return applicationView(options.db, row, 'applicant');
}
