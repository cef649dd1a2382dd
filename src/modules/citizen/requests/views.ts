import { asc, eq } from 'drizzle-orm';
import { accounts } from '../../../platform/auth/schema.ts';
import type { Database, Executor } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { LINK_TTL_MS, linkSecret, signLinkToken } from '../../../platform/files/links.ts';
import { files } from '../../../platform/files/schema.ts';
import type { Bilingual } from '../../../platform/http/locale.ts';
import type { AttributeValue, CategoryField } from './attributes.ts';
import type { RequestSettings } from './context.ts';
import { type EventVisibility, requestEvents, requestPhotos, type ServiceRequestRow } from './schema.ts';
import { isOpenPhase, type Phase, type StatusView, statusLabel } from './statuses.ts';

// Shapes shared by the citizen's and the staff's views of a request.

/** A status as shown. */
export function statusOf(code: string, phase: Phase, statuses: readonly StatusView[]) {
  return { code, phase, label: statusLabel(code, statuses) };
}

/** The category's own fields with what was entered, in both languages (list keys become their names). */
export function attributeViews(
  fields: readonly CategoryField[],
  values: Record<string, AttributeValue>,
): Array<{ code: string; label: Bilingual; value: Bilingual }> {
  return fields.flatMap((field) => {
    const value = values[field.code];
    if (value === undefined) return [];
    const nameOf = (key: string, l: 'fr' | 'en') => {
      const choice = field.values?.find((v) => v.key === key);
      return choice ? (l === 'fr' ? choice.nameFr : choice.nameEn) : key;
    };
    const show = (l: 'fr' | 'en') =>
      Array.isArray(value)
        ? value.map((k) => nameOf(k, l)).join(', ')
        : field.datatype === 'singlevaluelist'
          ? nameOf(String(value), l)
          : String(value);
    return [
      {
        code: field.code,
        label: { fr: field.labelFr, en: field.labelEn },
        value: { fr: show('fr'), en: show('en') },
      },
    ];
  });
}

/** One entry of a request's history. */
export interface HistoryEntry {
  id: string;
  at: string;
  kind: string;
  visibility: EventVisibility;
  actorKind: string;
  actorAccountId: string | null;
  actorName: string | null;
  fromStatus: string | null;
  toStatus: string | null;
  body: string | null;
  data: Record<string, unknown> | null;
}

/** The whole history of a request, oldest first, with the names of staff who acted. */
export async function loadHistory(db: Executor, orgId: string, requestId: string): Promise<HistoryEntry[]> {
  const rows = await db
    .select({ event: requestEvents, givenName: accounts.givenName, familyName: accounts.familyName })
    .from(requestEvents)
    .leftJoin(accounts, eq(accounts.id, requestEvents.actorAccountId))
    .where(inOrg(requestEvents, orgId, eq(requestEvents.requestId, requestId)))
    .orderBy(asc(requestEvents.createdAt), asc(requestEvents.id));
  return rows.map(({ event: e, givenName, familyName }) => ({
    id: e.id,
    at: e.createdAt.toISOString(),
    kind: e.kind,
    visibility: e.visibility,
    actorKind: e.actorKind,
    actorAccountId: e.actorAccountId,
    actorName: givenName ? `${givenName} ${familyName ?? ''}`.trim() : null,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    body: e.body,
    data: e.data ?? null,
  }));
}

/** A photo of a request with a short-lived link to it (the files platform's download route). */
export interface PhotoView {
  id: string;
  eventId: string | null;
  originalName: string;
  url: string;
}

/** The photos of a request, each with a download link valid a few minutes; the caller checked access. */
export async function photoViews(db: Database, orgId: string, requestId: string): Promise<PhotoView[]> {
  const rows = await db
    .select({ id: files.id, originalName: files.originalName, eventId: requestPhotos.eventId })
    .from(requestPhotos)
    .innerJoin(files, inOrg(files, orgId, eq(files.id, requestPhotos.fileId)))
    .where(inOrg(requestPhotos, orgId, eq(requestPhotos.requestId, requestId)))
    .orderBy(asc(requestPhotos.createdAt));
  if (rows.length === 0) return [];
  const secret = await linkSecret(db);
  const expiresAt = Math.floor((Date.now() + LINK_TTL_MS) / 1000);
  return rows.map((r) => ({
    id: r.id,
    eventId: r.eventId,
    originalName: r.originalName,
    url: `/api/files/download/${signLinkToken(secret, { orgId, fileId: r.id, expiresAt })}`,
  }));
}

/** Until when a resolved or closed request may be reopened (null: it may not, or is still open). */
export function reopenUntil(request: ServiceRequestRow, settings: RequestSettings): Date | null {
  if (request.mergedIntoId || isOpenPhase(request.phase)) return null;
  const since = Math.max(request.resolvedAt?.getTime() ?? 0, request.closedAt?.getTime() ?? 0);
  if (since === 0) return null;
  return new Date(since + settings.reopenDays * 86_400_000);
}
