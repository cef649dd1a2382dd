// The web app manifest of the installable driver app of one organisation's TaxiBus. It is public: browsers
// fetch manifests without cookies, and it holds nothing but the town's name and where the app starts.
import { eq } from 'drizzle-orm';
import type { Database } from '../../../platform/db/client.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { Locale } from '../../../platform/http/locale.ts';
import { organisations } from '../../../platform/orgs/schema.ts';

export interface WebAppManifest {
  id: string;
  name: string;
  short_name: string;
  description: string;
  lang: string;
  dir: 'ltr';
  start_url: string;
  scope: string;
  display: 'standalone';
  orientation: 'portrait';
  theme_color: string;
  background_color: string;
  icons: Array<{ src: string; sizes: string; type: string; purpose: string }>;
}

/** The driver app's manifest, named in the request's language (French by default). */
export function driverManifest(org: { slug: string; nameFr: string; nameEn: string }, locale: Locale) {
  const fr = locale !== 'en';
  const startUrl = `/staff/${org.slug}/modules/transit_driver`;
  const manifest: WebAppManifest = {
    id: startUrl,
    name: fr ? `TaxiBus — Chauffeur (${org.nameFr})` : `TaxiBus — Driver (${org.nameEn})`,
    short_name: fr ? 'TaxiBus chauffeur' : 'TaxiBus driver',
    description: fr
      ? 'Feuille de route, quart de travail et position du véhicule du TaxiBus.'
      : 'TaxiBus manifest, shift and vehicle position.',
    lang: fr ? 'fr-CA' : 'en-CA',
    dir: 'ltr',
    start_url: startUrl,
    // The whole site: signing in again (another path) must not leave the installed app.
    scope: '/',
    display: 'standalone',
    orientation: 'portrait',
    theme_color: '#1d4f7c',
    background_color: '#ffffff',
    icons: [
      { src: '/icons/taxibus-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/taxibus-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/taxibus-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      { src: '/icons/taxibus.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
    ],
  };
  return manifest;
}

/** Loads the organisation and builds its driver app manifest. */
export async function getDriverAppManifest(options: {
  db: Database;
  orgId: string;
  locale: Locale;
}): Promise<WebAppManifest> {
  const [org] = await options.db
    .select({ slug: organisations.slug, nameFr: organisations.nameFr, nameEn: organisations.nameEn })
    .from(organisations)
    .where(eq(organisations.id, options.orgId));
  if (!org) throw new AppError('org.not_found', 404);
  return driverManifest(org, options.locale);
}
