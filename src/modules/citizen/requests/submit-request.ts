import { eq, inArray } from 'drizzle-orm';
import type { AuthContext } from '../../../platform/auth/context.ts';
import { requireAccount } from '../../../platform/auth/policies.ts';
import type { Database, Executor } from '../../../platform/db/client.ts';
import { newId } from '../../../platform/db/ids.ts';
import { nextReference } from '../../../platform/db/references.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { files } from '../../../platform/files/schema.ts';
import { AppError, renderMessage } from '../../../platform/http/errors.ts';
import type { Locale } from '../../../platform/http/locale.ts';
import type { JobQueue } from '../../../platform/jobs/queue.ts';
import {
  enqueueNotification,
  type NotifyResult,
  recordNotification,
} from '../../../platform/notify/notify.ts';
import { enqueueEmail, queueEmail } from '../../../platform/notify/send-email.ts';
import { notifySettings } from '../../../platform/notify/settings.ts';
import { checkAttributes } from './attributes.ts';
import { localDay } from './business-days.ts';
import { checkLocation } from './check-location.ts';
import { categoryName, findCategory, loadOrg, loadSettings, requestPaths } from './context.ts';
import { fieldError } from './field-error.ts';
import { publicPosition } from './grid.ts';
import { CODE_TTL_HOURS, guestToken, hashCode, newCode, photoTokenValid } from './guest-access.ts';
import { REQUEST_CONFIRM_EMAIL, REQUEST_RECEIVED } from './notifications.ts';
import { requestEvents, requestFollowers, requestPhotos, serviceRequests } from './schema.ts';
import { dueDates } from './targets.ts';
import { REQUEST_PHOTO } from './upload-request-photo.ts';

/** Most photos one request (or one addition of information) carries. */
export const MAX_PHOTOS = 5;

/** What a person (or an outside application) sends to report a problem. */
export interface SubmitRequestInput {
  categoryId: string;
  description: string;
  attributes?: Record<string, unknown>;
  location: { lat: number; lon: number; address?: string | null };
  photos?: Array<{ id: string; token?: string }>;
  /** Without an account: the e-mail address that follows the request (and proves itself by a code). */
  contact?: { email: string; name?: string | null; locale?: Locale };
}

/** The request created: its reference, whether staff treat it as confirmed, a guest's follow-up token. */
export interface SubmittedRequest {
  id: string;
  reference: string;
  confirmed: boolean;
  guestToken: string | null;
}

/** Checks the photos to attach: uploaded for this request form by this person, not attached elsewhere. */
export async function checkPhotos(
  db: Executor,
  orgId: string,
  photos: ReadonlyArray<{ id: string; token?: string }>,
  accountId: string | null,
  locale: Locale,
): Promise<string[]> {
  if (photos.length > MAX_PHOTOS)
    throw fieldError('requests.too_many_photos', 'photos', locale, 400, { max: MAX_PHOTOS });
  if (photos.length === 0) return [];
  const ids = [...new Set(photos.map((p) => p.id))];
  const [rows, used] = await Promise.all([
    db
      .select()
      .from(files)
      .where(inOrg(files, orgId, inArray(files.id, ids), eq(files.purpose, REQUEST_PHOTO))),
    db
      .select({ fileId: requestPhotos.fileId })
      .from(requestPhotos)
      .where(inOrg(requestPhotos, orgId, inArray(requestPhotos.fileId, ids))),
  ]);
  for (const photo of photos) {
    const file = rows.find((r) => r.id === photo.id);
    const mine = accountId
      ? file?.ownerAccountId === accountId
      : !!file &&
        file.ownerAccountId === null &&
        !!photo.token &&
        (await photoTokenValid(db, file.id, photo.token));
    if (!mine || used.some((u) => u.fileId === photo.id))
      throw fieldError('requests.photo_invalid', 'photos', locale);
  }
  return ids;
}

/**
 * Files a request: category and its own fields checked, location checked (in Quebec, near the town),
 * photos checked, then in one transaction the next reference (`JOL-2026-000123`), the request, its
 * reporter as first follower, the first history entry and the photos. A signed-in person or an
 * application's request is confirmed at once and acknowledged by notification; a guest's waits for the
 * code e-mailed to them before staff treat it as confirmed (and targets start).
 */
export async function submitRequest(options: {
  db: Database;
  jobs: JobQueue;
  auth: AuthContext | null;
  orgId: string;
  locale: Locale;
  input: SubmitRequestInput;
  /** Set when an outside application posts through Open311 with its key. */
  application?: { apiKeyId: string; deviceId?: string | null };
}): Promise<SubmittedRequest> {
  const { db, jobs, orgId, input, locale, application } = options;
  const org = await loadOrg(db, orgId);
  const who = options.auth ? requireAccount(options.auth) : null;
  const category = await findCategory(db, orgId, input.categoryId);
  if (!category?.active) throw fieldError('requests.category_unknown', 'categoryId', locale);
  const { values, problems } = checkAttributes(category.fields, input.attributes ?? {});
  if (problems.length > 0) {
    const fields = problems.map((p) => ({
      field: `attributes.${p.code}`,
      rule: p.rule,
      message: renderMessage(`requests.attribute_${p.rule}`, locale),
    }));
    throw new AppError('validation.failed', 400, { details: { fields } });
  }
  const location = await checkLocation(db, org, input.location, locale);
  const email = who ? null : input.contact?.email?.trim().toLowerCase() || null;
  if (!who && !application && !email) throw fieldError('requests.contact_required', 'contact.email', locale);
  const photoIds = await checkPhotos(db, orgId, input.photos ?? [], who?.account.id ?? null, locale);
  const settings = await loadSettings(db, orgId);
  const shown = publicPosition(location.lat, location.lon, {
    sensitive: category.sensitive,
    gridMetres: settings.gridMetres,
  });

  const now = new Date();
  const confirmed = !!who || !!application;
  const reporterLocale: Locale = who?.account.locale ?? input.contact?.locale ?? locale;
  const followerId = newId();
  const code = confirmed ? null : newCode();
  const publicUrl = notifySettings(jobs).publicUrl;
  const token = email ? await guestToken(db, followerId) : null;
  const params = { category: categoryName(category) };

  const done = await db.transaction(async (tx) => {
    const reference = await nextReference(tx, {
      orgId,
      prefix: org.refPrefix,
      kind: 'request',
      year: Number(localDay(now).slice(0, 4)),
    });
    const [row] = await tx
      .insert(serviceRequests)
      .values({
        orgId,
        reference,
        categoryId: category.id,
        departmentId: category.departmentId,
        description: input.description.trim(),
        attributes: values,
        latitude: location.lat,
        longitude: location.lon,
        publicLatitude: shown.lat,
        publicLongitude: shown.lon,
        address: location.address,
        source: application ? 'open311' : 'web',
        apiKeyId: application?.apiKeyId ?? null,
        reporterAccountId: who?.account.id ?? null,
        reporterEmail: email,
        reporterName: who ? null : input.contact?.name?.trim() || null,
        locale: reporterLocale,
        confirmedAt: confirmed ? now : null,
        ...(confirmed ? dueDates(category, now) : {}),
      })
      .returning({ id: serviceRequests.id });
    if (!row) throw new Error('request insert returned no row');
    if (who || email) {
      await tx.insert(requestFollowers).values({
        orgId,
        id: followerId,
        requestId: row.id,
        accountId: who?.account.id ?? null,
        email: who ? null : email,
        locale: reporterLocale,
        role: 'reporter',
        confirmedAt: confirmed ? now : null,
        codeHash: code ? hashCode(followerId, code) : null,
        codeExpiresAt: code ? new Date(now.getTime() + CODE_TTL_HOURS * 3600_000) : null,
        codesSent: code ? 1 : 0,
      });
    }
    const [event] = await tx
      .insert(requestEvents)
      .values({
        orgId,
        requestId: row.id,
        kind: 'submitted',
        visibility: 'public',
        actorAccountId: who?.account.id ?? null,
        actorKind: application ? 'application' : 'reporter',
        toStatus: 'submitted',
        data: application?.deviceId ? { deviceId: application.deviceId } : null,
      })
      .returning({ id: requestEvents.id });
    if (photoIds.length > 0)
      await tx
        .insert(requestPhotos)
        .values(photoIds.map((fileId) => ({ orgId, requestId: row.id, fileId, eventId: event?.id ?? null })));

    const url = token
      ? `${publicUrl}${requestPaths.guest(org.slug, token)}`
      : `${publicUrl}${requestPaths.citizen(org.slug, row.id)}`;
    let notice: NotifyResult | null = null;
    let emailId: string | null = null;
    if (code && email) {
      emailId = await queueEmail(
        tx,
        {
          to: email,
          locale: reporterLocale,
          template: REQUEST_CONFIRM_EMAIL,
          params: {
            ...params,
            reference,
            code,
            hours: CODE_TTL_HOURS,
            kind: 'report',
            url: `${url}?code=${code}`,
          },
          orgId,
        },
        { publicUrl, category: 'requests' },
      );
    } else if (who || email) {
      notice = await recordNotification(
        { db: tx, jobs },
        {
          orgId,
          category: 'requests',
          template: REQUEST_RECEIVED,
          params: { ...params, reference, url },
          ...(who ? { accountId: who.account.id } : { to: { email: email ?? '', locale: reporterLocale } }),
        },
      );
    }
    return { id: row.id, reference, notice, emailId };
  });
  if (done.emailId) await enqueueEmail(jobs, done.emailId);
  if (done.notice) await enqueueNotification(jobs, done.notice);
  return { id: done.id, reference: done.reference, confirmed, guestToken: token };
}
