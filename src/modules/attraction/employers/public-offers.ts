import { and, desc, eq, gt, sql } from 'drizzle-orm';
import type { Database } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { getOrganisation } from '../../../platform/orgs/get-organisation.ts';
import { requireMrc } from '../policies.ts';
import type { PublicOffer } from './job-posting.ts';
import { companies, jobOffers } from './schema.ts';
import { offerViews } from './views.ts';

const live = () => and(eq(jobOffers.status, 'published'), gt(jobOffers.expiresAt, sql`now()`));

/** Published offers of an MRC (public), newest first. */
export async function listPublicOffers(options: {
  db: Database;
  orgIdOrSlug: string;
  publicUrl: string;
  nocPrefix?: string;
}) {
  const org = await getOrganisation({ db: options.db, idOrSlug: options.orgIdOrSlug });
  await requireMrc(options.db, org.id);
  const rows = await options.db
    .select()
    .from(jobOffers)
    .where(
      inOrg(
        jobOffers,
        org.id,
        live(),
        options.nocPrefix ? sql`${jobOffers.nocCode} like ${`${options.nocPrefix}%`}` : undefined,
      ),
    )
    .orderBy(desc(jobOffers.publishedAt))
    .limit(200);
  return { org, items: await offerViews(options.db, org.slug, options.publicUrl, rows) };
}

/** One published offer by reference (public), with what its page and JSON-LD need. A draft is a 404. */
export async function getPublicOffer(options: {
  db: Database;
  orgIdOrSlug: string;
  reference: string;
  publicUrl: string;
}) {
  const org = await getOrganisation({ db: options.db, idOrSlug: options.orgIdOrSlug });
  const [row] = await options.db
    .select({ offer: jobOffers, company: companies })
    .from(jobOffers)
    .innerJoin(companies, and(eq(companies.orgId, jobOffers.orgId), eq(companies.id, jobOffers.companyId)))
    .where(inOrg(jobOffers, org.id, eq(jobOffers.reference, options.reference), live()));
  if (!row) throw new AppError('attraction.offer_not_found', 404);
  const [view] = await offerViews(options.db, org.slug, options.publicUrl, [row.offer]);
  if (!view) throw new AppError('attraction.offer_not_found', 404);
  const posting: PublicOffer = {
    reference: view.reference,
    title: view.title,
    description: view.description,
    requirements: view.requirements,
    nocCode: view.nocCode,
    nocTitleFr: view.nocTitle.fr,
    wageMinCents: view.wageMinCents,
    wageMaxCents: view.wageMaxCents,
    wageUnit: view.wageUnit,
    hoursPerWeek: view.hoursPerWeek,
    permanence: view.permanence,
    startDate: view.startDate,
    publishedAt: view.publishedAt ?? new Date().toISOString(),
    expiresAt: view.expiresAt,
    municipality: view.municipality.fr,
    companyName: row.company.name,
    companyWebsite: row.company.website,
    url: `${options.publicUrl}/emplois/${org.slug}/${view.reference}`,
    frenchMinNclc: view.frenchMinNclc,
    englishMinClb: view.englishMinClb,
  };
  return { org, offer: view, company: row.company, posting };
}
