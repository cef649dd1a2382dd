// Demonstration content of the job portal for the MRC de Kamouraska: two approved employers, published
// offers, the demo candidate's profile (open to matching) and a few other candidates, then the matches.
import { eq } from 'drizzle-orm';
import { accounts } from '../../platform/auth/schema.ts';
import type { Database } from '../../platform/db/client.ts';
import { nextReference } from '../../platform/db/references.ts';
import { inOrg, scopeOf } from '../../platform/db/tenancy.ts';
import { findPurpose } from '../../platform/privacy/purposes.ts';
import { consents } from '../../platform/privacy/schema.ts';
import { candidateProfiles, type FamilyNeeds } from './candidates/schema.ts';
import { companies, companyMembers, jobOffers } from './employers/schema.ts';
import { recomputeAll } from './matching/recompute.ts';
import { ensureShippedNoc } from './noc/load-noc.ts';
import { teerOf } from './noc/reference.ts';

const noFamily: FamilyNeeds = {
  spouseJob: false,
  schoolChildren: 0,
  daycareChildren: 0,
  housing: false,
  relocation: false,
};

/** Seeds the job portal of the MRC de Kamouraska (idempotent: skipped once a company exists). */
export async function seedDemoJobs(
  db: Database,
  orgIds: Map<string, string>,
  accountIds: Map<string, string>,
) {
  await ensureShippedNoc(db);
  const orgId = orgIds.get('mrc-kamouraska');
  const pascal = orgIds.get('saint-pascal');
  const kamouraska = orgIds.get('kamouraska');
  const poca = orgIds.get('la-pocatiere');
  if (!orgId || !pascal || !kamouraska || !poca) return;
  const [already] = await db
    .select({ id: companies.id })
    .from(companies)
    .where(inOrg(companies, orgId))
    .limit(1);
  if (already) return;
  const scope = scopeOf(orgId);
  const [fromagerie] = await db
    .insert(companies)
    .values(
      scope.rows({
        name: 'Fromagerie du Kamouraska',
        slug: 'fromagerie-du-kamouraska',
        naicsCode: '311515',
        sectorFr: 'Fabrication de fromage',
        sectorEn: 'Cheese manufacturing',
        municipalityOrgId: pascal,
        address: '200, rue Taché, Saint-Pascal',
        latitude: 47.529,
        longitude: -69.804,
        size: '10-49' as const,
        descriptionFr: 'Fromagerie artisanale qui transforme le lait de fermes du Kamouraska depuis 25 ans.',
        descriptionEn: 'Craft cheese maker processing milk from Kamouraska farms for 25 years.',
        benefitsFr: 'Assurances collectives, horaire de jour, aide au logement la première année.',
        benefitsEn: 'Group insurance, day shifts, housing help in the first year.',
        website: 'https://fromagerie.demo.civique.ca',
        housingHelp: true,
        relocationHelp: true,
        status: 'approved' as const,
      }),
    )
    .returning();
  const [residence] = await db
    .insert(companies)
    .values(
      scope.rows({
        name: 'Résidence Les Berges',
        slug: 'residence-les-berges',
        naicsCode: '623310',
        sectorFr: 'Résidences pour personnes âgées',
        sectorEn: 'Seniors’ residences',
        municipalityOrgId: poca,
        address: '1200, 4e Avenue, La Pocatière',
        latitude: 47.366,
        longitude: -70.034,
        size: '50-199' as const,
        descriptionFr: 'Résidence pour aînés de 120 unités.',
        descriptionEn: '120-unit seniors’ residence.',
        benefitsFr: 'Formation payée, primes de soir.',
        benefitsEn: 'Paid training, evening premiums.',
        website: null,
        housingHelp: false,
        relocationHelp: true,
        status: 'approved' as const,
      }),
    )
    .returning();
  if (!fromagerie || !residence) return;
  const employer = accountIds.get('employer');
  if (employer)
    await db
      .insert(companyMembers)
      .values(scope.rows({ companyId: fromagerie.id, accountId: employer, role: 'owner' as const }));

  const offers = [
    {
      company: fromagerie.id,
      title: 'Opérateur ou opératrice de production fromagère',
      noc: '94140',
      town: pascal,
      skills: ['pasteurisation', 'HACCP', 'hygiène alimentaire'],
      fr: 5,
      en: null,
      wage: [2150, 2500],
      housing: true,
      permit: true,
      start: 30,
    },
    {
      company: fromagerie.id,
      title: 'Superviseur ou superviseure de production',
      noc: '92012',
      town: pascal,
      skills: ['gestion d’équipe', 'HACCP', 'planification'],
      fr: 7,
      en: null,
      wage: [2800, 3300],
      housing: true,
      permit: false,
      start: 45,
    },
    {
      company: fromagerie.id,
      title: 'Manœuvre en transformation alimentaire',
      noc: '95106',
      town: pascal,
      skills: ['hygiène alimentaire', 'manutention'],
      fr: 4,
      en: null,
      wage: [1800, 1900],
      housing: true,
      permit: true,
      start: 10,
    },
    {
      company: residence.id,
      title: 'Préposé ou préposée aux bénéficiaires',
      noc: '33102',
      town: poca,
      skills: ['soins d’hygiène', 'RCR', 'déplacement sécuritaire'],
      fr: 6,
      en: null,
      wage: [2300, 2600],
      housing: false,
      permit: true,
      start: 20,
    },
    {
      company: residence.id,
      title: 'Cuisinier ou cuisinière',
      noc: '63200',
      town: poca,
      skills: ['cuisine en grande quantité', 'hygiène alimentaire'],
      fr: 5,
      en: null,
      wage: [2000, 2300],
      housing: false,
      permit: false,
      start: 15,
    },
  ];
  const day = 86_400_000;
  for (const o of offers) {
    const reference = await nextReference(db, {
      orgId,
      prefix: 'KAM',
      kind: 'job_offer',
      year: new Date().getUTCFullYear(),
    });
    await db.insert(jobOffers).values(
      scope.rows({
        companyId: o.company,
        reference,
        title: o.title,
        nocCode: o.noc,
        teer: teerOf(o.noc),
        description: `Joignez-vous à une équipe accueillante au cœur du Kamouraska. Vous travaillerez de jour, dans un milieu où la qualité compte.\n\nNous accueillons les personnes qui arrivent dans la région et les accompagnons dans leur installation.`,
        requirements: 'Expérience dans un poste semblable, un atout. Formation offerte.',
        skills: o.skills,
        wageMinCents: o.wage[0] ?? null,
        wageMaxCents: o.wage[1] ?? null,
        wageUnit: 'hour' as const,
        hoursPerWeek: 40,
        permanence: 'permanent' as const,
        startDate: new Date(Date.now() + o.start * day).toISOString().slice(0, 10),
        municipalityOrgId: o.town,
        frenchMinNclc: o.fr,
        englishMinClb: o.en,
        housingHelp: o.housing,
        relocationHelp: true,
        spouseJobHelp: false,
        permitSupport: o.permit,
        status: 'published' as const,
        publishedAt: new Date(),
        expiresAt: new Date(Date.now() + 30 * day),
        submittedAt: new Date(),
      }),
    );
  }
  // One offer waiting for moderation, so the staff queue is not empty.
  await db.insert(jobOffers).values(
    scope.rows({
      companyId: fromagerie.id,
      reference: await nextReference(db, {
        orgId,
        prefix: 'KAM',
        kind: 'job_offer',
        year: new Date().getUTCFullYear(),
      }),
      title: 'Technicien ou technicienne en contrôle de la qualité',
      nocCode: '22310',
      teer: 2,
      description: 'Contrôle de la qualité des produits laitiers, analyses et suivi des normes.',
      requirements: 'DEC en technologie ou l’équivalent.',
      skills: ['analyses de laboratoire', 'HACCP'],
      wageMinCents: 2600,
      wageMaxCents: 3000,
      wageUnit: 'hour' as const,
      hoursPerWeek: 37,
      permanence: 'permanent' as const,
      startDate: null,
      municipalityOrgId: pascal,
      frenchMinNclc: 7,
      englishMinClb: null,
      status: 'pending' as const,
      submittedAt: new Date(),
    }),
  );

  const version = findPurpose('job_matching')?.version ?? '2026-01';
  const candidate = accountIds.get('candidate');
  const people: Array<{ accountId: string; profile: Partial<typeof candidateProfiles.$inferInsert> }> = [];
  if (candidate)
    people.push({
      accountId: candidate,
      profile: {
        headline: 'Food processing operator, 6 years in Senegal',
        summary: 'I worked in a dairy plant in Thiès and want to settle with my family in a small town.',
        originCountry: 'SN',
        currentCountry: 'SN',
        experience: [
          {
            title: 'Dairy production operator',
            employer: 'Laiterie du Sénégal',
            nocCode: '94140',
            years: 6,
            country: 'SN',
          },
        ],
        education: [{ level: 'vocational', field: 'Food processing', country: 'SN', year: 2016 }],
        skills: ['pasteurisation', 'HACCP', 'hygiène alimentaire'],
        frenchNclc: 9,
        englishClb: 5,
        otherLanguages: ['wolof'],
        desiredNocCodes: ['94140', '95106'],
        desiredMunicipalityIds: [pascal, kamouraska],
        availableFrom: new Date(Date.now() + 20 * day).toISOString().slice(0, 10),
        permitSituation: 'needs_permit',
        family: {
          spouseJob: true,
          spouseNocCode: '42202',
          schoolChildren: 1,
          daycareChildren: 1,
          housing: true,
          relocation: true,
        },
      },
    });
  const synthetic = [
    {
      given: 'Carlos',
      family: 'Méndez',
      origin: 'MX',
      noc: ['33102'],
      fr: 6,
      skills: ['RCR', 'soins d’hygiène'],
      permit: 'open_permit' as const,
      edu: 'college' as const,
    },
    {
      given: 'Lina',
      family: 'Haddad',
      origin: 'LB',
      noc: ['63200'],
      fr: 8,
      skills: ['cuisine en grande quantité'],
      permit: 'permanent_resident' as const,
      edu: 'vocational' as const,
    },
    {
      given: 'Julie',
      family: 'Gagnon',
      origin: 'CA',
      noc: ['92012'],
      fr: 12,
      skills: ['gestion d’équipe', 'planification'],
      permit: 'citizen' as const,
      edu: 'college' as const,
    },
    {
      given: 'Tomás',
      family: 'Rivera',
      origin: 'CO',
      noc: ['94140'],
      fr: 4,
      skills: ['HACCP'],
      permit: 'needs_permit' as const,
      edu: 'secondary' as const,
    },
    {
      given: 'Aïcha',
      family: 'Traoré',
      origin: 'CI',
      noc: ['33102', '44101'],
      fr: 10,
      skills: ['déplacement sécuritaire', 'RCR'],
      permit: 'employer_specific_permit' as const,
      edu: 'secondary' as const,
    },
    {
      given: 'Marc-André',
      family: 'Dionne',
      origin: 'FR',
      noc: ['95106'],
      fr: 12,
      skills: ['manutention'],
      permit: 'open_permit' as const,
      edu: 'secondary' as const,
    },
  ];
  for (const [i, s] of synthetic.entries()) {
    const email = `candidat${i + 1}.kamouraska@demo.civique.ca`;
    const [existing] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.email, email));
    const [row] = existing
      ? [existing]
      : await db
          .insert(accounts)
          .values({
            email,
            givenName: s.given,
            familyName: s.family,
            emailVerifiedAt: new Date(),
            locale: 'fr',
          })
          .returning({ id: accounts.id });
    if (!row) continue;
    people.push({
      accountId: row.id,
      profile: {
        headline: '',
        originCountry: s.origin,
        desiredNocCodes: s.noc,
        experience: [{ title: 'Emploi précédent', nocCode: s.noc[0], years: 2 + i }],
        education: [{ level: s.edu, field: '' }],
        skills: s.skills,
        frenchNclc: s.fr,
        permitSituation: s.permit,
        family: noFamily,
        availableFrom: new Date(Date.now() + i * 7 * day).toISOString().slice(0, 10),
      },
    });
  }
  for (const p of people) {
    await db
      .insert(candidateProfiles)
      .values(scope.rows({ ...p.profile, accountId: p.accountId, matchingEnabled: true }))
      .onConflictDoNothing();
    await db.insert(consents).values({
      accountId: p.accountId,
      orgId: null,
      purpose: 'job_matching',
      granted: true,
      textShown: findPurpose('job_matching')?.text.fr ?? '',
      textVersion: version,
      locale: 'fr',
    });
  }
  await recomputeAll(db, orgId);
}
