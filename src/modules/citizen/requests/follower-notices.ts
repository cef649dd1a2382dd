import { eq, isNotNull } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import type { JobQueue } from '../../../platform/jobs/queue.ts';
import {
  enqueueNotification,
  type NotifyResult,
  recordNotification,
} from '../../../platform/notify/notify.ts';
import { notifySettings } from '../../../platform/notify/settings.ts';
import { type RequestOrg, requestPaths } from './context.ts';
import { guestToken } from './guest-access.ts';
import { type FollowerRow, requestFollowers } from './schema.ts';

/**
 * Records a notification for every confirmed follower of a request, each with the link to their own
 * page (a guest's carries their token). Call inside the transaction that made the change, then
 * `sendRecorded` once it commits so no delivery runs before its rows exist.
 */
export async function recordFollowerNotices(
  db: Executor,
  jobs: JobQueue,
  notice: {
    org: RequestOrg;
    requestId: string;
    template: string;
    params: Record<string, unknown>;
    /** The person who caused the change does not need to be told. */
    exceptAccountId?: string | null;
    exceptFollowerId?: string | null;
    /** Only some followers (those who came from a merged duplicate). */
    only?: (follower: FollowerRow) => boolean;
  },
): Promise<NotifyResult[]> {
  const { org, requestId } = notice;
  const publicUrl = notifySettings(jobs).publicUrl;
  const followers = await db
    .select()
    .from(requestFollowers)
    .where(
      inOrg(
        requestFollowers,
        org.id,
        eq(requestFollowers.requestId, requestId),
        isNotNull(requestFollowers.confirmedAt),
      ),
    );
  const results: NotifyResult[] = [];
  for (const f of followers) {
    if ((f.accountId && f.accountId === notice.exceptAccountId) || f.id === notice.exceptFollowerId) continue;
    if (notice.only && !notice.only(f)) continue;
    const url = f.accountId
      ? `${publicUrl}${requestPaths.citizen(org.slug, requestId)}`
      : `${publicUrl}${requestPaths.guest(org.slug, await guestToken(db, f.id))}`;
    const base = { orgId: org.id, category: 'requests' as const, template: notice.template };
    const params = { ...notice.params, url };
    if (f.accountId)
      results.push(await recordNotification({ db, jobs }, { ...base, params, accountId: f.accountId }));
    else if (f.email)
      results.push(
        await recordNotification({ db, jobs }, { ...base, params, to: { email: f.email, locale: f.locale } }),
      );
  }
  return results;
}

/** Enqueues the deliveries of notifications recorded in a committed transaction. */
export async function sendRecorded(jobs: JobQueue, results: readonly NotifyResult[]): Promise<void> {
  for (const result of results) await enqueueNotification(jobs, result);
}
