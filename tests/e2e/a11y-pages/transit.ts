// The accessibility sweep's pages (tests/e2e/a11y-sweep.ts) of on-demand transit (transit): TaxiBus booking
// and trips, dispatch and driver: who sees each page and how its parameters are found in the demo data.
import { first, fixed, from, org, type SweepEntry, UNKNOWN, VICTO } from './lookup.ts';

export const TRANSIT_PAGES: Record<string, SweepEntry> = {
  '/:orgSlug/transit': fixed('anonymous', `/${VICTO}/transit`),
  // Signed in, the page also lists the rider's own booklets and passes.
  '/:orgSlug/transit/fares': fixed('resident', `/${VICTO}/transit/fares`),
  '/:orgSlug/transit/trips/:tripId': from('resident', async (l) => {
    const mine = await first(l, `/api/orgs/${org(l, VICTO)}/transit/trips/mine`).catch(() => UNKNOWN);
    return `/${VICTO}/transit/trips/${mine}`;
  }),
  '/staff/:orgSlug/modules/transit_dispatch': fixed('dispatcher', `/staff/${VICTO}/modules/transit_dispatch`),
  '/staff/:orgSlug/modules/transit_driver': fixed('driver', `/staff/${VICTO}/modules/transit_driver`),
};
