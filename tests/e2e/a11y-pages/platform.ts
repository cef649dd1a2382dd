// The accessibility sweep's pages (tests/e2e/a11y-sweep.ts) of the shell and the platform: home, sign-in,
// account, staff dashboard and tools, installation administration: who sees each page and how its parameters
// are found in the demo data.
import { first, fixed, from, JOL, org, type SweepEntry, UNKNOWN } from './lookup.ts';

export const PLATFORM_PAGES: Record<string, SweepEntry> = {
  '/': fixed('anonymous', '/'),
  '/towns': fixed('anonymous', '/towns'),
  '/sign-in': fixed('anonymous', '/sign-in'),
  '/sign-up': fixed('anonymous', '/sign-up'),
  '/password-reset': fixed('anonymous', '/password-reset'),
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
