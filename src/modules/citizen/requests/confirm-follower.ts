import { timingSafeEqual } from 'node:crypto';
import { and, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { Database } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import type { Locale } from '../../../platform/http/locale.ts';
import type { JobQueue } from '../../../platform/jobs/queue.ts';
import {
  enqueueNotification,
  type NotifyResult,
  recordNotification,
} from '../../../platform/notify/notify.ts';
import { notifySettings } from '../../../platform/notify/settings.ts';
import { citizenAccess } from './citizen-access.ts';
import { categoryName, findCategory, loadOrg, requestPaths } from './context.ts';
import { fieldError } from './field-error.ts';
import { CODE_MAX_ATTEMPTS, hashCode } from './guest-access.ts';
import { REQUEST_RECEIVED } from './notifications.ts';
import { requestEvents, requestFollowers, serviceRequests } from './schema.ts';
import { dueDates } from './targets.ts';

/**
 * A guest proves their e-mail address with the code sent to it. Each try counts (atomically) against a
 * small limit. For the reporter, the request becomes confirmed: staff now treat it as such, its targets
 * start, and the acknowledgement with its reference is sent.
 */
export async function confirmFollower(options: {
  db: Database;
  jobs: JobQueue;
  orgId: string;
  token: string;
  code: string;
  locale: Locale;
}): Promise<{ confirmed: true }> {
  const { db, jobs, orgId, token, locale } = options;
  const { request, follower } = await citizenAccess(db, orgId, { token });
  if (follower.confirmedAt) return { confirmed: true };
  const invalid = () => fieldError('requests.code_invalid', 'code', locale);
  const [attempt] = await db
    .update(requestFollowers)
    .set({ codeAttempts: sql`${requestFollowers.codeAttempts} + 1` })
    .where(
      inOrg(
        requestFollowers,
        orgId,
        eq(requestFollowers.id, follower.id),
        isNull(requestFollowers.confirmedAt),
        lt(requestFollowers.codeAttempts, CODE_MAX_ATTEMPTS),
        gt(requestFollowers.codeExpiresAt, sql`now()`),
      ),
    )
    .returning({ codeHash: requestFollowers.codeHash });
  if (!attempt?.codeHash) throw invalid();
  const expected = Buffer.from(attempt.codeHash, 'hex');
  const given = Buffer.from(hashCode(follower.id, options.code), 'hex');
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw invalid();

  const org = await loadOrg(db, orgId);
  const category = await findCategory(db, orgId, request.categoryId);
  if (!category) throw new Error('request without its category');
  const now = new Date();
  const notice = await db.transaction(async (tx): Promise<NotifyResult | null> => {
    await tx
      .update(requestFollowers)
      .set({ confirmedAt: now, codeHash: null })
      .where(inOrg(requestFollowers, orgId, eq(requestFollowers.id, follower.id)));
    if (follower.role !== 'reporter') return null;
    const [confirmed] = await tx
      .update(serviceRequests)
      .set({ confirmedAt: now, updatedAt: now, ...dueDates(category, now) })
      .where(
        inOrg(
          serviceRequests,
          orgId,
          and(eq(serviceRequests.id, request.id), isNull(serviceRequests.confirmedAt)),
        ),
      )
      .returning({ id: serviceRequests.id });
    if (!confirmed) return null;
    await tx.insert(requestEvents).values({
      orgId,
      requestId: request.id,
      kind: 'confirmed',
      visibility: 'public',
      actorKind: 'reporter',
      data: { followerId: follower.id },
    });
    return recordNotification(
      { db: tx, jobs },
      {
        orgId,
        category: 'requests',
        template: REQUEST_RECEIVED,
        params: {
          reference: request.reference,
          category: categoryName(category),
          url: `${notifySettings(jobs).publicUrl}${requestPaths.guest(org.slug, token)}`,
        },
        to: { email: follower.email ?? '', locale: follower.locale },
      },
    );
  });
  if (notice) await enqueueNotification(jobs, notice);
  return { confirmed: true };
}
