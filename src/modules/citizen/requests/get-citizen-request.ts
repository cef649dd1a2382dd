import type { Database } from '../../../platform/db/client.ts';
import type { Bilingual } from '../../../platform/http/locale.ts';
import { type CitizenKey, citizenAccess } from './citizen-access.ts';
import { categoryName, findCategory, loadRequest, loadSettings, loadStatuses } from './context.ts';
import type { Phase } from './statuses.ts';
import { attributeViews, loadHistory, type PhotoView, photoViews, reopenUntil, statusOf } from './views.ts';

/** A request as a citizen following it sees it. */
export interface CitizenRequestView {
  id: string;
  reference: string;
  role: 'reporter' | 'follower';
  /** The citizen's own address is confirmed (always, for accounts). */
  confirmed: boolean;
  category: { id: string; name: Bilingual; sensitive: boolean };
  status: { code: string; phase: Phase; label: Bilingual };
  createdAt: string;
  updatedAt: string;
  /** The reporter's own words, fields and photos; followers see only what is public. */
  description: string | null;
  attributes: Array<{ code: string; label: Bilingual; value: Bilingual }>;
  photos: PhotoView[];
  location: { lat: number; lon: number; approximate: boolean };
  address: string | null;
  history: Array<{
    id: string;
    at: string;
    kind: string;
    by: 'staff' | 'you' | 'reporter' | 'follower' | 'application' | 'system';
    status: { code: string; label: Bilingual } | null;
    body: string | null;
  }>;
  reopenUntil: string | null;
  canReopen: boolean;
  mergedInto: { reference: string } | null;
}

/**
 * A request's page for a citizen who follows it (signed in, or through a guest's link): full status
 * history and public updates; the reporter also sees their description, fields, photos and the
 * information they added. Internal notes never appear.
 */
export async function getCitizenRequest(options: {
  db: Database;
  orgId: string;
  key: CitizenKey;
  requestId?: string;
}): Promise<CitizenRequestView> {
  const { db, orgId } = options;
  const { request, follower, isReporter } = await citizenAccess(db, orgId, options.key, options.requestId);
  const [category, statuses, settings, history] = await Promise.all([
    findCategory(db, orgId, request.categoryId),
    loadStatuses(db, orgId, { includeInactive: true }),
    loadSettings(db, orgId),
    loadHistory(db, orgId, request.id),
  ]);
  if (!category) throw new Error('request without its category');
  const until = reopenUntil(request, settings);
  const survivor = request.mergedIntoId ? await loadRequest(db, orgId, request.mergedIntoId) : null;
  const photos = isReporter ? await photoViews(db, orgId, request.id) : [];
  const own = (data: Record<string, unknown> | null) => data?.followerId === follower.id;
  return {
    id: request.id,
    reference: request.reference,
    role: isReporter ? 'reporter' : 'follower',
    confirmed: follower.confirmedAt !== null,
    category: { id: category.id, name: categoryName(category), sensitive: category.sensitive },
    status: statusOf(request.status, request.phase, statuses),
    createdAt: request.createdAt.toISOString(),
    updatedAt: request.updatedAt.toISOString(),
    description: isReporter ? request.description : null,
    attributes: isReporter ? attributeViews(category.fields, request.attributes) : [],
    photos,
    location: isReporter
      ? { lat: request.latitude, lon: request.longitude, approximate: false }
      : { lat: request.publicLatitude, lon: request.publicLongitude, approximate: category.sensitive },
    address: isReporter || !category.sensitive ? request.address : null,
    history: history
      .filter((e) => e.visibility === 'public' || (e.visibility === 'reporter' && own(e.data)))
      .map((e) => ({
        id: e.id,
        at: e.at,
        kind: e.kind,
        by:
          e.actorKind === 'staff' || e.actorKind === 'application' || e.actorKind === 'system'
            ? e.actorKind
            : own(e.data) || (e.kind === 'submitted' && isReporter)
              ? 'you'
              : e.actorKind === 'reporter'
                ? 'reporter'
                : 'follower',
        status: e.toStatus
          ? { code: e.toStatus, label: statusOf(e.toStatus, request.phase, statuses).label }
          : null,
        body: e.body,
      })),
    reopenUntil: until?.toISOString() ?? null,
    canReopen: !!until && until.getTime() > Date.now() && follower.confirmedAt !== null,
    mergedInto: survivor ? { reference: survivor.reference } : null,
  };
}
