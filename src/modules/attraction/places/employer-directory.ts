// The employer directory (bottin) reads the job portal's companies and offers: only companies the MRC
// approved and that chose to be listed, each with its offers that are published and not expired.
import { and, asc, count, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { companies, jobOffers } from '../employers/schema.ts';
import type { Region } from '../site/policies.ts';
import { textMatches } from './search.ts';

const listed = () => and(eq(companies.status, 'approved'), eq(companies.directoryListed, true));
const liveOffer = () => and(eq(jobOffers.status, 'published'), gt(jobOffers.expiresAt, sql`now()`));

/** One employer as the public directory shows it. */
export type DirectoryEmployer = ReturnType<typeof employerView>;

function employerView(region: Region, c: typeof companies.$inferSelect, openOffers: number) {
  const town = region.members.find((m) => m.id === c.municipalityOrgId);
  return {
    slug: c.slug,
    name: c.name,
    naicsCode: c.naicsCode,
    sector: { fr: c.sectorFr, en: c.sectorEn },
    municipality: town ? { slug: town.slug, name: town.name } : null,
    size: c.size,
    description: { fr: c.descriptionFr, en: c.descriptionEn },
    benefits: { fr: c.benefitsFr, en: c.benefitsEn },
    website: c.website,
    address: c.address,
    latitude: c.latitude,
    longitude: c.longitude,
    logoUrl: c.logoFileId ? `/region/${region.slug}/images/${c.logoFileId}` : null,
    housingHelp: c.housingHelp,
    relocationHelp: c.relocationHelp,
    openOffers,
  };
}

/** Directory filters: free text, NAICS prefix (sector), member municipality, help offered. */
export interface DirectoryFilters {
  q?: string;
  naics?: string;
  municipality?: string;
  housingHelp?: boolean;
  relocationHelp?: boolean;
}

/** The public directory of an MRC's employers, by name. */
export async function listDirectory(db: Database, region: Region, filters: DirectoryFilters = {}) {
  const town = filters.municipality
    ? region.members.find((m) => m.slug === filters.municipality || m.id === filters.municipality)
    : undefined;
  const rows = await db
    .select()
    .from(companies)
    .where(
      inOrg(
        companies,
        region.id,
        listed(),
        filters.q
          ? textMatches(
              filters.q,
              companies.name,
              companies.descriptionFr,
              companies.descriptionEn,
              companies.sectorFr,
              companies.sectorEn,
            )
          : undefined,
        filters.naics
          ? sql`${companies.naicsCode} like ${`${filters.naics.replace(/\D/g, '')}%`}`
          : undefined,
        filters.municipality
          ? eq(companies.municipalityOrgId, town?.id ?? '00000000-0000-0000-0000-000000000000')
          : undefined,
        filters.housingHelp ? eq(companies.housingHelp, true) : undefined,
        filters.relocationHelp ? eq(companies.relocationHelp, true) : undefined,
      ),
    )
    .orderBy(asc(companies.name))
    .limit(500);
  const counts = rows.length
    ? await db
        .select({ companyId: jobOffers.companyId, n: count() })
        .from(jobOffers)
        .where(
          inOrg(
            jobOffers,
            region.id,
            liveOffer(),
            inArray(
              jobOffers.companyId,
              rows.map((r) => r.id),
            ),
          ),
        )
        .groupBy(jobOffers.companyId)
    : [];
  const byCompany = new Map(counts.map((c) => [c.companyId, c.n]));
  return rows.map((c) => employerView(region, c, byCompany.get(c.id) ?? 0));
}

/** One listed employer with its current offers; 404 for a company that is pending, suspended or unlisted. */
export async function getDirectoryEmployer(db: Database, region: Region, slug: string) {
  const [c] = await db
    .select()
    .from(companies)
    .where(inOrg(companies, region.id, listed(), eq(companies.slug, slug)));
  if (!c) throw new AppError('region.employer_not_found', 404);
  const offers = await db
    .select({
      reference: jobOffers.reference,
      title: jobOffers.title,
      municipalityOrgId: jobOffers.municipalityOrgId,
      publishedAt: jobOffers.publishedAt,
      expiresAt: jobOffers.expiresAt,
      permanence: jobOffers.permanence,
    })
    .from(jobOffers)
    .where(inOrg(jobOffers, region.id, liveOffer(), eq(jobOffers.companyId, c.id)))
    .orderBy(asc(jobOffers.title));
  return {
    employer: employerView(region, c, offers.length),
    offers: offers.map((o) => ({
      reference: o.reference,
      title: o.title,
      permanence: o.permanence,
      municipality: region.members.find((m) => m.id === o.municipalityOrgId)?.name ?? null,
      url: `/emplois/${region.slug}/${o.reference}`,
      expiresAt: o.expiresAt?.toISOString() ?? null,
    })),
  };
}

/** Whether a file is the logo of a listed employer (so the public may see it). */
export async function isListedLogo(db: Database, orgId: string, fileId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: companies.id })
    .from(companies)
    .where(inOrg(companies, orgId, listed(), eq(companies.logoFileId, fileId)))
    .limit(1);
  return !!row;
}
