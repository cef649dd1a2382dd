// The accessibility sweep's pages (tests/e2e/a11y-sweep.ts) of online services (portal): assessment roll,
// permits, maps; the urban-planning staff pages: who sees each page and how its parameters are found in the
// demo data.
import { first, fixed, from, org, RDL, type SweepEntry } from './lookup.ts';

export const PORTAL_PAGES: Record<string, SweepEntry> = {
  '/:orgSlug/roll': fixed('anonymous', `/${RDL}/roll`),
  '/:orgSlug/roll/:unitId': from(
    'anonymous',
    async (l) => `/${RDL}/roll/${await first(l, `/api/orgs/${org(l, RDL)}/portal/roll/search?q=rue`)}`,
  ),
  '/:orgSlug/permits': fixed('anonymous', `/${RDL}/permits`),
  '/:orgSlug/permits/registry': fixed('anonymous', `/${RDL}/permits/registry`),
  '/:orgSlug/permits/verify/:token': fixed('anonymous', `/${RDL}/permits/verify/lien-inconnu-0000000000`),
  '/:orgSlug/map': fixed('anonymous', `/${RDL}/map`),
  '/:orgSlug/permits/apply/:typeCode': from(
    'resident',
    async (l) =>
      `/${RDL}/permits/apply/${await first(l, `/api/orgs/${org(l, RDL)}/portal/permits/types`, 'code')}`,
  ),
  // The demo resident has permit applications in Rivière-du-Loup.
  '/:orgSlug/permits/applications/:id': from(
    'resident',
    async (l) =>
      `/${RDL}/permits/applications/${await first(l, `/api/orgs/${org(l, RDL)}/portal/permits/applications`)}`,
  ),
  '/staff/:orgSlug/modules/urban_planning': fixed('urbanPlanning', `/staff/${RDL}/modules/urban_planning`),
  '/staff/:orgSlug/modules/urban_planning/permits': fixed(
    'urbanPlanning',
    `/staff/${RDL}/modules/urban_planning/permits`,
  ),
  '/staff/:orgSlug/modules/urban_planning/permits/:id': from(
    'urbanPlanning',
    async (l) =>
      `/staff/${RDL}/modules/urban_planning/permits/${await first(l, `/api/orgs/${org(l, RDL)}/portal/permits/staff/applications`)}`,
  ),
  '/staff/:orgSlug/modules/urban_planning/roll': fixed(
    'urbanPlanning',
    `/staff/${RDL}/modules/urban_planning/roll`,
  ),
  '/staff/:orgSlug/modules/urban_planning/map': fixed(
    'urbanPlanning',
    `/staff/${RDL}/modules/urban_planning/map`,
  ),
  '/staff/:orgSlug/modules/urban_planning/permit-types': fixed(
    'urbanPlanning',
    `/staff/${RDL}/modules/urban_planning/permit-types`,
  ),
  '/staff/:orgSlug/modules/urban_planning/permit-types/new': fixed(
    'urbanPlanning',
    `/staff/${RDL}/modules/urban_planning/permit-types/new`,
  ),
  '/staff/:orgSlug/modules/urban_planning/permit-types/edit/:code': from(
    'urbanPlanning',
    async (l) =>
      `/staff/${RDL}/modules/urban_planning/permit-types/edit/${await first(l, `/api/orgs/${org(l, RDL)}/portal/permits/types`, 'code')}`,
  ),
};
