import { eq, inArray, ne } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Database, Executor } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { files } from '../../../platform/files/schema.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { imageFileIds, imageProblems } from './markdown.ts';
import { staffPageView } from './page-view.ts';
import { findRegion, requireSiteStaff } from './policies.ts';
import { sitePageRevisions, sitePages } from './schema.ts';
import type { PageInputT } from './schemas.ts';

/** The upload purpose of images shown on the regional site (public once a published page names them). */
export const REGION_IMAGE_PURPOSE = 'region.image';

/** Path words the public site uses itself; a page cannot take them. */
export const RESERVED_SLUGS = new Set([
  'fr',
  'en',
  'actualites',
  'evenements',
  'lieux',
  'carte',
  'employeurs',
  'personnes-ressources',
  'rendez-vous',
  'images',
  'sitemap',
  'recherche',
  'trousse-salon',
]);

const isUniqueViolation = (e: unknown) =>
  (e as { code?: string; cause?: { code?: string } })?.code === '23505' ||
  (e as { cause?: { code?: string } })?.cause?.code === '23505';

async function checkContent(
  db: Executor,
  orgId: string,
  input: PageInputT,
  pageId: string | null,
): Promise<void> {
  if (RESERVED_SLUGS.has(input.slug))
    throw new AppError('region.slug_reserved', 422, { params: { slug: input.slug } });
  if (input.kind === 'event') {
    const start = input.eventStartsAt ? Date.parse(input.eventStartsAt) : Number.NaN;
    const end = input.eventEndsAt ? Date.parse(input.eventEndsAt) : start;
    if (Number.isNaN(start) || end < start) throw new AppError('region.event_dates_required', 422);
  }
  if (input.imageFileId && (!input.imageAltFr?.trim() || !input.imageAltEn?.trim())) {
    throw new AppError('region.image_alt_required', 422);
  }
  for (const body of [input.bodyFr, input.bodyEn]) {
    for (const p of imageProblems(body)) {
      if (p.problem === 'alt_missing') throw new AppError('region.image_alt_required', 422);
      throw new AppError('region.image_not_platform', 422, { params: { src: p.src.slice(0, 80) } });
    }
  }
  const ids = [
    ...new Set([
      ...imageFileIds(input.bodyFr),
      ...imageFileIds(input.bodyEn),
      ...(input.imageFileId ? [input.imageFileId] : []),
    ]),
  ];
  if (ids.length) {
    const found = await db
      .select({ id: files.id })
      .from(files)
      .where(inOrg(files, orgId, inArray(files.id, ids), eq(files.purpose, REGION_IMAGE_PURPOSE)));
    if (found.length !== ids.length) throw new AppError('region.image_unknown', 422);
  }
  if (input.section) {
    const [parent] = await db
      .select({ id: sitePages.id })
      .from(sitePages)
      .where(
        inOrg(
          sitePages,
          orgId,
          eq(sitePages.slug, input.section),
          eq(sitePages.kind, 'page'),
          pageId ? ne(sitePages.id, pageId) : undefined,
        ),
      );
    if (!parent) throw new AppError('region.section_unknown', 422, { params: { slug: input.section } });
  }
}

function revisionValues(
  orgId: string,
  pageId: string,
  number: number,
  input: PageInputT,
  authorAccountId: string,
  restoredFrom: number | null = null,
) {
  return {
    orgId,
    pageId,
    number,
    titleFr: input.titleFr.trim(),
    titleEn: input.titleEn.trim(),
    summaryFr: input.summaryFr.trim(),
    summaryEn: input.summaryEn.trim(),
    bodyFr: input.bodyFr,
    bodyEn: input.bodyEn,
    imageFileId: input.imageFileId,
    imageAltFr: input.imageFileId ? (input.imageAltFr?.trim() ?? null) : null,
    imageAltEn: input.imageFileId ? (input.imageAltEn?.trim() ?? null) : null,
    eventStartsAt: input.kind === 'event' && input.eventStartsAt ? new Date(input.eventStartsAt) : null,
    eventEndsAt: input.kind === 'event' && input.eventEndsAt ? new Date(input.eventEndsAt) : null,
    eventLocation: input.kind === 'event' ? (input.eventLocation ?? null) : null,
    eventAddress: input.kind === 'event' ? (input.eventAddress ?? null) : null,
    note: input.note ?? null,
    restoredFrom,
    authorAccountId,
  };
}

/**
 * Saves a page's content as a new revision (creating the page when `pageId` is absent). Nothing changes on
 * the public site until the revision is published.
 */
export async function savePage(options: {
  db: Database;
  auth: AuthContext | null;
  orgId: string;
  pageId?: string;
  input: PageInputT;
  ip?: string;
  restoredFrom?: number;
}) {
  const who = requireSiteStaff(options.auth, options.orgId);
  const { db, orgId, input } = options;
  const region = await findRegion(db, orgId);
  await checkContent(db, orgId, input, options.pageId ?? null);
  try {
    return await db.transaction(async (tx) => {
      let page: typeof sitePages.$inferSelect | undefined;
      if (options.pageId) {
        [page] = await tx
          .select()
          .from(sitePages)
          .where(inOrg(sitePages, orgId, eq(sitePages.id, options.pageId)))
          .for('update');
        if (!page) throw new AppError('region.page_not_found', 404);
        if (options.input.baseRevision !== undefined && options.input.baseRevision !== page.latestRevision) {
          throw new AppError('region.revision_stale', 409, { params: { latest: page.latestRevision } });
        }
      } else {
        [page] = await tx.insert(sitePages).values({ orgId, slug: input.slug, kind: input.kind }).returning();
        if (!page) throw new Error('page insert returned no row');
      }
      const number = page.latestRevision + 1;
      const [revision] = await tx
        .insert(sitePageRevisions)
        .values(revisionValues(orgId, page.id, number, input, who.account.id, options.restoredFrom ?? null))
        .returning();
      const [updated] = await tx
        .update(sitePages)
        .set({
          slug: input.slug,
          kind: input.kind,
          section: input.section,
          inMenu: input.inMenu,
          menuOrder: input.menuOrder,
          latestRevision: number,
          updatedAt: new Date(),
        })
        .where(inOrg(sitePages, orgId, eq(sitePages.id, page.id)))
        .returning();
      if (!revision || !updated) throw new Error('page save returned no row');
      const published = updated.publishedRevisionId
        ? ((
            await tx
              .select({ number: sitePageRevisions.number })
              .from(sitePageRevisions)
              .where(inOrg(sitePageRevisions, orgId, eq(sitePageRevisions.id, updated.publishedRevisionId)))
          )[0]?.number ?? null)
        : null;
      await recordAudit(tx, {
        orgId,
        actorAccountId: who.account.id,
        action: options.restoredFrom
          ? 'region.page_restored'
          : options.pageId
            ? 'region.page_saved'
            : 'region.page_created',
        targetType: 'site_page',
        targetId: page.id,
        ip: options.ip ?? null,
        details: {
          revision: number,
          slug: input.slug,
          ...(options.restoredFrom ? { restoredFrom: options.restoredFrom } : {}),
        },
      });
      return staffPageView(region.slug, updated, revision, published);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('region.slug_taken', 409, { params: { slug: input.slug } });
    throw e;
  }
}

/** Used by restore: the input that reproduces a stored revision. */
export function inputFromRevision(
  page: typeof sitePages.$inferSelect,
  r: typeof sitePageRevisions.$inferSelect,
): PageInputT {
  return {
    slug: page.slug,
    kind: page.kind,
    section: page.section,
    inMenu: page.inMenu,
    menuOrder: page.menuOrder,
    titleFr: r.titleFr,
    titleEn: r.titleEn,
    summaryFr: r.summaryFr,
    summaryEn: r.summaryEn,
    bodyFr: r.bodyFr,
    bodyEn: r.bodyEn,
    imageFileId: r.imageFileId,
    imageAltFr: r.imageAltFr,
    imageAltEn: r.imageAltEn,
    eventStartsAt: r.eventStartsAt?.toISOString() ?? null,
    eventEndsAt: r.eventEndsAt?.toISOString() ?? null,
    eventLocation: r.eventLocation,
    eventAddress: r.eventAddress,
    note: null,
  };
}
