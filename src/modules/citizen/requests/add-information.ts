import { eq } from 'drizzle-orm';
import type { Database } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { Locale } from '../../../platform/http/locale.ts';
import { type CitizenKey, citizenAccess } from './citizen-access.ts';
import { loadRequest } from './context.ts';
import { requestEvents, requestPhotos, serviceRequests } from './schema.ts';
import { checkPhotos } from './submit-request.ts';

/**
 * A citizen following a request adds information (text and photos) for staff. It stays between them and
 * staff: other followers do not see it. The request shows as updated in the staff queues.
 */
export async function addInformation(options: {
  db: Database;
  orgId: string;
  key: CitizenKey;
  requestId?: string;
  locale: Locale;
  input: { body: string; photos?: Array<{ id: string; token?: string }> };
}): Promise<{ id: string }> {
  const { db, orgId, locale, input } = options;
  const { request, follower } = await citizenAccess(db, orgId, options.key, options.requestId);
  if (!follower.confirmedAt) throw new AppError('requests.not_confirmed', 403);
  if (request.mergedIntoId) {
    const survivor = await loadRequest(db, orgId, request.mergedIntoId);
    throw new AppError('requests.merged', 422, { params: { reference: survivor.reference } });
  }
  const photoIds = await checkPhotos(db, orgId, input.photos ?? [], follower.accountId, locale);
  return db.transaction(async (tx) => {
    const [event] = await tx
      .insert(requestEvents)
      .values({
        orgId,
        requestId: request.id,
        kind: 'information',
        visibility: 'reporter',
        actorAccountId: follower.accountId,
        actorKind: follower.role,
        body: input.body.trim(),
        data: { followerId: follower.id, photos: photoIds.length },
      })
      .returning({ id: requestEvents.id });
    if (!event) throw new Error('event insert returned no row');
    if (photoIds.length > 0)
      await tx
        .insert(requestPhotos)
        .values(photoIds.map((fileId) => ({ orgId, requestId: request.id, fileId, eventId: event.id })));
    await tx
      .update(serviceRequests)
      .set({ updatedAt: new Date() })
      .where(inOrg(serviceRequests, orgId, eq(serviceRequests.id, request.id)));
    return { id: event.id };
  });
}
