import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Database } from '../../../platform/db/client.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { applicationView } from './application-view.ts';
import { requireApplicant } from './policies.ts';
import { applyTransition, lockApplication } from './transition.ts';

/** The applicant answers a request for information (documents attached beforehand): the clock restarts. */
export async function answerInformationRequest(options: {
  db: Database;
  auth: AuthContext | null;
  orgId: string;
  applicationId: string;
  input: { message: string };
}) {
  const message = options.input.message.trim();
  if (!message) throw new AppError('permit.message_required', 422);
  const row = await options.db.transaction(async (tx) => {
    const current = await lockApplication(tx, options.orgId, options.applicationId);
    const who = requireApplicant(options.auth, current);
    return applyTransition(tx, current, {
      action: 'answer_info',
      actor: 'applicant',
      actorAccountId: who.account.id,
      message: message.slice(0, 4000),
    });
  });
  return applicationView(options.db, row, 'applicant');
}
