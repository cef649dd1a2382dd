// Who sees each page of the router in the accessibility sweep (tests/e2e/a11y-sweep.ts), and how its
// parameters are filled from the demo data. Every route of web/src/app/App.tsx needs an entry here: the
// sweep fails on a route without one. Parameters that only exist in an e-mail (tracking, verification and
// offer tokens) get an unknown value: the page is then swept in the state a wrong or expired link shows.
import type { APIRequestContext } from 'playwright-core';

/** The demonstration accounts the sweep signs in with (`anonymous` signs in with none). */
export const ACCOUNTS = {
  anonymous: undefined,
  resident: 'resident@demo.civique.ca',
  recreation: 'loisirs.joliette@demo.civique.ca',
  jolietteAdmin: 'admin.joliette@demo.civique.ca',
  urbanPlanning: 'urbanisme.rdl@demo.civique.ca',
  casualEmployee: 'rappel.rdl@demo.civique.ca',
  dispatcher: 'repartition.victo@demo.civique.ca',
  driver: 'chauffeur.victo@demo.civique.ca',
  attraction: 'attractivite.kamouraska@demo.civique.ca',
  employer: 'employeur@demo.civique.ca',
  candidate: 'candidate@demo.civique.ca',
  installationAdmin: 'admin@demo.civique.ca',
} as const;
export type AccountName = keyof typeof ACCOUNTS;

interface Lookup {
  request: APIRequestContext;
  orgId: (slug: string) => string;
}
interface SweepEntry {
  as: AccountName;
  url: (lookup: Lookup) => Promise<string>;
}

const JOL = 'joliette';
const RDL = 'riviere-du-loup';
const VICTO = 'victoriaville';
const MRC = 'mrc-kamouraska';
/** A well-formed id that names nothing, for links that only come by e-mail. */
const UNKNOWN = '00000000-0000-7000-8000-000000000000';

/** The first value of `field` in the first list of objects of an API answer (lists may be nested). */
async function first(lookup: Lookup, url: string, field = 'id'): Promise<string> {
  const response = await lookup.request.get(url);
  if (!response.ok()) throw new Error(`${url} answered ${response.status()}`);
  const find = (value: unknown): string | undefined => {
    if (Array.isArray(value)) {
      for (const item of value) {
        if (item && typeof item === 'object' && field in item)
          return String((item as Record<string, unknown>)[field]);
      }
      for (const item of value) {
        const found = find(item);
        if (found) return found;
      }
    } else if (value && typeof value === 'object') {
      for (const inner of Object.values(value)) {
        const found = find(inner);
        if (found) return found;
      }
    }
    return undefined;
  };
  const found = find(await response.json());
  if (!found) throw new Error(`no ${field} in the answer of ${url}`);
  return found;
}

/** A Joliette survey whose results are published (the results page of another one is a refusal). */
async function publishedSurvey(lookup: Lookup): Promise<string> {
  const surveys = `/api/orgs/${org(lookup, JOL)}/citizen/surveys`;
  const answer = (await (await lookup.request.get(surveys)).json()) as { items?: Array<{ id: string }> };
  for (const { id } of answer.items ?? []) {
    if ((await lookup.request.get(`${surveys}/${id}/results`)).ok()) return id;
  }
  throw new Error(`no survey of ${surveys} has published results`);
}

const fixed = (as: AccountName, url: string): SweepEntry => ({ as, url: async () => url });
const from = (as: AccountName, build: (lookup: Lookup) => Promise<string>): SweepEntry => ({
  as,
  url: build,
});
const org = (lookup: Lookup, slug: string) => lookup.orgId(slug);

export const SWEEP: Record<string, SweepEntry> = {
  '/': fixed('anonymous', '/'),
  '/towns': fixed('anonymous', '/towns'),
  '/:orgSlug/activities': fixed('anonymous', `/${JOL}/activities`),
  '/:orgSlug/activities/:activityId': from(
    'anonymous',
    async (l) => `/${JOL}/activities/${await first(l, `/api/citizen/orgs/${org(l, JOL)}/catalogue`)}`,
  ),
  '/:orgSlug/claim': fixed('resident', `/${JOL}/claim`),
  '/:orgSlug/requests': fixed('anonymous', `/${JOL}/requests`),
  '/:orgSlug/requests/new': fixed('anonymous', `/${JOL}/requests/new`),
  '/:orgSlug/requests/suivi/:token': fixed('anonymous', `/${JOL}/requests/suivi/lien-inconnu-0000000000`),
  '/:orgSlug/roll': fixed('anonymous', `/${RDL}/roll`),
  '/:orgSlug/roll/:unitId': from(
    'anonymous',
    async (l) => `/${RDL}/roll/${await first(l, `/api/orgs/${org(l, RDL)}/portal/roll/search?q=rue`)}`,
  ),
  '/:orgSlug/permits': fixed('anonymous', `/${RDL}/permits`),
  '/:orgSlug/permits/registry': fixed('anonymous', `/${RDL}/permits/registry`),
  '/:orgSlug/permits/verify/:token': fixed('anonymous', `/${RDL}/permits/verify/lien-inconnu-0000000000`),
  '/:orgSlug/map': fixed('anonymous', `/${RDL}/map`),
  '/:orgSlug/region/carte': fixed('anonymous', `/${MRC}/region/carte`),
  '/:orgSlug/region/contacts': fixed('anonymous', `/${MRC}/region/contacts`),
  '/:orgSlug/region/contacts/:contactSlug': from(
    'anonymous',
    async (l) =>
      `/${MRC}/region/contacts/${await first(l, `/api/orgs/${org(l, MRC)}/region/contacts`, 'slug')}`,
  ),
  '/:orgSlug/transit': fixed('anonymous', `/${VICTO}/transit`),
  '/:orgSlug/sondages': fixed('anonymous', `/${JOL}/sondages`),
  '/:orgSlug/sondages/:surveyId': from(
    'resident',
    async (l) => `/${JOL}/sondages/${await publishedSurvey(l)}`,
  ),
  '/:orgSlug/sondages/:surveyId/resultats': from(
    'resident',
    async (l) => `/${JOL}/sondages/${await publishedSurvey(l)}/resultats`,
  ),
  '/:orgSlug/infolettres': fixed('anonymous', `/${JOL}/infolettres`),
  '/:orgSlug/infolettres/confirmer': fixed('anonymous', `/${JOL}/infolettres/confirmer`),
  '/:orgSlug/infolettres/desabonner': fixed('anonymous', `/${JOL}/infolettres/desabonner`),
  '/:orgSlug/infolettres/archives/:issueId': from(
    'anonymous',
    async (l) =>
      `/${JOL}/infolettres/archives/${await first(l, `/api/orgs/${org(l, JOL)}/citizen/newsletters/archive`)}`,
  ),
  '/:orgSlug/consultations': fixed('anonymous', `/${JOL}/consultations`),
  '/:orgSlug/consultations/:consultationId': from(
    'resident',
    async (l) => `/${JOL}/consultations/${await first(l, `/api/orgs/${org(l, JOL)}/citizen/consultations`)}`,
  ),
  '/:orgSlug/alertes': fixed('anonymous', `/${JOL}/alertes`),
  // The demo towns with an alert in force: the first that has one.
  '/:orgSlug/alertes/:rootId': from('anonymous', async (l) => {
    for (const slug of [JOL, VICTO, RDL]) {
      const root = await first(l, `/api/orgs/${org(l, slug)}/citizen/alerts/active`, 'rootId').catch(
        () => '',
      );
      if (root) return `/${slug}/alertes/${root}`;
    }
    throw new Error('no demo town has an alert in force');
  }),
  '/:orgSlug/callback/offer/:token': fixed('anonymous', `/${RDL}/callback/offer/lien-inconnu-0000000000`),
  '/sign-in': fixed('anonymous', '/sign-in'),
  '/sign-up': fixed('anonymous', '/sign-up'),
  '/password-reset': fixed('anonymous', '/password-reset'),
  '/:orgSlug/cart': fixed('resident', `/${JOL}/cart`),
  '/:orgSlug/transit/trips/:tripId': from('resident', async (l) => {
    const mine = await first(l, `/api/orgs/${org(l, VICTO)}/transit/trips/mine`).catch(() => UNKNOWN);
    return `/${VICTO}/transit/trips/${mine}`;
  }),
  '/:orgSlug/waiting-room/:seasonId': from(
    'resident',
    async (l) => `/${JOL}/waiting-room/${await first(l, `/api/citizen/orgs/${org(l, JOL)}/seasons`)}`,
  ),
  '/:orgSlug/registrations': fixed('resident', `/${JOL}/registrations`),
  '/:orgSlug/residency': fixed('resident', `/${JOL}/residency`),
  '/:orgSlug/cards': fixed('resident', `/${JOL}/cards`),
  '/:orgSlug/requests/mine': fixed('resident', `/${JOL}/requests/mine`),
  '/:orgSlug/requests/:id': from(
    'resident',
    async (l) => `/${JOL}/requests/${await first(l, `/api/orgs/${org(l, JOL)}/requests/mine`)}`,
  ),
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
  '/:orgSlug/callback': fixed('casualEmployee', `/${RDL}/callback`),
  '/:orgSlug/callback/union': fixed('casualEmployee', `/${RDL}/callback/union`),
  '/:orgSlug/callback/union/needs/:needId': fixed(
    'casualEmployee',
    `/${RDL}/callback/union/needs/${UNKNOWN}`,
  ),
  '/arrimage/:orgId/candidat': from('candidate', async (l) => `/arrimage/${org(l, MRC)}/candidat`),
  '/arrimage/:orgId/employeur': from('employer', async (l) => `/arrimage/${org(l, MRC)}/employeur`),
  '/arrimage/:orgId/employeur/rejoindre': from(
    'employer',
    async (l) => `/arrimage/${org(l, MRC)}/employeur/rejoindre`,
  ),
  '/account': fixed('resident', '/account'),
  '/account/household': fixed('resident', '/account/household'),
  '/account/sessions': fixed('resident', '/account/sessions'),
  '/account/security': fixed('resident', '/account/security'),
  '/account/consents': fixed('resident', '/account/consents'),
  '/account/data': fixed('resident', '/account/data'),
  '/account/orders': fixed('resident', '/account/orders'),
  '/account/orders/:orderId': from(
    'resident',
    async (l) => `/account/orders/${await first(l, '/api/me/orders')}`,
  ),
  '/account/inbox': fixed('resident', '/account/inbox'),
  '/account/notifications': fixed('resident', '/account/notifications'),
  '/account/devices': fixed('resident', '/account/devices'),
  '/staff': fixed('jolietteAdmin', '/staff'),
  '/staff/:orgSlug': fixed('jolietteAdmin', `/staff/${JOL}`),
  '/staff/:orgSlug/audit': fixed('jolietteAdmin', `/staff/${JOL}/audit`),
  '/staff/:orgSlug/outbox': fixed('jolietteAdmin', `/staff/${JOL}/outbox`),
  // The outbox may still be empty on a fresh demo server: the page is then swept in its not-found state.
  '/staff/:orgSlug/outbox/:messageId': from('jolietteAdmin', async (l) => {
    const id = await first(l, `/api/orgs/${org(l, JOL)}/outbox`).catch(() => UNKNOWN);
    return `/staff/${JOL}/outbox/${id}`;
  }),
  '/staff/:orgSlug/people': fixed('jolietteAdmin', `/staff/${JOL}/people`),
  '/staff/:orgSlug/orders': fixed('jolietteAdmin', `/staff/${JOL}/orders`),
  '/staff/:orgSlug/orders/:orderId': from(
    'jolietteAdmin',
    async (l) => `/staff/${JOL}/orders/${await first(l, `/api/orgs/${org(l, JOL)}/orders`)}`,
  ),
  '/staff/:orgSlug/reconciliation': fixed('jolietteAdmin', `/staff/${JOL}/reconciliation`),
  '/staff/:orgSlug/payment-settings': fixed('jolietteAdmin', `/staff/${JOL}/payment-settings`),
  '/staff/:orgSlug/campaigns': fixed('jolietteAdmin', `/staff/${JOL}/campaigns`),
  '/staff/:orgSlug/campaigns/:campaignId': from('jolietteAdmin', async (l) => {
    const id = await first(l, `/api/orgs/${org(l, JOL)}/notify/campaigns`).catch(() => UNKNOWN);
    return `/staff/${JOL}/campaigns/${id}`;
  }),
  '/staff/:orgSlug/addresses': fixed('jolietteAdmin', `/staff/${JOL}/addresses`),
  '/staff/:orgSlug/addresses/import': fixed('jolietteAdmin', `/staff/${JOL}/addresses/import`),
  '/staff/:orgSlug/modules/recreation': fixed('recreation', `/staff/${JOL}/modules/recreation`),
  '/staff/:orgSlug/modules/recreation/activities/new': fixed(
    'recreation',
    `/staff/${JOL}/modules/recreation/activities/new`,
  ),
  '/staff/:orgSlug/modules/recreation/activities/:activityId': from(
    'recreation',
    async (l) =>
      `/staff/${JOL}/modules/recreation/activities/${await first(l, `/api/citizen/orgs/${org(l, JOL)}/staff/activities`)}`,
  ),
  '/staff/:orgSlug/modules/recreation/activities/:activityId/registrations': from(
    'recreation',
    async (l) =>
      `/staff/${JOL}/modules/recreation/activities/${await first(l, `/api/citizen/orgs/${org(l, JOL)}/staff/activities`)}/registrations`,
  ),
  '/staff/:orgSlug/modules/recreation/counter': fixed(
    'recreation',
    `/staff/${JOL}/modules/recreation/counter`,
  ),
  '/staff/:orgSlug/modules/recreation/residency': fixed(
    'recreation',
    `/staff/${JOL}/modules/recreation/residency`,
  ),
  '/staff/:orgSlug/modules/recreation/reports': fixed(
    'recreation',
    `/staff/${JOL}/modules/recreation/reports`,
  ),
  '/staff/:orgSlug/modules/requests': fixed('jolietteAdmin', `/staff/${JOL}/modules/requests`),
  '/staff/:orgSlug/modules/requests/stats': fixed('jolietteAdmin', `/staff/${JOL}/modules/requests/stats`),
  '/staff/:orgSlug/modules/requests/settings': fixed(
    'jolietteAdmin',
    `/staff/${JOL}/modules/requests/settings`,
  ),
  '/staff/:orgSlug/modules/requests/:id': from(
    'jolietteAdmin',
    async (l) =>
      `/staff/${JOL}/modules/requests/${await first(l, `/api/orgs/${org(l, JOL)}/staff/requests`)}`,
  ),
  '/staff/:orgSlug/modules/operations': fixed('urbanPlanning', `/staff/${RDL}/modules/operations`),
  '/staff/:orgSlug/modules/operations/stations/:stationId': from(
    'urbanPlanning',
    async (l) =>
      `/staff/${RDL}/modules/operations/stations/${await first(l, `/api/orgs/${org(l, RDL)}/operations/stations`)}`,
  ),
  '/staff/:orgSlug/modules/operations/entry': fixed(
    'urbanPlanning',
    `/staff/${RDL}/modules/operations/entry`,
  ),
  '/staff/:orgSlug/modules/operations/import': fixed(
    'urbanPlanning',
    `/staff/${RDL}/modules/operations/import`,
  ),
  '/staff/:orgSlug/modules/operations/water': fixed(
    'urbanPlanning',
    `/staff/${RDL}/modules/operations/water`,
  ),
  '/staff/:orgSlug/modules/operations/reports': fixed(
    'urbanPlanning',
    `/staff/${RDL}/modules/operations/reports`,
  ),
  '/staff/:orgSlug/modules/operations/stations/new': fixed(
    'urbanPlanning',
    `/staff/${RDL}/modules/operations/stations/new`,
  ),
  '/staff/:orgSlug/modules/operations/stations/:stationId/edit': from(
    'urbanPlanning',
    async (l) =>
      `/staff/${RDL}/modules/operations/stations/${await first(l, `/api/orgs/${org(l, RDL)}/operations/stations`)}/edit`,
  ),
  '/staff/:orgSlug/modules/operations/water/on-call': fixed(
    'urbanPlanning',
    `/staff/${RDL}/modules/operations/water/on-call`,
  ),
  '/staff/:orgSlug/modules/operations/reports/new': fixed(
    'urbanPlanning',
    `/staff/${RDL}/modules/operations/reports/new`,
  ),
  '/staff/:orgSlug/modules/operations/reports/:reportId': from(
    'urbanPlanning',
    async (l) =>
      `/staff/${RDL}/modules/operations/reports/${await first(l, `/api/orgs/${org(l, RDL)}/operations/reports`)}`,
  ),
  '/staff/:orgSlug/modules/operations/callback': fixed(
    'urbanPlanning',
    `/staff/${RDL}/modules/operations/callback`,
  ),
  '/staff/:orgSlug/modules/operations/callback/needs/:needId': from(
    'urbanPlanning',
    async (l) =>
      `/staff/${RDL}/modules/operations/callback/needs/${await first(l, `/api/orgs/${org(l, RDL)}/callback/needs`)}`,
  ),
  '/staff/:orgSlug/modules/operations/callback/employees': fixed(
    'urbanPlanning',
    `/staff/${RDL}/modules/operations/callback/employees`,
  ),
  '/staff/:orgSlug/modules/operations/callback/employees/:employeeId': from(
    'urbanPlanning',
    async (l) =>
      `/staff/${RDL}/modules/operations/callback/employees/${await first(l, `/api/orgs/${org(l, RDL)}/callback/employees`)}`,
  ),
  '/staff/:orgSlug/modules/operations/callback/rules': fixed(
    'urbanPlanning',
    `/staff/${RDL}/modules/operations/callback/rules`,
  ),
  '/staff/:orgSlug/modules/operations/callback/reports': fixed(
    'urbanPlanning',
    `/staff/${RDL}/modules/operations/callback/reports`,
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
  '/staff/:orgSlug/modules/clerk': fixed('jolietteAdmin', `/staff/${JOL}/modules/clerk`),
  '/staff/:orgSlug/modules/public_works': fixed('jolietteAdmin', `/staff/${JOL}/modules/public_works`),
  '/staff/:orgSlug/modules/transit_dispatch': fixed('dispatcher', `/staff/${VICTO}/modules/transit_dispatch`),
  '/staff/:orgSlug/modules/transit_driver': fixed('driver', `/staff/${VICTO}/modules/transit_driver`),
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
  // The module areas without pages of their own yet (placeholder page).
  '/staff/:orgSlug/modules/:area': fixed('jolietteAdmin', `/staff/${JOL}/modules/elected`),
  '/admin': fixed('installationAdmin', '/admin'),
  '/admin/deletion-requests': fixed('installationAdmin', '/admin/deletion-requests'),
  '/admin/audit': fixed('installationAdmin', '/admin/audit'),
  '/admin/outbox': fixed('installationAdmin', '/admin/outbox'),
  '/admin/outbox/:messageId': from('installationAdmin', async (l) => {
    const id = await first(l, '/api/admin/outbox').catch(() => UNKNOWN);
    return `/admin/outbox/${id}`;
  }),
  '/admin/jobs': fixed('installationAdmin', '/admin/jobs'),
  '/*': fixed('anonymous', '/page-qui-n-existe-pas'),
};
