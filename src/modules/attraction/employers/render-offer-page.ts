// Server-rendered public pages of offers: meaningful HTML without JavaScript, with the JSON-LD block.
import type { Locale } from '../../../platform/http/locale.ts';
import { jobPostingJsonLd, jsonLdScript, type PublicOffer } from './job-posting.ts';

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const paragraphs = (s: string) =>
  s
    .split(/\n{2,}/)
    .map((p) => `<p>${esc(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');

const money = (cents: number, locale: Locale) =>
  new Intl.NumberFormat(locale === 'fr' ? 'fr-CA' : 'en-CA', { style: 'currency', currency: 'CAD' }).format(
    cents / 100,
  );

function layout(
  locale: Locale,
  title: string,
  description: string,
  canonical: string,
  body: string,
  head = '',
): string {
  return `<!doctype html>
<html lang="${locale}-CA">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<meta name="description" content="${esc(description.slice(0, 160))}">
<link rel="canonical" href="${esc(canonical)}">
<meta property="og:type" content="website">
<meta property="og:title" content="${esc(title)}">
<meta property="og:description" content="${esc(description.slice(0, 200))}">
<meta property="og:url" content="${esc(canonical)}">
<style>body{font-family:system-ui,sans-serif;max-width:46rem;margin:0 auto;padding:1rem;line-height:1.5;color:#1a1a1a}a{color:#004b87}dt{font-weight:600}dd{margin:0 0 .5rem}</style>
${head}
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

/** The page of one offer. */
export function renderOfferPage(
  o: PublicOffer & {
    municipality: string;
    nocTitle: string;
    teer: number;
    housingHelp: boolean;
    relocationHelp: boolean;
    orgName: string;
    orgId: string;
    listUrl: string;
  },
  locale: Locale,
): string {
  const fr = locale === 'fr';
  const wage =
    o.wageMinCents !== null || o.wageMaxCents !== null
      ? `${[o.wageMinCents, o.wageMaxCents]
          .filter((x): x is number => x !== null)
          .map((c) => money(c, locale))
          .join(' – ')} / ${o.wageUnit === 'hour' ? (fr ? 'heure' : 'hour') : fr ? 'an' : 'year'}`
      : fr
        ? 'À discuter'
        : 'To be discussed';
  const perm = {
    permanent: fr ? 'Permanent' : 'Permanent',
    temporary: fr ? 'Temporaire' : 'Temporary',
    seasonal: fr ? 'Saisonnier' : 'Seasonal',
  }[o.permanence];
  const langs =
    [
      o.frenchMinNclc ? `${fr ? 'Français' : 'French'} NCLC ${o.frenchMinNclc}` : '',
      o.englishMinClb ? `${fr ? 'Anglais' : 'English'} CLB ${o.englishMinClb}` : '',
    ]
      .filter(Boolean)
      .join(', ') || (fr ? 'Aucune exigence précisée' : 'No requirement stated');
  const help =
    [
      o.housingHelp ? (fr ? 'aide au logement' : 'housing help') : '',
      o.relocationHelp ? (fr ? 'aide au déménagement' : 'relocation help') : '',
    ]
      .filter(Boolean)
      .join(', ') || (fr ? 'aucune' : 'none');
  const body = `<p><a href="${esc(o.listUrl)}">${fr ? '← Toutes les offres' : '← All offers'} — ${esc(o.orgName)}</a></p>
<h1>${esc(o.title)}</h1>
<p><strong>${esc(o.companyName)}</strong> — ${esc(o.municipality)}</p>
<dl>
<dt>${fr ? 'Profession (CNP 2021)' : 'Occupation (NOC 2021)'}</dt><dd>${esc(o.nocCode)} ${esc(o.nocTitle)} — ${fr ? 'FEER' : 'TEER'} ${o.teer}</dd>
<dt>${fr ? 'Salaire' : 'Wage'}</dt><dd>${esc(wage)}</dd>
<dt>${fr ? 'Heures' : 'Hours'}</dt><dd>${o.hoursPerWeek} h / ${fr ? 'semaine' : 'week'}</dd>
<dt>${fr ? 'Type d’emploi' : 'Employment type'}</dt><dd>${perm}</dd>
${o.startDate ? `<dt>${fr ? 'Entrée en poste' : 'Start date'}</dt><dd>${esc(o.startDate)}</dd>` : ''}
<dt>${fr ? 'Langues' : 'Languages'}</dt><dd>${esc(langs)}</dd>
<dt>${fr ? 'Aide à l’installation' : 'Help settling in'}</dt><dd>${esc(help)}</dd>
</dl>
<h2>${fr ? 'Description' : 'Description'}</h2>
${paragraphs(o.description)}
${o.requirements ? `<h2>${fr ? 'Exigences' : 'Requirements'}</h2>\n${paragraphs(o.requirements)}` : ''}
<h2>${fr ? 'Postuler' : 'Apply'}</h2>
<p>${fr ? 'Créez votre profil de candidat : si votre profil correspond, l’employeur pourra manifester son intérêt, et vos coordonnées ne sont transmises que si vous le souhaitez aussi.' : 'Create your candidate profile: if it fits, the employer can express interest, and your contact details are only shared if you want it too.'}</p>
<p><a href="/arrimage/${esc(o.orgId)}/candidat">${fr ? 'Créer mon profil de candidat' : 'Create my candidate profile'}</a></p>
<p>${fr ? 'Référence' : 'Reference'} : ${esc(o.reference)}</p>`;
  return layout(
    locale,
    `${o.title} — ${o.companyName}`,
    o.description,
    o.url,
    body,
    `<script type="application/ld+json">${jsonLdScript(jobPostingJsonLd(o))}</script>`,
  );
}

/** The list page of an MRC's offers. */
export function renderOfferList(
  org: { nameFr: string; nameEn: string; slug: string },
  offers: ReadonlyArray<{
    reference: string;
    title: string;
    companyName: string;
    municipality: { fr: string; en: string };
    publishedAt: string | null;
  }>,
  locale: Locale,
  canonical: string,
): string {
  const fr = locale === 'fr';
  const name = fr ? org.nameFr : org.nameEn;
  const items = offers
    .map(
      (o) =>
        `<li><a href="/emplois/${esc(org.slug)}/${esc(o.reference)}">${esc(o.title)}</a> — ${esc(o.companyName)}, ${esc(o.municipality[locale])}</li>`,
    )
    .join('\n');
  const body = `<h1>${fr ? `Offres d’emploi — ${esc(name)}` : `Job offers — ${esc(name)}`}</h1>
${offers.length ? `<ul>\n${items}\n</ul>` : `<p>${fr ? 'Aucune offre pour le moment.' : 'No offers at the moment.'}</p>`}`;
  return layout(
    locale,
    fr ? `Offres d’emploi — ${name}` : `Job offers — ${name}`,
    fr ? `Les offres d’emploi de la région : ${name}.` : `Job offers in the region: ${name}.`,
    canonical,
    body,
  );
}
