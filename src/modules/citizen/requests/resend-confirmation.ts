import { eq, lt, sql } from 'drizzle-orm';
import type { Database } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { JobQueue } from '../../../platform/jobs/queue.ts';
import { sendEmail } from '../../../platform/notify/send-email.ts';
import { notifySettings } from '../../../platform/notify/settings.ts';
import { citizenAccess } from './citizen-access.ts';
import { categoryName, findCategory, loadOrg, requestPaths } from './context.ts';
import { CODE_MAX_SENDS, CODE_TTL_HOURS, hashCode, newCode } from './guest-access.ts';
import { REQUEST_CONFIRM_EMAIL } from './notifications.ts';
import { requestFollowers } from './schema.ts';

/** Sends a guest a new confirmation code (the old one stops working), a few times at most. */
export async function resendConfirmation(options: {
  db: Database;
  jobs: JobQueue;
  orgId: string;
  token: string;
}): Promise<{ sent: true }> {
  const { db, jobs, orgId, token } = options;
  const { request, follower } = await citizenAccess(db, orgId, { token });
  if (follower.confirmedAt) throw new AppError('requests.already_confirmed', 409);
  const code = newCode();
  const [updated] = await db
    .update(requestFollowers)
    .set({
      codeHash: hashCode(follower.id, code),
      codeAttempts: 0,
      codeExpiresAt: new Date(Date.now() + CODE_TTL_HOURS * 3600_000),
      codesSent: sql`${requestFollowers.codesSent} + 1`,
    })
    .where(
      inOrg(
        requestFollowers,
        orgId,
        eq(requestFollowers.id, follower.id),
        lt(requestFollowers.codesSent, CODE_MAX_SENDS),
      ),
    )
    .returning({ id: requestFollowers.id });
  if (!updated) throw new AppError('requests.code_limit', 429);
  const [org, category] = await Promise.all([
    loadOrg(db, orgId),
    findCategory(db, orgId, request.categoryId),
  ]);
  if (!category) throw new Error('request without its category');
  await sendEmail(
    { db, jobs },
    {
      to: follower.email ?? '',
      locale: follower.locale,
      template: REQUEST_CONFIRM_EMAIL,
      orgId,
      params: {
        reference: request.reference,
        category: categoryName(category),
        code,
        hours: CODE_TTL_HOURS,
        kind: follower.role === 'reporter' ? 'report' : 'follow',
        url: `${notifySettings(jobs).publicUrl}${requestPaths.guest(org.slug, token)}?code=${code}`,
      },
    },
  );
  return { sent: true };
}
