// The accessibility sweep's pages (tests/e2e/a11y-sweep.ts) of citizen space (citizen): activities and
// registrations, requests, participation, alerts; its staff pages: who sees each page and how its parameters
// are found in the demo data.
import { first, fixed, from, JOL, type Lookup, org, RDL, type SweepEntry, VICTO } from './lookup.ts';

/** A Joliette survey whose results are published (the results page of another one is a refusal). */
async function publishedSurvey(lookup: Lookup): Promise<string> {
  const surveys = `/api/orgs/${org(lookup, JOL)}/citizen/surveys`;
  const answer = (await (await lookup.request.get(surveys)).json()) as { items?: Array<{ id: string }> };
  for (const { id } of answer.items ?? []) {
    if ((await lookup.request.get(`${surveys}/${id}/results`)).ok()) return id;
  }
  throw new Error(`no survey of ${surveys} has published results`);
}

export const CITIZEN_PAGES: Record<string, SweepEntry> = {
  '/:orgSlug/activities': fixed('anonymous', `/${JOL}/activities`),
  '/:orgSlug/activities/:activityId': from(
    'anonymous',
    async (l) => `/${JOL}/activities/${await first(l, `/api/citizen/orgs/${org(l, JOL)}/catalogue`)}`,
  ),
  '/:orgSlug/claim': fixed('resident', `/${JOL}/claim`),
  '/:orgSlug/requests': fixed('anonymous', `/${JOL}/requests`),
  '/:orgSlug/requests/new': fixed('anonymous', `/${JOL}/requests/new`),
  '/:orgSlug/requests/suivi/:token': fixed('anonymous', `/${JOL}/requests/suivi/lien-inconnu-0000000000`),
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
  '/:orgSlug/cart': fixed('resident', `/${JOL}/cart`),
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
  '/staff/:orgSlug/modules/clerk': fixed('jolietteAdmin', `/staff/${JOL}/modules/clerk`),
  '/staff/:orgSlug/modules/public_works': fixed('jolietteAdmin', `/staff/${JOL}/modules/public_works`),
};
