import type { SitePage, SitePageRevision } from './schema.ts';

/** The content fields of a revision as the API shows them. */
export function revisionContent(r: SitePageRevision) {
  return {
    number: r.number,
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
  };
}

/** Where a content item is published, in one language. */
export function pagePath(
  regionSlug: string,
  page: Pick<SitePage, 'kind' | 'slug'>,
  locale: 'fr' | 'en',
): string {
  const base = `/region/${regionSlug}/${locale}`;
  if (page.kind === 'news') return `${base}/actualites/${page.slug}`;
  if (page.kind === 'event') return `${base}/evenements/${page.slug}`;
  return `${base}/${page.slug}`;
}

/** A page with its latest revision, as staff see it. */
export function staffPageView(
  regionSlug: string,
  page: SitePage,
  draft: SitePageRevision,
  publishedNumber: number | null,
) {
  return {
    id: page.id,
    slug: page.slug,
    kind: page.kind,
    section: page.section,
    inMenu: page.inMenu,
    menuOrder: page.menuOrder,
    latestRevision: page.latestRevision,
    publishedRevision: publishedNumber,
    publishedAt: page.publishedAt?.toISOString() ?? null,
    updatedAt: page.updatedAt.toISOString(),
    hasUnpublishedChanges: publishedNumber !== page.latestRevision,
    draft: revisionContent(draft),
    publicUrl: pagePath(regionSlug, page, 'fr'),
  };
}
