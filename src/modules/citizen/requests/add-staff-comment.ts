import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Database } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import type { JobQueue } from '../../../platform/jobs/queue.ts';
import type { NotifyResult } from '../../../platform/notify/notify.ts';
import { refuseIfMerged } from './change-request-status.ts';
import { categoryName, findCategory, loadOrg, lockRequest } from './context.ts';
import { recordFollowerNotices, sendRecorded } from './follower-notices.ts';
import { REQUEST_PUBLIC_UPDATE } from './notifications.ts';
import { requireRequestStaff } from './policies.ts';
import { requestEvents, serviceRequests } from './schema.ts';

/**
 * Staff write on a request: an internal note (colleagues only) or a public update, which followers see
 * on the request's page and receive on their channels. The two never mix.
 */
export async function addStaffComment(options: {
  db: Database;
  jobs: JobQueue;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  requestId: string;
  input: { visibility: 'internal' | 'public'; body: string };
}): Promise<{ id: string }> {
  const { db, jobs, orgId, input } = options;
  const who = requireRequestStaff(options.auth, orgId);
  const org = await loadOrg(db, orgId);
  const body = input.body.trim();
  const done = await db.transaction(async (tx) => {
    const request = await lockRequest(tx, orgId, options.requestId);
    const isPublic = input.visibility === 'public';
    if (isPublic) await refuseIfMerged(tx, orgId, request);
    const [event] = await tx
      .insert(requestEvents)
      .values({
        orgId,
        requestId: request.id,
        kind: isPublic ? 'public_update' : 'internal_note',
        visibility: isPublic ? 'public' : 'internal',
        actorAccountId: who.account.id,
        actorKind: 'staff',
        body,
      })
      .returning({ id: requestEvents.id });
    if (!event) throw new Error('event insert returned no row');
    await tx
      .update(serviceRequests)
      .set({ updatedAt: new Date(), ...(isPublic ? { publicNote: body } : {}) })
      .where(inOrg(serviceRequests, orgId, eq(serviceRequests.id, request.id)));
    await recordAudit(tx, {
      orgId,
      actorAccountId: who.account.id,
      action: isPublic ? 'requests.public_update' : 'requests.internal_note',
      targetType: 'service_request',
      targetId: request.id,
      ip: options.ip,
    });
    let notices: NotifyResult[] = [];
    if (isPublic) {
      const category = await findCategory(tx, orgId, request.categoryId);
      if (!category) throw new Error('request without its category');
      notices = await recordFollowerNotices(tx, jobs, {
        org,
        requestId: request.id,
        template: REQUEST_PUBLIC_UPDATE,
        params: { reference: request.reference, category: categoryName(category), message: body },
        exceptAccountId: who.account.id,
      });
    }
    return { id: event.id, notices };
  });
  await sendRecorded(jobs, done.notices);
  return { id: done.id };
}
