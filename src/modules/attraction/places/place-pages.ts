// Server-rendered map list view, place pages and the employer directory (readable without JavaScript).
import { employerLd, jsonLdBlock, placeLd } from '../site/json-ld.ts';
import { findRegion } from '../site/policies.ts';
import { type PublicPageRequest, publicFrame } from '../site/public-pages.ts';
import { esc, type Lang, T } from '../site/render-site.ts';
import { getDirectoryEmployer, listDirectory } from './employer-directory.ts';
import { getPublicPlace, listMapPlaces, MAP_CATEGORIES, type MapCategory } from './places.ts';

/** Category names in both languages. */
export const CATEGORY_NAMES: Record<MapCategory, { fr: string; en: string }> = {
  services: { fr: 'Services', en: 'Services' },
  schools: { fr: 'Écoles', en: 'Schools' },
  health: { fr: 'Santé', en: 'Health' },
  daycare: { fr: 'Garderies', en: 'Daycare' },
  leisure: { fr: 'Loisirs et plein air', en: 'Leisure and outdoors' },
  housing_help: { fr: 'Aide au logement', en: 'Housing help' },
  employers: { fr: 'Employeurs', en: 'Employers' },
};

const both = (fn: (l: Lang) => string) => ({ fr: fn('fr'), en: fn('en') });
const sel = (a: string | undefined, b: string) => (a === b ? ' selected' : '');

/** The list view of the map, with a filter form that works without JavaScript (GET). */
export async function placesPage(
  req: PublicPageRequest & { category?: string; q?: string; municipality?: string },
): Promise<string> {
  const region = await findRegion(req.db, req.org);
  const l = req.locale;
  const category = MAP_CATEGORIES.find((c) => c === req.category);
  const places = await listMapPlaces(req.db, region, {
    categories: category ? [category] : undefined,
    q: req.q,
    municipality: req.municipality,
  });
  const fr = l === 'fr';
  const form = `<form class="filters" method="get" role="search">
<label>${fr ? 'Catégorie' : 'Category'}<select name="categorie"><option value="">${fr ? 'Toutes' : 'All'}</option>${MAP_CATEGORIES.map((c) => `<option value="${c}"${sel(category, c)}>${esc(CATEGORY_NAMES[c][l])}</option>`).join('')}</select></label>
<label>${fr ? 'Municipalité' : 'Municipality'}<select name="municipalite"><option value="">${fr ? 'Toutes' : 'All'}</option>${region.members.map((m) => `<option value="${esc(m.slug)}"${sel(req.municipality, m.slug)}>${esc(m.name[l])}</option>`).join('')}</select></label>
<label>${fr ? 'Recherche' : 'Search'}<input type="search" name="q" value="${esc(req.q ?? '')}"></label>
<button type="submit">${fr ? 'Filtrer' : 'Filter'}</button>
</form>`;
  const groups = MAP_CATEGORIES.map((c) => ({ c, items: places.filter((p) => p.category === c) })).filter(
    (g) => g.items.length,
  );
  const list = groups.length
    ? groups
        .map(
          (g) =>
            `<h2>${esc(CATEGORY_NAMES[g.c][l])} (${g.items.length})</h2><ul>${g.items
              .map(
                (p) =>
                  `<li><a href="${esc(p.path.replace('/fr/', `/${l}/`))}">${esc(p.name[l])}</a>${p.municipality ? ` — ${esc(p.municipality.name[l])}` : ''}${p.address ? `<br><span class="meta">${esc(p.address)}</span>` : ''}</li>`,
              )
              .join('')}</ul>`,
        )
        .join('')
    : `<p>${fr ? 'Aucun lieu ne correspond.' : 'No place matches.'}</p>`;
  return publicFrame(req, region, {
    title: T[l].map,
    description: fr
      ? `Services, écoles, santé, garderies, loisirs, aide au logement et employeurs de la ${region.name.fr}.`
      : `Services, schools, health, daycare, leisure, housing help and employers of the ${region.name.en}.`,
    paths: both((x) => `/region/${region.slug}/${x}/lieux`),
    body: `<h1>${T[l].map}</h1><p><a href="/${esc(region.slug)}/region/carte">${fr ? 'Ouvrir la carte interactive' : 'Open the interactive map'}</a></p>${form}<p role="status">${places.length} ${fr ? 'lieu(x)' : 'place(s)'}</p>${list}`,
  });
}

/** The page of one place. */
export async function placePage(req: PublicPageRequest & { slug: string }): Promise<string> {
  const region = await findRegion(req.db, req.org);
  const l = req.locale;
  const fr = l === 'fr';
  const p = await getPublicPlace(req.db, region, req.slug);
  const paths = both((x) => `/region/${region.slug}/${x}/lieux/${p.slug}`);
  const body = `<p><a href="/region/${esc(region.slug)}/${l}/lieux">← ${T[l].map}</a></p>
<h1>${esc(p.name[l])}</h1>
<p class="meta">${esc(CATEGORY_NAMES[p.category][l])}${p.municipality ? ` — ${esc(p.municipality.name[l])}` : ''}</p>
${p.description[l] ? `<p>${esc(p.description[l])}</p>` : ''}
<dl>
${p.address ? `<dt>${fr ? 'Adresse' : 'Address'}</dt><dd>${esc(p.address)}</dd>` : ''}
${p.phone ? `<dt>${fr ? 'Téléphone' : 'Phone'}</dt><dd><a href="tel:${esc(p.phone.replace(/[^0-9+]/g, ''))}">${esc(p.phone)}</a></dd>` : ''}
${p.website ? `<dt>${fr ? 'Site web' : 'Website'}</dt><dd><a href="${esc(p.website)}" rel="noopener noreferrer">${esc(p.website)}</a></dd>` : ''}
<dt>${fr ? 'Coordonnées' : 'Coordinates'}</dt><dd>${p.latitude.toFixed(5)}, ${p.longitude.toFixed(5)}</dd>
</dl>
<p><a href="/${esc(region.slug)}/region/carte?lieu=${esc(p.slug)}">${fr ? 'Voir sur la carte interactive' : 'See on the interactive map'}</a></p>`;
  return publicFrame(req, region, {
    title: p.name[l],
    description: p.description[l] || `${p.name[l]} — ${CATEGORY_NAMES[p.category][l]}`,
    paths,
    body,
    jsonLd: [jsonLdBlock(placeLd(p, `${req.publicUrl}${paths[l]}`, l))],
  });
}

const SIZES: Record<string, { fr: string; en: string }> = {
  '1-9': { fr: '1 à 9 employés', en: '1 to 9 employees' },
  '10-49': { fr: '10 à 49 employés', en: '10 to 49 employees' },
  '50-199': { fr: '50 à 199 employés', en: '50 to 199 employees' },
  '200+': { fr: '200 employés et plus', en: '200 employees or more' },
};

/** The employer directory (bottin) with its search form. */
export async function employersPage(
  req: PublicPageRequest & { q?: string; municipality?: string; housing?: boolean },
): Promise<string> {
  const region = await findRegion(req.db, req.org);
  const l = req.locale;
  const fr = l === 'fr';
  const items = await listDirectory(req.db, region, {
    q: req.q,
    municipality: req.municipality,
    housingHelp: req.housing,
  });
  const form = `<form class="filters" method="get" role="search">
<label>${fr ? 'Recherche (nom, secteur)' : 'Search (name, sector)'}<input type="search" name="q" value="${esc(req.q ?? '')}"></label>
<label>${fr ? 'Municipalité' : 'Municipality'}<select name="municipalite"><option value="">${fr ? 'Toutes' : 'All'}</option>${region.members.map((m) => `<option value="${esc(m.slug)}"${sel(req.municipality, m.slug)}>${esc(m.name[l])}</option>`).join('')}</select></label>
<label><span><input type="checkbox" name="logement" value="1"${req.housing ? ' checked' : ''}> ${fr ? 'Aide au logement' : 'Housing help'}</span></label>
<button type="submit">${fr ? 'Chercher' : 'Search'}</button>
</form>`;
  const list = items.length
    ? `<ul class="cards">${items
        .map(
          (e) =>
            `<li><h2><a href="/region/${esc(region.slug)}/${l}/employeurs/${esc(e.slug)}">${esc(e.name)}</a></h2><p class="meta">${esc(e.sector[l] || `SCIAN ${e.naicsCode}`)}${e.municipality ? ` — ${esc(e.municipality.name[l])}` : ''}</p><p>${e.openOffers} ${fr ? 'offre(s) en cours' : 'current offer(s)'}</p></li>`,
        )
        .join('')}</ul>`
    : `<p>${fr ? 'Aucun employeur ne correspond.' : 'No employer matches.'}</p>`;
  return publicFrame(req, region, {
    title: T[l].employers,
    description: fr
      ? `Le bottin des employeurs de la ${region.name.fr}.`
      : `The directory of employers of the ${region.name.en}.`,
    paths: both((x) => `/region/${region.slug}/${x}/employeurs`),
    body: `<h1>${T[l].employers}</h1>${form}<p role="status">${items.length} ${fr ? 'employeur(s)' : 'employer(s)'}</p>${list}`,
  });
}

/** One employer of the directory with its current offers. */
export async function employerPage(req: PublicPageRequest & { slug: string }): Promise<string> {
  const region = await findRegion(req.db, req.org);
  const l = req.locale;
  const fr = l === 'fr';
  const { employer: e, offers } = await getDirectoryEmployer(req.db, region, req.slug);
  const paths = both((x) => `/region/${region.slug}/${x}/employeurs/${e.slug}`);
  const help = [
    e.housingHelp ? (fr ? 'aide au logement' : 'housing help') : '',
    e.relocationHelp ? (fr ? 'aide au déménagement' : 'relocation help') : '',
  ]
    .filter(Boolean)
    .join(', ');
  const body = `<p><a href="/region/${esc(region.slug)}/${l}/employeurs">← ${T[l].employers}</a></p>
${e.logoUrl ? `<img src="${esc(e.logoUrl)}" alt="${esc(fr ? `Logo de ${e.name}` : `${e.name} logo`)}" width="160">` : ''}
<h1>${esc(e.name)}</h1>
<dl>
<dt>${fr ? 'Secteur (SCIAN)' : 'Sector (NAICS)'}</dt><dd>${esc(e.naicsCode)} ${esc(e.sector[l])}</dd>
${e.municipality ? `<dt>${fr ? 'Municipalité' : 'Municipality'}</dt><dd>${esc(e.municipality.name[l])}</dd>` : ''}
<dt>${fr ? 'Taille' : 'Size'}</dt><dd>${esc(SIZES[e.size]?.[l] ?? e.size)}</dd>
${help ? `<dt>${fr ? 'Aide à l’installation' : 'Help settling in'}</dt><dd>${esc(help)}</dd>` : ''}
${e.website ? `<dt>${fr ? 'Site web' : 'Website'}</dt><dd><a href="${esc(e.website)}" rel="noopener noreferrer">${esc(e.website)}</a></dd>` : ''}
</dl>
${e.description[l] ? `<h2>${fr ? 'Description' : 'About'}</h2><p>${esc(e.description[l])}</p>` : ''}
${e.benefits[l] ? `<h2>${fr ? 'Avantages' : 'Benefits'}</h2><p>${esc(e.benefits[l])}</p>` : ''}
<h2>${fr ? 'Offres en cours' : 'Current offers'}</h2>
${offers.length ? `<ul>${offers.map((o) => `<li><a href="${esc(o.url)}">${esc(o.title)}</a>${o.municipality ? ` — ${esc(o.municipality[l])}` : ''}</li>`).join('')}</ul>` : `<p>${fr ? 'Aucune offre pour le moment.' : 'No offers at the moment.'}</p>`}`;
  return publicFrame(req, region, {
    title: e.name,
    description: e.description[l] || `${e.name} — ${e.sector[l]}`,
    paths,
    body,
    imageUrl: e.logoUrl,
    jsonLd: [
      jsonLdBlock(
        employerLd({
          name: e.name,
          description: e.description[l],
          address: e.address,
          municipality: e.municipality?.name[l],
          latitude: e.latitude,
          longitude: e.longitude,
          website: e.website,
          logoUrl: e.logoUrl ? `${req.publicUrl}${e.logoUrl}` : null,
          naicsCode: e.naicsCode,
          url: `${req.publicUrl}${paths[l]}`,
        }),
      ),
    ],
  });
}
