/**
 * Who may call each route: the table the authorization matrix checks every role against. First matching
 * line wins, so exceptions come before the patterns they refine. A route that no line names fails the
 * matrix: classify a new route here when you add it.
 */
import type { RegisteredRoute } from '../../src/app.ts';
import { ROLES, type Role } from '../../src/platform/auth/schema.ts';
import type { Access, Rule } from './access-rules.ts';
import { ruleMatches } from './access-rules.ts';

export { type Access, expectedOutcome, type Outcome, type Rule } from './access-rules.ts';

const PUBLIC: Access = { kind: 'public' };
const ACCOUNT: Access = { kind: 'account' };
const INSTALLATION: Access = { kind: 'installation' };
const ORG_ADMIN: Access = { kind: 'orgAdmin' };
const staff = (...roles: Role[]): Access => ({ kind: 'staff', roles });
/** The organisation's administrator only. */
const ADMIN = staff();
const CREDENTIALS: Access = { kind: 'credentials' };
const ANY_STAFF: Access = { kind: 'anyStaff' };

// Role groups as the modules' policies.ts define them.
const RECREATION = staff('recreation');
const RESIDENCY = staff('recreation', 'clerk');
const RECREATION_READERS = staff('recreation', 'treasury', 'elected');
const REQUESTS = staff('requests', 'public_works');
const REQUEST_MANAGER = staff('requests');
const PARTICIPATION = staff('clerk');
const ALERTS = staff('public_works', 'clerk');
const OPERATIONS = staff('operations', 'public_works');
const CALLBACK = staff('operations');
const SITE = staff('attraction');
const ATTRACTION = staff('attraction');
const PERMITS = staff('urban_planning');
const ROLL_MANAGER = staff('urban_planning', 'clerk');
const DISPATCH = staff('transit_dispatch');
const DRIVER = staff('transit_driver', 'transit_dispatch');
const ORDER_STAFF = staff(
  'treasury',
  'recreation',
  'requests',
  'clerk',
  'urban_planning',
  'operations',
  'public_works',
  'transit_dispatch',
  'attraction',
);

export const ACCESS_TABLE: readonly Rule[] = [
  // Static files of the built web app, the app shell, health, metrics, API description.
  { route: 'GET /assets/*', access: PUBLIC },
  { route: 'GET /', access: PUBLIC },
  { route: 'GET /index.html', access: PUBLIC },
  { route: 'GET /favicon.svg', access: PUBLIC },
  { route: 'GET /icons/*', access: PUBLIC },
  { route: 'GET /sw.js', access: PUBLIC },
  { route: 'GET /robots.txt', access: PUBLIC },
  { route: 'GET /manifest.webmanifest', access: PUBLIC },
  { route: 'GET /api/health', access: PUBLIC },
  { route: 'GET /metrics', access: PUBLIC },
  { route: 'GET /api/openapi.json', access: PUBLIC },
  { route: 'GET /api/docs*', access: PUBLIC },
  { route: 'GET /api/csrf', access: PUBLIC },
  { route: 'GET /api/session', access: PUBLIC },
  { route: 'GET /api/config/map', access: PUBLIC },

  // Standards and public sites outside /api.
  { route: '* /open311/*', access: PUBLIC },
  { route: 'GET /feeds/*', access: PUBLIC },
  { route: 'GET /region/*', access: PUBLIC },
  // The resource person's contact form without JavaScript (CSRF token in a hidden field, rate limited).
  { route: 'POST /region/:org/:lang/personnes-ressources/:slug', access: PUBLIC },
  { route: 'GET /emplois/*', access: PUBLIC },

  // Installation administration.
  { route: '* /api/admin/*', access: INSTALLATION },

  // Accounts: sign-in and codes are public by nature; the rest is the caller's own account.
  { route: 'POST /api/auth/sign-in', access: CREDENTIALS },
  { route: 'POST /api/auth/sign-up', access: CREDENTIALS },
  { route: 'POST /api/auth/code/*', access: CREDENTIALS },
  { route: 'POST /api/auth/password/*', access: CREDENTIALS },
  { route: 'POST /api/auth/verify-email', access: CREDENTIALS },
  { route: 'POST /api/auth/sign-out', access: PUBLIC },
  // Administrators (of an organisation or of the installation) must keep their second factor.
  {
    route: 'POST /api/auth/totp/disable',
    access: ACCOUNT,
    except: { 'staff:admin': 403, foreignStaff: 403, installationAdmin: 403 },
  },
  // The session id is checked for its shape before the session is (400 for a signed-out caller).
  { route: 'DELETE /api/auth/sessions/:id', access: ACCOUNT, except: { anonymous: 400 } },
  { route: '* /api/auth/*', access: ACCOUNT },
  { route: '* /api/me/*', access: ACCOUNT },

  // Organisations, staff management, audit, outbox, addresses, files, payments settings.
  { route: 'GET /api/orgs', access: PUBLIC },
  { route: 'GET /api/orgs/:idOrSlug', access: PUBLIC },
  { route: '* /api/orgs/:orgId/staff', access: ORG_ADMIN },
  { route: 'DELETE /api/orgs/:orgId/staff/:accountId/roles/:role', access: ORG_ADMIN },
  // An organisation's audit log and outbox: its administrator (the installation's are under /api/admin).
  { route: '* /api/orgs/:orgId/audit*', access: ADMIN },
  { route: '* /api/orgs/:orgId/outbox*', access: ADMIN },
  { route: 'GET /api/orgs/:orgId/notify/campaigns*', access: ANY_STAFF },
  { route: 'POST /api/orgs/:orgId/notify/campaigns', access: ADMIN },
  { route: '* /api/orgs/:orgId/open311/keys*', access: ORG_ADMIN },
  { route: '* /api/orgs/:orgId/addresses/imports*', access: staff('public_works', 'urban_planning') },
  { route: 'GET /api/orgs/:orgId/addresses/*', access: PUBLIC },
  { route: 'GET /api/notify/*', access: PUBLIC },
  { route: 'POST /api/notify/*', access: PUBLIC },
  { route: 'POST /api/files/:orgId', access: ACCOUNT },
  { route: 'GET /api/files/:orgId/:id/link', access: ACCOUNT },
  { route: 'GET /api/files/download/:token', access: { kind: 'token', refused: 403 } },
  { route: 'POST /api/payments/webhooks/stripe/:orgId', access: PUBLIC },
  { route: 'GET /api/orgs/:orgId/payments/options', access: PUBLIC },
  // Orders: treasury, and the staff of the modules whose orders they serve (payments/policies.ts); one
  // order, the roles serving its module (the demonstration order is a recreation one: citizen module).
  { route: 'GET /api/orgs/:orgId/payments/products', access: ORDER_STAFF },
  { route: '* /api/orgs/:orgId/payments/*', access: staff('treasury') },
  { route: 'POST /api/orgs/:orgId/orders', access: staff('treasury') },
  { route: 'GET /api/orgs/:orgId/orders', access: ORDER_STAFF },
  { route: '* /api/orgs/:orgId/orders/:id*', access: staff('treasury', 'recreation', 'requests', 'clerk') },

  // Citizen: recreation (activities, registrations, residency, cards).
  { route: '* /api/citizen/me/*', access: ACCOUNT },
  // Who registered (personal data): recreation only; the activities themselves: its readers too.
  { route: 'GET /api/citizen/orgs/:orgId/staff/activities/:activityId/registrations*', access: RECREATION },
  { route: 'GET /api/citizen/orgs/:orgId/staff/activities*', access: RECREATION_READERS },
  // Residency, cards and household records: recreation and the clerk's office.
  { route: '* /api/citizen/orgs/:orgId/staff/residencies*', access: RESIDENCY },
  { route: 'POST /api/citizen/orgs/:orgId/staff/household-lookup', access: RECREATION },
  { route: '* /api/citizen/orgs/:orgId/staff/household-*', access: RESIDENCY },
  { route: '* /api/citizen/orgs/:orgId/staff/card-checks', access: RESIDENCY },
  { route: '* /api/citizen/orgs/:orgId/staff/cards/*', access: RESIDENCY },
  { route: 'GET /api/citizen/orgs/:orgId/staff/reports*', access: RECREATION_READERS },
  { route: '* /api/citizen/orgs/:orgId/staff/*', access: RECREATION },
  { route: 'GET /api/citizen/orgs/:orgId/activities/*', access: PUBLIC },
  { route: 'GET /api/citizen/orgs/:orgId/catalogue', access: PUBLIC },
  { route: 'GET /api/citizen/orgs/:orgId/seasons', access: PUBLIC },
  // The waiting room's place is read with the token given on joining it.
  {
    route: 'GET /api/citizen/orgs/:orgId/seasons/:seasonId/queue',
    access: { kind: 'token', refused: 403 },
    except: { anonymous: 401 },
  },
  // Claiming a residency by the code mailed to the address: the code is the proof.
  { route: 'POST /api/citizen/orgs/:orgId/residency/claim*', access: CREDENTIALS },
  { route: 'POST /api/citizen/orgs/:orgId/registrations/:registrationId/*', access: { kind: 'owner' } },
  { route: 'GET /api/citizen/orgs/:orgId/cards/:cardId/card.pdf', access: { kind: 'owner' } },
  { route: 'POST /api/citizen/orgs/:orgId/cards/:cardId/replace', access: { kind: 'owner' } },
  { route: '* /api/citizen/orgs/:orgId/*', access: ACCOUNT },

  // Citizen: requests to the city (311).
  { route: 'GET /api/orgs/:orgId/requests/categories', access: PUBLIC },
  { route: 'GET /api/orgs/:orgId/requests/settings', access: PUBLIC },
  { route: 'GET /api/orgs/:orgId/requests/map', access: PUBLIC },
  { route: 'GET /api/orgs/:orgId/requests/nearby', access: PUBLIC },
  { route: 'POST /api/orgs/:orgId/requests', access: PUBLIC },
  { route: 'POST /api/orgs/:orgId/requests/photos', access: PUBLIC },
  { route: '* /api/orgs/:orgId/requests/guest/*', access: PUBLIC },
  { route: 'GET /api/orgs/:orgId/requests/mine', access: ACCOUNT },
  // Requests are public on the map: anyone may follow one, and a follower may add information or ask to
  // reopen it (add-information.ts); reading one's request in full is for its author (staff use theirs).
  // Following is open to guests too (with an e-mail address); unfollowing needs the session or the token.
  { route: 'POST /api/orgs/:orgId/requests/:id/follow', access: PUBLIC },
  { route: 'DELETE /api/orgs/:orgId/requests/:id/follow', access: ACCOUNT },
  { route: 'POST /api/orgs/:orgId/requests/:id/information', access: ACCOUNT },
  { route: 'POST /api/orgs/:orgId/requests/:id/reopen', access: ACCOUNT },
  { route: 'GET /api/orgs/:orgId/requests/:id', access: { kind: 'owner' } },
  { route: '* /api/orgs/:orgId/staff/requests*', access: REQUESTS },
  { route: 'GET /api/orgs/:orgId/staff/request-*', access: REQUESTS },
  { route: '* /api/orgs/:orgId/staff/request-*', access: REQUEST_MANAGER },

  // Citizen: participation (surveys, consultations, newsletters, alerts) and analytics.
  { route: '* /api/orgs/:orgId/citizen/staff/alerts*', access: ALERTS },
  { route: '* /api/orgs/:orgId/citizen/staff/alert-settings', access: ALERTS },
  // Analytics: any staff of the organisation (participation-analytics.ts).
  { route: 'GET /api/orgs/:orgId/citizen/staff/participation-analytics', access: ANY_STAFF },
  { route: '* /api/orgs/:orgId/citizen/staff/*', access: PARTICIPATION },
  { route: 'GET /api/orgs/:orgId/citizen/alerts/:id/history', access: PUBLIC },
  { route: 'GET /api/orgs/:orgId/citizen/alerts/active', access: PUBLIC },
  { route: 'GET /api/orgs/:orgId/citizen/alerts/events', access: PUBLIC },
  { route: 'GET /api/orgs/:orgId/citizen/alerts/sectors', access: PUBLIC },
  { route: '* /api/orgs/:orgId/citizen/alerts/subscription', access: ACCOUNT },
  { route: 'GET /api/orgs/:orgId/citizen/consultations*', access: PUBLIC },
  { route: 'GET /api/orgs/:orgId/citizen/surveys*', access: PUBLIC },
  { route: 'GET /api/orgs/:orgId/citizen/newsletters*', access: PUBLIC },
  { route: 'POST /api/orgs/:orgId/citizen/newsletters/subscriptions', access: PUBLIC },
  { route: 'POST /api/orgs/:orgId/citizen/newsletters/confirmation', access: PUBLIC },
  { route: 'POST /api/orgs/:orgId/citizen/newsletters/unsubscribe/:token', access: PUBLIC },
  { route: '* /api/orgs/:orgId/citizen/*', access: ACCOUNT },

  // Portal: roll, permits, maps.
  { route: 'GET /api/orgs/:orgId/portal/roll/search', access: PUBLIC },
  { route: 'GET /api/orgs/:orgId/portal/roll/units/:unitId', access: PUBLIC },
  { route: 'GET /api/orgs/:orgId/portal/roll/years', access: PUBLIC },
  { route: '* /api/orgs/:orgId/portal/roll/*', access: ROLL_MANAGER },
  { route: 'GET /api/orgs/:orgId/portal/map/extent', access: PUBLIC },
  // Any department puts its facilities on the map; elected officials only read.
  { route: '* /api/orgs/:orgId/portal/map/places*', access: staff(...ROLES.filter((r) => r !== 'elected')) },
  { route: '* /api/orgs/:orgId/portal/map/*', access: PERMITS },
  { route: 'GET /api/orgs/:orgId/map/*', access: PUBLIC },
  { route: '* /api/orgs/:orgId/portal/permits/staff/*', access: PERMITS },
  { route: 'GET /api/orgs/:orgId/portal/permits/types', access: PUBLIC },
  { route: 'POST /api/orgs/:orgId/portal/permits/types/:code/quote', access: PUBLIC },
  { route: 'GET /api/orgs/:orgId/portal/permits/registry', access: PUBLIC },
  { route: 'GET /api/orgs/:orgId/portal/permits/open-data.:format', access: PUBLIC },
  { route: 'GET /api/orgs/:orgId/portal/permits/verify/:token', access: PUBLIC },
  { route: 'GET /api/orgs/:orgId/portal/permits/applications', access: ACCOUNT },
  { route: 'POST /api/orgs/:orgId/portal/permits/applications', access: ACCOUNT },
  // The applicant's file; permit staff print the permit.
  {
    route: 'GET /api/orgs/:orgId/portal/permits/applications/:id/permit.pdf',
    access: { kind: 'owner', staff: ['urban_planning'] },
  },
  { route: '* /api/orgs/:orgId/portal/permits/applications/:id*', access: { kind: 'owner' } },

  // Operations: data hub, water, reports, transmissions; call-back list.
  // Device ingestion: the device token is the proof; a session never stands in for it.
  { route: 'POST /api/orgs/:orgId/operations/telemetry', access: { kind: 'token', refused: 401 } },
  { route: '* /api/orgs/:orgId/operations/*', access: OPERATIONS },
  { route: '* /api/orgs/:orgId/callback/me*', access: ACCOUNT },
  { route: '* /api/orgs/:orgId/callback/offer-links/*', access: PUBLIC },
  // Says which parts of the call-back list the caller may see (nothing, when signed out).
  { route: 'GET /api/orgs/:orgId/callback/access', access: PUBLIC },
  { route: '* /api/orgs/:orgId/callback/*', access: CALLBACK },

  // Transit.
  { route: 'GET /api/orgs/:orgId/transit/network', access: PUBLIC },
  { route: 'GET /api/orgs/:orgId/transit/trips/mine', access: ACCOUNT },
  { route: 'POST /api/orgs/:orgId/transit/trips', access: ACCOUNT },
  { route: 'GET /api/orgs/:orgId/transit/fares/products', access: PUBLIC },
  { route: 'GET /api/orgs/:orgId/transit/fares/mine', access: ACCOUNT },
  { route: 'POST /api/orgs/:orgId/transit/fares/purchase', access: ACCOUNT },
  { route: 'POST /api/orgs/:orgId/transit/series', access: ACCOUNT },
  // A whole series: its rider or a dispatcher. The demonstration data has no series, and the series is
  // looked up before the session is checked, so even a signed-out caller gets the 404.
  {
    route: 'POST /api/orgs/:orgId/transit/series/:id/cancel',
    access: { kind: 'owner', staff: ['transit_dispatch'] },
    except: { anonymous: 404 },
  },
  { route: '* /api/orgs/:orgId/transit/trips/:id*', access: { kind: 'owner', staff: ['transit_dispatch'] } },
  // The drivers' installable app manifest is fetched by the browser without credentials.
  { route: 'GET /api/orgs/:orgId/transit/driver/app.webmanifest', access: PUBLIC },
  { route: '* /api/orgs/:orgId/transit/driver/*', access: DRIVER },
  { route: 'POST /api/orgs/:orgId/transit/board/series', access: DISPATCH },
  { route: '* /api/orgs/:orgId/transit/*', access: DISPATCH },

  // Attraction: regional site, places, contacts; job portal.
  { route: 'GET /api/orgs/:orgId/region/boundaries', access: PUBLIC },
  { route: 'GET /api/orgs/:orgId/region/contacts*', access: PUBLIC },
  { route: 'POST /api/orgs/:orgId/region/contacts/:contactId/messages', access: PUBLIC },
  { route: 'POST /api/orgs/:orgId/region/slots/:slotId/booking', access: PUBLIC },
  { route: 'GET /api/orgs/:orgId/region/employers*', access: PUBLIC },
  { route: 'GET /api/orgs/:orgId/region/places*', access: PUBLIC },
  { route: '* /api/orgs/:orgId/region/*', access: SITE },
  { route: 'GET /api/attraction/noc', access: PUBLIC },
  { route: 'GET /api/orgs/:orgId/attraction/offers', access: PUBLIC },
  { route: '* /api/orgs/:orgId/attraction/staff/*', access: ATTRACTION },
  { route: '* /api/orgs/:orgId/attraction/candidate/*', access: ACCOUNT },
  { route: 'POST /api/orgs/:orgId/attraction/companies', access: ACCOUNT },
  { route: 'GET /api/orgs/:orgId/attraction/my-companies', access: ACCOUNT },
  { route: 'POST /api/orgs/:orgId/attraction/invitations/accept', access: ACCOUNT },
  { route: '* /api/orgs/:orgId/attraction/companies/:companyId*', access: { kind: 'owner' } },
  // The candidate of the match (and the employer): the demonstration match is not mutual yet, so its
  // candidate is told so (403 not_mutual) where anyone else is told it does not exist (404).
  {
    route: 'POST /api/orgs/:orgId/attraction/matches/:matchId/hired',
    access: { kind: 'owner' },
    except: { citizen: 403 },
  },
  {
    route: 'POST /api/orgs/:orgId/attraction/matches/:matchId/messages',
    access: { kind: 'owner' },
    except: { citizen: 403 },
  },
  {
    route: 'GET /api/orgs/:orgId/attraction/matches/:matchId/thread',
    access: { kind: 'owner' },
    except: { citizen: 403 },
  },
  { route: '* /api/orgs/:orgId/attraction/matches/:matchId*', access: { kind: 'owner' } },
];

/** The table's line for a registered route, if any. */
export function classify(route: RegisteredRoute): Rule | undefined {
  return ACCESS_TABLE.find((rule) => ruleMatches(rule.route, route));
}
