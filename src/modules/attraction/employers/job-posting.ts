// schema.org JobPosting for Google's job search: required title, description, datePosted,
// hiringOrganization, jobLocation; recommended validThrough, employmentType, baseSalary, identifier,
// directApply. Pure: the offer's public view in, the JSON-LD object out.

export interface PublicOffer {
  reference: string;
  title: string;
  description: string;
  requirements: string;
  nocCode: string;
  nocTitleFr: string;
  wageMinCents: number | null;
  wageMaxCents: number | null;
  wageUnit: 'hour' | 'year';
  hoursPerWeek: number;
  permanence: 'permanent' | 'temporary' | 'seasonal';
  startDate: string | null;
  publishedAt: string;
  expiresAt: string | null;
  municipality: string;
  companyName: string;
  companyWebsite: string | null;
  url: string;
  frenchMinNclc: number | null;
  englishMinClb: number | null;
}

const html = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .split(/\n{2,}/)
    .map((p) => `<p>${p.replace(/\n/g, '<br>')}</p>`)
    .join('');

/** The JSON-LD object of an offer. */
export function jobPostingJsonLd(o: PublicOffer): Record<string, unknown> {
  const employmentType = [o.hoursPerWeek >= 30 ? 'FULL_TIME' : 'PART_TIME'];
  if (o.permanence !== 'permanent') employmentType.push('TEMPORARY');
  const ld: Record<string, unknown> = {
    '@context': 'https://schema.org/',
    '@type': 'JobPosting',
    title: o.title,
    description: html(`${o.description}${o.requirements ? `\n\n${o.requirements}` : ''}`),
    identifier: { '@type': 'PropertyValue', name: o.companyName, value: o.reference },
    datePosted: o.publishedAt.slice(0, 10),
    ...(o.expiresAt ? { validThrough: o.expiresAt } : {}),
    employmentType,
    hiringOrganization: {
      '@type': 'Organization',
      name: o.companyName,
      ...(o.companyWebsite ? { sameAs: o.companyWebsite } : {}),
    },
    jobLocation: {
      '@type': 'Place',
      address: {
        '@type': 'PostalAddress',
        addressLocality: o.municipality,
        addressRegion: 'QC',
        addressCountry: 'CA',
      },
    },
    occupationalCategory: `${o.nocCode} ${o.nocTitleFr}`,
    workHours: `${o.hoursPerWeek} h/semaine`,
    directApply: true,
    url: o.url,
  };
  if (o.startDate) ld.jobStartDate = o.startDate;
  if (o.wageMinCents !== null || o.wageMaxCents !== null) {
    const min = (o.wageMinCents ?? o.wageMaxCents ?? 0) / 100;
    const max = (o.wageMaxCents ?? o.wageMinCents ?? 0) / 100;
    ld.baseSalary = {
      '@type': 'MonetaryAmount',
      currency: 'CAD',
      value: {
        '@type': 'QuantitativeValue',
        ...(min === max ? { value: min } : { minValue: min, maxValue: max }),
        unitText: o.wageUnit === 'hour' ? 'HOUR' : 'YEAR',
      },
    };
  }
  const languages = [o.frenchMinNclc ? 'fr' : null, o.englishMinClb ? 'en' : null].filter(Boolean);
  if (languages.length)
    ld.qualifications = languages
      .map((l) => (l === 'fr' ? `Français NCLC ${o.frenchMinNclc}` : `English CLB ${o.englishMinClb}`))
      .join('; ');
  return ld;
}

/** JSON for a `<script type="application/ld+json">` block: `<` escaped so that no text can close the tag. */
export function jsonLdScript(ld: unknown): string {
  return JSON.stringify(ld).replace(/</g, '\\u003c');
}
