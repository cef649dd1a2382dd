import { eq } from 'drizzle-orm';
import { recordPersonalDataAccess } from '../../../platform/audit/record-personal-data-access.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import { accounts } from '../../../platform/auth/schema.ts';
import type { Database } from '../../../platform/db/client.ts';
import type { Bilingual } from '../../../platform/http/locale.ts';
import { categoryName, findCategory, loadRequest, loadStatuses } from './context.ts';
import { requireRequestStaff } from './policies.ts';
import { followerCounts } from './public-requests.ts';
import type { Phase } from './statuses.ts';
import {
  attributeViews,
  type HistoryEntry,
  loadHistory,
  type PhotoView,
  photoViews,
  statusOf,
} from './views.ts';

/** A request as staff see it: everything, internal notes and the reporter's contact included. */
export interface StaffRequestView {
  id: string;
  reference: string;
  category: { id: string; name: Bilingual; sensitive: boolean };
  departmentId: string | null;
  status: { code: string; phase: Phase; label: Bilingual };
  description: string;
  attributes: Array<{ code: string; label: Bilingual; value: Bilingual }>;
  location: { lat: number; lon: number };
  address: string | null;
  source: string;
  locale: 'fr' | 'en';
  reporter: { accountId: string | null; name: string | null; email: string | null };
  confirmed: boolean;
  assigneeAccountId: string | null;
  createdAt: string;
  updatedAt: string;
  ackDueAt: string | null;
  resolveDueAt: string | null;
  acknowledgedAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  reopenCount: number;
  followers: number;
  mergedInto: { id: string; reference: string } | null;
  photos: PhotoView[];
  history: Array<HistoryEntry & { status: { code: string; label: Bilingual } | null }>;
}

/**
 * One request for staff who work the queues. Opening it shows the reporter's contact and words, so the
 * access is written to the audit log (Law 25).
 */
export async function getStaffRequest(options: {
  db: Database;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  requestId: string;
}): Promise<StaffRequestView> {
  const { db, orgId } = options;
  const who = requireRequestStaff(options.auth, orgId);
  const request = await loadRequest(db, orgId, options.requestId);
  const [category, statuses, history, photos, counts, reporterRows] = await Promise.all([
    findCategory(db, orgId, request.categoryId),
    loadStatuses(db, orgId, { includeInactive: true }),
    loadHistory(db, orgId, request.id),
    photoViews(db, orgId, request.id),
    followerCounts(db, orgId, [request.id]),
    request.reporterAccountId
      ? db
          .select({ email: accounts.email, givenName: accounts.givenName, familyName: accounts.familyName })
          .from(accounts)
          .where(eq(accounts.id, request.reporterAccountId))
      : Promise.resolve([]),
  ]);
  if (!category) throw new Error('request without its category');
  const survivor = request.mergedIntoId ? await loadRequest(db, orgId, request.mergedIntoId) : null;
  const account = reporterRows[0];
  await recordPersonalDataAccess(db, {
    orgId,
    actorAccountId: who.account.id,
    subjectAccountId: request.reporterAccountId,
    ip: options.ip,
    targetType: 'service_request',
    targetId: request.id,
    purpose: 'requests.view',
  });
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    id: request.id,
    reference: request.reference,
    category: { id: category.id, name: categoryName(category), sensitive: category.sensitive },
    departmentId: request.departmentId,
    status: statusOf(request.status, request.phase, statuses),
    description: request.description,
    attributes: attributeViews(category.fields, request.attributes),
    location: { lat: request.latitude, lon: request.longitude },
    address: request.address,
    source: request.source,
    locale: request.locale,
    reporter: {
      accountId: request.reporterAccountId,
      name: account ? `${account.givenName} ${account.familyName}` : request.reporterName,
      email: account?.email ?? request.reporterEmail,
    },
    confirmed: request.confirmedAt !== null,
    assigneeAccountId: request.assigneeAccountId,
    createdAt: request.createdAt.toISOString(),
    updatedAt: request.updatedAt.toISOString(),
    ackDueAt: iso(request.ackDueAt),
    resolveDueAt: iso(request.resolveDueAt),
    acknowledgedAt: iso(request.acknowledgedAt),
    resolvedAt: iso(request.resolvedAt),
    closedAt: iso(request.closedAt),
    reopenCount: request.reopenCount,
    followers: counts.get(request.id) ?? 0,
    mergedInto: survivor ? { id: survivor.id, reference: survivor.reference } : null,
    photos,
    history: history.map((e) => ({
      ...e,
      status: e.toStatus
        ? { code: e.toStatus, label: statusOf(e.toStatus, request.phase, statuses).label }
        : null,
    })),
  };
}
