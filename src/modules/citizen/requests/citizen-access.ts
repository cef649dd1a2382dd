import { and, eq, isNull } from 'drizzle-orm';
import type { AuthContext } from '../../../platform/auth/context.ts';
import { requireAccount } from '../../../platform/auth/policies.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { loadRequest } from './context.ts';
import { followerIdOf } from './guest-access.ts';
import { type FollowerRow, requestFollowers, type ServiceRequestRow } from './schema.ts';

/** How a citizen names themselves: their session, or the token of a guest's follow-up link. */
export type CitizenKey =
  | { auth: AuthContext | null; token?: undefined }
  | { token: string; auth?: undefined };

/** A citizen's standing on one request: their follower row (the reporter's included). */
export interface CitizenAccess {
  request: ServiceRequestRow;
  follower: FollowerRow;
  isReporter: boolean;
}

const notFound = () => new AppError('requests.not_found', 404);

/**
 * The request a citizen follows, or `requests.not_found` (the same answer whether the request does not
 * exist or belongs to someone else, so nobody learns which references exist). A signed-in person must
 * follow the request; a guest's token names their follower row.
 */
export async function citizenAccess(
  db: Executor,
  orgId: string,
  key: CitizenKey,
  requestId?: string,
): Promise<CitizenAccess> {
  if (key.token !== undefined) {
    const followerId = await followerIdOf(db, key.token);
    if (!followerId) throw notFound();
    const [follower] = await db
      .select()
      .from(requestFollowers)
      .where(
        inOrg(
          requestFollowers,
          orgId,
          eq(requestFollowers.id, followerId),
          isNull(requestFollowers.accountId),
        ),
      );
    if (!follower) throw notFound();
    const request = await loadRequest(db, orgId, follower.requestId);
    return { request, follower, isReporter: follower.role === 'reporter' };
  }
  const who = requireAccount(key.auth);
  if (!requestId) throw notFound();
  const [follower] = await db
    .select()
    .from(requestFollowers)
    .where(
      inOrg(
        requestFollowers,
        orgId,
        and(eq(requestFollowers.requestId, requestId), eq(requestFollowers.accountId, who.account.id)),
      ),
    );
  if (!follower) throw notFound();
  const request = await loadRequest(db, orgId, requestId);
  return { request, follower, isReporter: follower.role === 'reporter' };
}
