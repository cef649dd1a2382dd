// The accessibility sweep's pages (tests/e2e/a11y-sweep.ts) of attraction and employment (attraction):
// regional site pages of the app, matching, staff pages: who sees each page and how its parameters are found
// in the demo data.
import { first, fixed, from, MRC, org, type SweepEntry } from './lookup.ts';

export const ATTRACTION_PAGES: Record<string, SweepEntry> = {
  '/:orgSlug/region/carte': fixed('anonymous', `/${MRC}/region/carte`),
  '/:orgSlug/region/contacts': fixed('anonymous', `/${MRC}/region/contacts`),
  '/:orgSlug/region/contacts/:contactSlug': from(
    'anonymous',
    async (l) =>
      `/${MRC}/region/contacts/${await first(l, `/api/orgs/${org(l, MRC)}/region/contacts`, 'slug')}`,
  ),
  '/arrimage/:orgId/candidat': from('candidate', async (l) => `/arrimage/${org(l, MRC)}/candidat`),
  '/arrimage/:orgId/employeur': from('employer', async (l) => `/arrimage/${org(l, MRC)}/employeur`),
  '/arrimage/:orgId/employeur/rejoindre': from(
    'employer',
    async (l) => `/arrimage/${org(l, MRC)}/employeur/rejoindre`,
  ),
  '/staff/:orgSlug/modules/attraction': fixed('attraction', `/staff/${MRC}/modules/attraction`),
  '/staff/:orgSlug/modules/attraction/site': fixed('attraction', `/staff/${MRC}/modules/attraction/site`),
  '/staff/:orgSlug/modules/attraction/jobs': fixed('attraction', `/staff/${MRC}/modules/attraction/jobs`),
  '/staff/:orgSlug/modules/attraction/site/places': fixed(
    'attraction',
    `/staff/${MRC}/modules/attraction/site/places`,
  ),
  '/staff/:orgSlug/modules/attraction/site/outlines': fixed(
    'attraction',
    `/staff/${MRC}/modules/attraction/site/outlines`,
  ),
  '/staff/:orgSlug/modules/attraction/site/contacts': fixed(
    'attraction',
    `/staff/${MRC}/modules/attraction/site/contacts`,
  ),
  '/staff/:orgSlug/modules/attraction/site/pages/new': fixed(
    'attraction',
    `/staff/${MRC}/modules/attraction/site/pages/new`,
  ),
  '/staff/:orgSlug/modules/attraction/site/pages/:pageId': from(
    'attraction',
    async (l) =>
      `/staff/${MRC}/modules/attraction/site/pages/${await first(l, `/api/orgs/${org(l, MRC)}/region/pages`)}`,
  ),
};
