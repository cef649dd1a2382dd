import { asc, eq, inArray } from 'drizzle-orm';
import { accounts } from '../../../platform/auth/schema.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { organisations } from '../../../platform/orgs/schema.ts';
import { nocClasses } from '../noc/schema.ts';
import { companies, companyMembers, type jobOffers } from './schema.ts';

type Company = typeof companies.$inferSelect;
type Offer = typeof jobOffers.$inferSelect;

/** A company as its members see it, with the member list. */
export async function companyView(db: Executor, company: Company, myRole: 'owner' | 'recruiter' | null) {
  const members = await db
    .select({
      accountId: companyMembers.accountId,
      role: companyMembers.role,
      givenName: accounts.givenName,
      familyName: accounts.familyName,
      email: accounts.email,
    })
    .from(companyMembers)
    .innerJoin(accounts, eq(accounts.id, companyMembers.accountId))
    .where(inOrg(companyMembers, company.orgId, eq(companyMembers.companyId, company.id)))
    .orderBy(asc(companyMembers.createdAt));
  return {
    id: company.id,
    slug: company.slug,
    name: company.name,
    naicsCode: company.naicsCode,
    sectorFr: company.sectorFr,
    sectorEn: company.sectorEn,
    municipalityOrgId: company.municipalityOrgId,
    address: company.address,
    latitude: company.latitude,
    longitude: company.longitude,
    size: company.size,
    descriptionFr: company.descriptionFr,
    descriptionEn: company.descriptionEn,
    benefitsFr: company.benefitsFr,
    benefitsEn: company.benefitsEn,
    website: company.website,
    housingHelp: company.housingHelp,
    relocationHelp: company.relocationHelp,
    directoryListed: company.directoryListed,
    status: company.status,
    myRole,
    members: members.map((m) => ({
      accountId: m.accountId,
      role: m.role,
      email: m.email,
      name: `${m.givenName} ${m.familyName}`,
    })),
  };
}

/** Offers with their company name, NOC title and municipality name, in the order given. */
export async function offerViews(db: Executor, orgSlug: string, publicUrl: string, offers: readonly Offer[]) {
  if (offers.length === 0) return [];
  const orgId = offers[0]?.orgId ?? '';
  const companyRows = await db
    .select({ id: companies.id, name: companies.name })
    .from(companies)
    .where(inOrg(companies, orgId, inArray(companies.id, [...new Set(offers.map((o) => o.companyId))])));
  const nocRows = await db
    .select()
    .from(nocClasses)
    .where(inArray(nocClasses.code, [...new Set(offers.map((o) => o.nocCode))]));
  const townRows = await db
    .select({ id: organisations.id, nameFr: organisations.nameFr, nameEn: organisations.nameEn })
    .from(organisations)
    .where(inArray(organisations.id, [...new Set(offers.map((o) => o.municipalityOrgId))]));
  return offers.map((o) => {
    const noc = nocRows.find((n) => n.code === o.nocCode);
    const town = townRows.find((t) => t.id === o.municipalityOrgId);
    return {
      id: o.id,
      reference: o.reference,
      companyId: o.companyId,
      companyName: companyRows.find((c) => c.id === o.companyId)?.name ?? '',
      title: o.title,
      nocCode: o.nocCode,
      teer: o.teer,
      nocTitle: { fr: noc?.titleFr ?? o.nocCode, en: noc?.titleEn ?? o.nocCode },
      description: o.description,
      requirements: o.requirements,
      skills: o.skills,
      wageMinCents: o.wageMinCents,
      wageMaxCents: o.wageMaxCents,
      wageUnit: o.wageUnit,
      hoursPerWeek: o.hoursPerWeek,
      permanence: o.permanence,
      startDate: o.startDate,
      municipalityOrgId: o.municipalityOrgId,
      municipality: { fr: town?.nameFr ?? '', en: town?.nameEn ?? '' },
      frenchMinNclc: o.frenchMinNclc,
      englishMinClb: o.englishMinClb,
      housingHelp: o.housingHelp,
      relocationHelp: o.relocationHelp,
      spouseJobHelp: o.spouseJobHelp,
      permitSupport: o.permitSupport,
      status: o.status,
      moderationNote: o.moderationNote,
      publishedAt: o.publishedAt?.toISOString() ?? null,
      expiresAt: o.expiresAt?.toISOString() ?? null,
      publicUrl: o.status === 'published' ? `${publicUrl}/emplois/${orgSlug}/${o.reference}` : null,
    };
  });
}
