import { count, eq, isNotNull, sql } from 'drizzle-orm';
import { type ExportTable, tableToCsv } from '../../../platform/audit/table-export.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Database } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import type { Locale } from '../../../platform/http/locale.ts';
import { candidateProfiles } from '../candidates/schema.ts';
import { companies, jobOffers } from '../employers/schema.ts';
import { jobMatches } from '../matching/schema.ts';
import { BROAD_CATEGORIES } from '../noc/reference.ts';
import { requireAttractionStaff } from '../policies.ts';

const broadTitle = (code: string, locale: Locale) => {
  const c = BROAD_CATEGORIES.find((b) => b.code === code);
  return c ? (locale === 'fr' ? c.titleFr : c.titleEn) : code;
};

/** The portal's statistics for MRC staff: aggregates only, no person can be picked out of them. */
export async function portalStats(options: {
  db: Database;
  auth: AuthContext | null;
  orgId: string;
  locale: Locale;
}) {
  const { db, orgId, locale } = options;
  requireAttractionStaff(options.auth, orgId);
  const byOrigin = await db
    .select({ key: sql<string>`coalesce(${candidateProfiles.originCountry}, '?')`, n: count() })
    .from(candidateProfiles)
    .where(inOrg(candidateProfiles, orgId))
    .groupBy(sql`1`)
    .orderBy(sql`2 desc`);
  const byOccupation = await db
    .select({ key: sql<string>`left(code, 1)`, n: sql<number>`count(distinct ${candidateProfiles.id})::int` })
    .from(sql`${candidateProfiles} cross join lateral unnest(${candidateProfiles.desiredNocCodes}) as code`)
    .where(inOrg(candidateProfiles, orgId))
    .groupBy(sql`1`)
    .orderBy(sql`1`);
  const bySector = await db
    .select({ key: sql<string>`left(${jobOffers.nocCode}, 1)`, n: count() })
    .from(jobOffers)
    .where(inOrg(jobOffers, orgId, sql`${jobOffers.status} in ('published', 'expired', 'closed')`))
    .groupBy(sql`1`)
    .orderBy(sql`1`);
  const [m] = await db
    .select({
      matches: count(),
      candidateInterest: sql<number>`count(${jobMatches.candidateInterestAt})::int`,
      employerInterest: sql<number>`count(${jobMatches.employerInterestAt})::int`,
      mutual: sql<number>`count(${jobMatches.mutualAt})::int`,
      hires: sql<number>`count(${jobMatches.hiredAt})::int`,
    })
    .from(jobMatches)
    .where(inOrg(jobMatches, orgId));
  const [c] = await db.select({ n: count() }).from(candidateProfiles).where(inOrg(candidateProfiles, orgId));
  const [open] = await db
    .select({ n: count() })
    .from(candidateProfiles)
    .where(inOrg(candidateProfiles, orgId, eq(candidateProfiles.matchingEnabled, true)));
  const [co] = await db
    .select({ n: count() })
    .from(companies)
    .where(inOrg(companies, orgId, eq(companies.status, 'approved')));
  const [hiredProfiles] = await db
    .select({ n: count() })
    .from(candidateProfiles)
    .where(inOrg(candidateProfiles, orgId, isNotNull(candidateProfiles.hiredAt)));
  return {
    totals: {
      candidates: c?.n ?? 0,
      candidatesOpenToMatching: open?.n ?? 0,
      companies: co?.n ?? 0,
      matches: m?.matches ?? 0,
      candidateInterest: m?.candidateInterest ?? 0,
      employerInterest: m?.employerInterest ?? 0,
      mutualInterests: m?.mutual ?? 0,
      hiresReported: Math.max(m?.hires ?? 0, hiredProfiles?.n ?? 0),
    },
    candidatesByOrigin: byOrigin.map((r) => ({ key: r.key, label: r.key, count: Number(r.n) })),
    candidatesByOccupation: byOccupation.map((r) => ({
      key: r.key,
      label: broadTitle(r.key, locale),
      count: Number(r.n),
    })),
    offersBySector: bySector.map((r) => ({
      key: r.key,
      label: broadTitle(r.key, locale),
      count: Number(r.n),
    })),
  };
}

/** The statistics as one CSV table (section, label, count). */
export async function exportPortalStats(options: {
  db: Database;
  auth: AuthContext | null;
  orgId: string;
  locale: Locale;
}) {
  const s = await portalStats(options);
  const fr = options.locale === 'fr';
  const table: ExportTable = {
    columns: [
      { key: 'section', header: fr ? 'Section' : 'Section' },
      { key: 'label', header: fr ? 'Libellé' : 'Label' },
      { key: 'count', header: fr ? 'Nombre' : 'Count' },
    ],
    rows: [
      ...Object.entries(s.totals).map(([k, v]) => ({ section: 'totals', label: k, count: v })),
      ...s.candidatesByOrigin.map((r) => ({ section: 'candidatesByOrigin', label: r.label, count: r.count })),
      ...s.candidatesByOccupation.map((r) => ({
        section: 'candidatesByOccupation',
        label: `${r.key} ${r.label}`,
        count: r.count,
      })),
      ...s.offersBySector.map((r) => ({
        section: 'offersBySector',
        label: `${r.key} ${r.label}`,
        count: r.count,
      })),
    ],
  };
  return tableToCsv(table);
}
