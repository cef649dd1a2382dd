// The accessibility sweep's pages (tests/e2e/a11y-sweep.ts) of operations (operations): the call-back list of
// casual employees and the operations staff pages: who sees each page and how its parameters are found in the
// demo data.
import { first, fixed, from, org, RDL, type SweepEntry, UNKNOWN } from './lookup.ts';

export const OPERATIONS_PAGES: Record<string, SweepEntry> = {
  '/:orgSlug/callback/offer/:token': fixed('anonymous', `/${RDL}/callback/offer/lien-inconnu-0000000000`),
  '/:orgSlug/callback': fixed('casualEmployee', `/${RDL}/callback`),
  '/:orgSlug/callback/union': fixed('casualEmployee', `/${RDL}/callback/union`),
  '/:orgSlug/callback/union/needs/:needId': fixed(
    'casualEmployee',
    `/${RDL}/callback/union/needs/${UNKNOWN}`,
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
};
