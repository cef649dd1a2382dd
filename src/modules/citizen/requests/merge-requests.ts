import { eq, isNotNull } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Database } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { JobQueue } from '../../../platform/jobs/queue.ts';
import { categoryName, findCategory, loadOrg, loadRequest, lockRequest } from './context.ts';
import { recordFollowerNotices, sendRecorded } from './follower-notices.ts';
import { REQUEST_MERGED } from './notifications.ts';
import { requireRequestStaff } from './policies.ts';
import { requestEvents, requestFollowers, serviceRequests } from './schema.ts';

/**
 * Merges a duplicate into the request that stays: the duplicate's followers (its reporter included)
 * follow the survivor from now on, the duplicate is closed and points to it, both histories say so,
 * and the duplicate's followers are told which request they now follow.
 */
export async function mergeRequests(options: {
  db: Database;
  jobs: JobQueue;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  duplicateId: string;
  input: { intoId: string };
}): Promise<{ ok: true }> {
  const { db, jobs, orgId } = options;
  const who = requireRequestStaff(options.auth, orgId);
  if (options.duplicateId === options.input.intoId) throw new AppError('requests.merge_same', 422);
  const org = await loadOrg(db, orgId);
  const notices = await db.transaction(async (tx) => {
    // Always lock in the same order, so two opposite merges cannot deadlock.
    const [first, second] = [options.duplicateId, options.input.intoId].sort();
    const locked = [await lockRequest(tx, orgId, first ?? ''), await lockRequest(tx, orgId, second ?? '')];
    const duplicate = locked.find((r) => r.id === options.duplicateId);
    const survivor = locked.find((r) => r.id === options.input.intoId);
    if (!duplicate || !survivor) throw new AppError('requests.not_found', 404);
    if (survivor.mergedIntoId) {
      const final = await loadRequest(tx, orgId, survivor.mergedIntoId);
      throw new AppError('requests.merge_target_merged', 422, { params: { reference: final.reference } });
    }
    if (duplicate.mergedIntoId) {
      const final = await loadRequest(tx, orgId, duplicate.mergedIntoId);
      throw new AppError('requests.merged', 422, { params: { reference: final.reference } });
    }
    const moving = await tx
      .select()
      .from(requestFollowers)
      .where(
        inOrg(
          requestFollowers,
          orgId,
          eq(requestFollowers.requestId, duplicate.id),
          isNotNull(requestFollowers.confirmedAt),
        ),
      );
    if (moving.length > 0)
      await tx
        .insert(requestFollowers)
        .values(
          moving.map((f) => ({
            orgId,
            requestId: survivor.id,
            accountId: f.accountId,
            email: f.email,
            locale: f.locale,
            role: 'follower' as const,
            confirmedAt: f.confirmedAt,
          })),
        )
        .onConflictDoNothing();
    const now = new Date();
    await tx
      .update(serviceRequests)
      .set({ status: 'closed', phase: 'closed', closedAt: now, mergedIntoId: survivor.id, updatedAt: now })
      .where(inOrg(serviceRequests, orgId, eq(serviceRequests.id, duplicate.id)));
    await tx
      .update(serviceRequests)
      .set({ updatedAt: now })
      .where(inOrg(serviceRequests, orgId, eq(serviceRequests.id, survivor.id)));
    await tx.insert(requestEvents).values([
      {
        orgId,
        requestId: duplicate.id,
        kind: 'merged',
        visibility: 'public',
        actorAccountId: who.account.id,
        actorKind: 'staff',
        fromStatus: duplicate.status,
        toStatus: 'closed',
        data: { into: survivor.reference },
      },
      {
        orgId,
        requestId: survivor.id,
        kind: 'merged',
        visibility: 'internal',
        actorAccountId: who.account.id,
        actorKind: 'staff',
        data: { duplicate: duplicate.reference },
      },
    ]);
    await recordAudit(tx, {
      orgId,
      actorAccountId: who.account.id,
      action: 'requests.merge',
      targetType: 'service_request',
      targetId: duplicate.id,
      ip: options.ip,
      details: { into: survivor.id },
    });
    const category = await findCategory(tx, orgId, survivor.categoryId);
    if (!category) throw new Error('request without its category');
    // Only those who came from the duplicate, on their new follow of the survivor (its own followers learn nothing new).
    const keyOf = (f: { accountId: string | null; email: string | null }) =>
      f.accountId ?? `@${f.email?.toLowerCase()}`;
    const keys = new Set(moving.map(keyOf));
    if (keys.size === 0) return [];
    return recordFollowerNotices(tx, jobs, {
      org,
      requestId: survivor.id,
      template: REQUEST_MERGED,
      params: {
        reference: survivor.reference,
        duplicate: duplicate.reference,
        category: categoryName(category),
      },
      exceptAccountId: who.account.id,
      only: (f) => keys.has(keyOf(f)),
    });
  });
  await sendRecorded(jobs, notices);
  return { ok: true };
}
