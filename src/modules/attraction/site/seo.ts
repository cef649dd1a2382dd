import { eq } from 'drizzle-orm';
import type { Database } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import type { PlatformDeps } from '../../../platform/deps.ts';
import { files } from '../../../platform/files/schema.ts';
import { fileStorageFor } from '../../../platform/files/storage.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { organisations } from '../../../platform/orgs/schema.ts';
import { isListedLogo, listDirectory } from '../places/employer-directory.ts';
import { listMapPlaces } from '../places/places.ts';
import { pagePath } from './page-view.ts';
import { findRegion } from './policies.ts';
import { isPublishedImage, listAllPublished } from './public-site.ts';
import { REGION_IMAGE_PURPOSE } from './save-page.ts';

const xml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The sitemap of a regional site: every public URL in French with its English alternate (hreflang). */
export async function sitemap(options: { db: Database; org: string; publicUrl: string }): Promise<string> {
  const { db, publicUrl } = options;
  const region = await findRegion(db, options.org);
  const base = (l: string) => `/region/${region.slug}/${l}`;
  const entries: Array<{ fr: string; en: string; lastmod?: Date }> = [];
  const add = (suffix: string, lastmod?: Date) =>
    entries.push({ fr: `${base('fr')}${suffix}`, en: `${base('en')}${suffix}`, lastmod });
  for (const s of ['', '/lieux', '/employeurs', '/personnes-ressources', '/actualites', '/evenements'])
    add(s);
  for (const { page } of await listAllPublished(db, region.id)) {
    entries.push({
      fr: pagePath(region.slug, page, 'fr'),
      en: pagePath(region.slug, page, 'en'),
      lastmod: page.updatedAt,
    });
  }
  for (const p of await listMapPlaces(db, region, {
    categories: ['services', 'schools', 'health', 'daycare', 'leisure', 'housing_help'],
  }))
    add(`/lieux/${p.slug}`);
  for (const e of await listDirectory(db, region)) add(`/employeurs/${e.slug}`);
  const url = (loc: string, e: (typeof entries)[number]) =>
    `<url><loc>${xml(publicUrl + loc)}</loc>${e.lastmod ? `<lastmod>${e.lastmod.toISOString()}</lastmod>` : ''}<xhtml:link rel="alternate" hreflang="fr-CA" href="${xml(publicUrl + e.fr)}"/><xhtml:link rel="alternate" hreflang="en-CA" href="${xml(publicUrl + e.en)}"/></url>`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${entries.flatMap((e) => [url(e.fr, e), url(e.en, e)]).join('\n')}\n</urlset>\n`;
}

/** robots.txt: the API and staff pages stay out of search engines; each regional site's sitemap is listed. */
export async function robotsTxt(options: { db: Database; publicUrl: string }): Promise<string> {
  const mrcs = await options.db
    .select({ slug: organisations.slug })
    .from(organisations)
    .where(eq(organisations.kind, 'mrc'));
  return [
    'User-agent: *',
    'Allow: /',
    'Disallow: /api/',
    'Disallow: /staff/',
    '',
    ...mrcs.map((m) => `Sitemap: ${options.publicUrl}/region/${m.slug}/sitemap.xml`),
    '',
  ].join('\n');
}

/**
 * An image of the public site: a `region.image` file that a published page shows, or the logo of a listed
 * employer. Images of drafts stay private until their page is published.
 */
export async function publicImage(options: {
  db: Database;
  deps: PlatformDeps;
  org: string;
  fileId: string;
}) {
  const { db } = options;
  const region = await findRegion(db, options.org);
  const [file] = await db
    .select()
    .from(files)
    .where(inOrg(files, region.id, eq(files.id, options.fileId)));
  if (!file?.mime.startsWith('image/')) throw new AppError('region.image_unknown', 404);
  const shown =
    (file.purpose === REGION_IMAGE_PURPOSE && (await isPublishedImage(db, region.id, file.id))) ||
    (await isListedLogo(db, region.id, file.id));
  if (!shown) throw new AppError('region.image_unknown', 404);
  const body = await fileStorageFor(options.deps.config).get(file.storageKey);
  if (!body) throw new AppError('region.image_unknown', 404);
  return { file, body };
}
