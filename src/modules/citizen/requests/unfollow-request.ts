import { eq } from 'drizzle-orm';
import type { Database } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { type CitizenKey, citizenAccess } from './citizen-access.ts';
import { requestFollowers } from './schema.ts';

/** Stops following a request (its reporter keeps following; they choose their channels instead). */
export async function unfollowRequest(options: {
  db: Database;
  orgId: string;
  key: CitizenKey;
  requestId?: string;
}): Promise<{ ok: true }> {
  const { db, orgId } = options;
  const { follower } = await citizenAccess(db, orgId, options.key, options.requestId);
  if (follower.role === 'reporter') throw new AppError('requests.reporter_stays', 422);
  await db
    .delete(requestFollowers)
    .where(inOrg(requestFollowers, orgId, eq(requestFollowers.id, follower.id)));
  return { ok: true };
}
