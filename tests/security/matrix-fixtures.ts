/**
 * Who knocks and on which door, for the authorization matrix: one account per role, and for every route
 * parameter a real row of the demonstration data (so "another citizen" and "staff of another organisation"
 * are refused on someone else's real record, not merely answered 404 for an id that does not exist).
 */
import { sql } from 'drizzle-orm';
import { ROLES, type Role } from '../../src/platform/auth/schema.ts';
import type { Database } from '../../src/platform/db/client.ts';
import { organisations } from '../../src/platform/orgs/schema.ts';
import { createAccount, createOrg } from '../support/factories.ts';

/** Every role of the matrix: the staff roles are `staff:<role>`. */
export const ACTORS = [
  'anonymous',
  'citizen',
  'otherCitizen',
  ...ROLES.map((r) => `staff:${r}` as const),
  'foreignStaff',
  'installationAdmin',
] as const;
export type Actor = (typeof ACTORS)[number];

/** Accounts behind the actors (anonymous has none; `citizen` is replaced by a record's owner when it has one). */
export interface Actors {
  citizen: string;
  otherCitizen: string;
  staff: Record<Role, string>;
  foreignStaff: string;
  installationAdmin: string;
}

/**
 * The actors' accounts. Each staff role is held in every organisation, so that whichever organisation a
 * route is tried on, the role is there; "staff of another organisation" holds every role, administrator
 * included, in an organisation of its own and none in the demonstration ones.
 */
export async function createActors(db: Database): Promise<Actors> {
  const orgs = await db.select({ id: organisations.id }).from(organisations);
  const staff = {} as Record<Role, string>;
  for (const role of ROLES) {
    const account = await createAccount(db, {
      roles: orgs.map((o) => ({ orgId: o.id, role })),
      totp: role === 'admin',
    });
    staff[role] = account.id;
  }
  const elsewhere = await createOrg(db);
  const foreign = await createAccount(db, {
    roles: ROLES.map((role) => ({ orgId: elsewhere.id, role })),
    totp: true,
  });
  const installationAdmin = await createAccount(db, { installationAdmin: true, totp: true });
  return {
    citizen: (await createAccount(db)).id,
    otherCitizen: (await createAccount(db)).id,
    staff,
    foreignStaff: foreign.id,
    installationAdmin: installationAdmin.id,
  };
}

/** The demonstration organisation whose data a route is tried on (each module's demo lives in one town). */
export function orgSlugFor(url: string): string {
  if (/\/transit|gtfs/.test(url)) return 'victoriaville';
  if (/\/attraction|\/region|^\/emplois/.test(url)) return 'mrc-kamouraska';
  if (/\/portal|\/operations|\/callback|\/map\//.test(url)) return 'riviere-du-loup';
  return 'joliette';
}

// Rows that a parameter names, per "segment/:param" of the route (most specific first). `$org` is the
// organisation's id; `owner` (when selected) is the account the row belongs to.
const NOT_STAFF = '(select account_id from memberships)';
const SOURCES: Array<[RegExp, string]> = [
  [
    /requests\/:id/,
    `select id, reporter_account_id owner from service_requests where org_id = $org and reporter_account_id is not null and reporter_account_id not in ${NOT_STAFF} order by created_at limit 1`,
  ],
  [/orders\/:id/, `select id, account_id owner from orders where org_id = $org order by created_at limit 1`],
  [
    /companies\/:companyId/,
    `select c.id, m.account_id owner from companies c left join company_members m on m.org_id = c.org_id and m.company_id = c.id where c.org_id = $org order by m.account_id nulls last limit 1`,
  ],
  [/consultations\/:id/, `select id from citizen_consultations where org_id = $org limit 1`],
  [
    /applications\/:id/,
    `select id, applicant_account_id owner from permit_applications where org_id = $org and applicant_account_id is not null and applicant_account_id not in ${NOT_STAFF} limit 1`,
  ],
  [
    /trips\/:id/,
    `select id, rider_account_id owner from transit_trips where org_id = $org and rider_account_id is not null and rider_account_id not in ${NOT_STAFF} limit 1`,
  ],
  [/surveys\/:id/, `select id from citizen_surveys where org_id = $org limit 1`],
  [/roll\/imports\/:importId/, `select id from roll_imports where org_id = $org limit 1`],
  [/stations\/:stationId/, `select id from ops_stations where org_id = $org limit 1`],
  [/pages\/:pageId/, `select id from site_pages where org_id = $org limit 1`],
  [/offers\/:offerId/, `select id from job_offers where org_id = $org limit 1`],
  [
    /newsletter-issues\/:id|archive\/:id/,
    `select id from citizen_newsletter_issues where org_id = $org limit 1`,
  ],
  [
    /matches\/:matchId/,
    `select m.id, p.account_id owner from job_matches m join candidate_profiles p on p.org_id = m.org_id and p.id = m.candidate_id where m.org_id = $org limit 1`,
  ],
  [/alerts\/:id/, `select id from citizen_alerts where org_id = $org limit 1`],
  [/activities\/:activityId/, `select id from citizen_activities where org_id = $org limit 1`],
  [
    /registrations\/:registrationId/,
    `select id, account_id owner from citizen_registrations where org_id = $org and account_id is not null and account_id not in ${NOT_STAFF} limit 1`,
  ],
  [/needs\/:id/, `select id from callback_needs where org_id = $org limit 1`],
  [/measures\/:measureId/, `select id from ops_measures where org_id = $org limit 1`],
  [/employees\/:id/, `select id from callback_employees where org_id = $org limit 1`],
  [/contacts\/:contactId/, `select id from region_contacts where org_id = $org limit 1`],
  [
    /contacts\/:contact$|contacts\/:contact\//,
    `select slug id from region_contacts where org_id = $org limit 1`,
  ],
  [/cards\/:cardId/, `select id from citizen_cards where org_id = $org limit 1`],
  [/types\/:code/, `select code id from permit_types where org_id = $org limit 1`],
  [/slots\/:slotId/, `select id from region_contact_slots where org_id = $org and booked_at is null limit 1`],
  [/seasons\/:seasonId/, `select id from citizen_seasons where org_id = $org limit 1`],
  [/residencies\/:residencyId/, `select id from citizen_residencies where org_id = $org limit 1`],
  [/request-departments\/:id/, `select id from request_departments where org_id = $org limit 1`],
  [/request-templates\/:id/, `select id from request_reply_templates where org_id = $org limit 1`],
  [/request-statuses\/:id/, `select id from request_statuses where org_id = $org limit 1`],
  [/request-categories\/:id/, `select id from request_categories where org_id = $org limit 1`],
  [/reports\/:reportId/, `select id from ops_report_definitions where org_id = $org limit 1`],
  [/map\/places\/:placeId/, `select id from map_places where org_id = $org limit 1`],
  [/region\/staff\/places\/:placeId/, `select id from region_places where org_id = $org limit 1`],
  [/(places|lieux)\/:slug/, `select slug id from region_places where org_id = $org and published limit 1`],
  [/(employers|employeurs)\/:slug/, `select slug id from companies where org_id = $org limit 1`],
  [
    /callback\/(me\/)?offers\/:id/,
    `select o.id, e.account_id owner from callback_offers o join callback_employees e on e.org_id = o.org_id and e.id = o.employee_id where o.org_id = $org and e.account_id is not null limit 1`,
  ],
  [
    /consultation-contributions\/:id/,
    `select id from citizen_consultation_contributions where org_id = $org limit 1`,
  ],
  [/consultation-meetings\/:id/, `select id from citizen_consultation_meetings where org_id = $org limit 1`],
  [/alarms\/:alarmId/, `select id from ops_alarms where org_id = $org limit 1`],
  [/zones\/:id/, `select id from transit_zones where org_id = $org limit 1`],
  [/vehicles\/:id/, `select id from transit_vehicles where org_id = $org limit 1`],
  [/stops\/:id/, `select id from transit_stops where org_id = $org limit 1`],
  [/shifts\/:id/, `select id from transit_shifts where org_id = $org limit 1`],
  [/drivers\/:id/, `select id from transit_drivers where org_id = $org limit 1`],
  [/fares\/:id/, `select id from transit_fare_products where org_id = $org limit 1`],
  [/units\/:unitId/, `select id from roll_units where org_id = $org limit 1`],
  [/samples\/:sampleId/, `select id from ops_samples where org_id = $org limit 1`],
  [/products\/:code/, `select code id from payment_products where org_id = $org limit 1`],
  [
    /boundaries\/:municipalityId/,
    `select municipality_org_id id from region_boundaries where org_id = $org limit 1`,
  ],
  [
    /dependants\/:personId/,
    `select d.id, g.account_id owner from persons d join persons g on g.household_id = d.household_id and g.account_id is not null where d.role = 'dependant' limit 1`,
  ],
  [
    /staff\/:accountId/,
    `select account_id id from memberships where org_id = $org and role = 'recreation' and account_id in (select id from accounts where email like '%@demo.civique.ca') limit 1`,
  ],
  [/partnerships\/:id/, `select id from partnerships limit 1`],
  [/services\/:service_code/, `select code id from request_categories where org_id = $org limit 1`],
  [
    /emplois\/:org\/:reference/,
    `select reference id from job_offers where org_id = $org and status = 'published' limit 1`,
  ],
];

// Parameters that name a kind rather than a row.
const CONSTANTS: Record<string, string> = {
  lang: 'fr',
  role: 'recreation',
  action: 'start',
  feed: 'vehicle-positions',
  queue: 'email',
  layerId: 'zoning',
};

/** A route's URL with every parameter filled in, and the account that owns the record it names (if any). */
export async function fillRoute(
  db: Database,
  url: string,
  slugs: Map<string, string>,
): Promise<{ path: string; owner: string | null; resolved: boolean }> {
  const slug = orgSlugFor(url);
  const orgId = slugs.get(slug) ?? '';
  let owner: string | null = null;
  let resolved = true;
  const values = new Map<string, string>();
  for (const match of url.matchAll(/:([A-Za-z_]+)/g)) {
    const name = match[1] ?? '';
    const upTo = url.slice(0, (match.index ?? 0) + name.length + 1);
    if (name === 'orgId' || name === 'idOrSlug' || (name === 'id' && /\/orgs\/:id$/.test(upTo))) {
      values.set(name, orgId);
      continue;
    }
    if (name === 'org') {
      values.set(name, slug);
      continue;
    }
    if (name === 'format') {
      values.set(name, url.startsWith('/open311') ? 'json' : /file\.:format/.test(url) ? 'pdf' : 'csv');
      continue;
    }
    const constant = name === 'action' && url.includes('/alerts/') ? 'cancel' : CONSTANTS[name];
    if (constant) {
      values.set(name, constant);
      continue;
    }
    const source = SOURCES.find(([re]) => re.test(upTo));
    if (source) {
      const result = (await db.execute(sql.raw(source[1].replaceAll('$org', `'${orgId}'`)))) as unknown as {
        rows: Array<{ id: string; owner?: string | null }>;
      };
      const row = result.rows[0];
      if (row) {
        values.set(name, String(row.id));
        owner = row.owner ?? owner;
        continue;
      }
    }
    // No such row in the demonstration data: an id that exists nowhere (the route is still classified).
    resolved = false;
    values.set(name, name.toLowerCase().endsWith('token') || name === 'token' ? 'x'.repeat(43) : NO_ROW);
  }
  const path = url.replace(/:([A-Za-z_]+)/g, (_m, name: string) => values.get(name) ?? NO_ROW);
  return { path, owner, resolved };
}

/** An id no row has. */
export const NO_ROW = '01900000-0000-7000-8000-000000000000';
