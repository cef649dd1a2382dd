import { sql } from 'drizzle-orm';
import {
  boolean,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { accounts } from '../../../platform/auth/schema.ts';
import { tenantColumns, tenantKey } from '../../../platform/db/tenancy.ts';
import { organisations } from '../../../platform/orgs/schema.ts';
import type { AlertArea, LatLon } from './area.ts';

export const MSG_TYPES = ['Alert', 'Update', 'Cancel'] as const;
/** CAP `status`: `Test` alerts go to the organisation's staff only. */
export const CAP_STATUSES = ['Actual', 'Test'] as const;
export const URGENCIES = ['Immediate', 'Expected', 'Future', 'Past', 'Unknown'] as const;
export const SEVERITIES = ['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown'] as const;
export const CERTAINTIES = ['Observed', 'Likely', 'Possible', 'Unlikely', 'Unknown'] as const;
/** Waiting for a second person's approval, sent, or refused by the approver. */
export const ALERT_STATES = ['pending_approval', 'sent', 'rejected'] as const;

// Tenant-owned: one CAP message (an alert, or an update or cancellation of an earlier one).
export const alerts = pgTable(
  'citizen_alerts',
  {
    ...tenantColumns(() => organisations.id),
    msgType: text('msg_type', { enum: MSG_TYPES }).notNull(),
    status: text('status', { enum: CAP_STATUSES }).notNull(),
    state: text('state', { enum: ALERT_STATES }).notNull(),
    /** The message this one updates or cancels (the previous one of the chain). */
    referencesId: uuid('references_id'),
    /** The first alert of the chain: every update and cancellation keeps it. */
    rootId: uuid('root_id').notNull(),
    eventCode: text('event_code').notNull(),
    urgency: text('urgency', { enum: URGENCIES }).notNull(),
    severity: text('severity', { enum: SEVERITIES }).notNull(),
    certainty: text('certainty', { enum: CERTAINTIES }).notNull(),
    headlineFr: text('headline_fr').notNull(),
    headlineEn: text('headline_en').notNull(),
    descriptionFr: text('description_fr').notNull(),
    descriptionEn: text('description_en').notNull(),
    instructionFr: text('instruction_fr').notNull(),
    instructionEn: text('instruction_en').notNull(),
    areaDescFr: text('area_desc_fr').notNull(),
    areaDescEn: text('area_desc_en').notNull(),
    area: jsonb('area').$type<AlertArea>().notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').references(() => accounts.id, { onDelete: 'set null' }),
    approvedBy: uuid('approved_by').references(() => accounts.id, { onDelete: 'set null' }),
    /** When it went out (the CAP `sent` time); null while waiting for approval. */
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /** Set when a later update or cancellation of the chain is sent: it no longer applies. */
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
    /** The platform mass send that carries it (progress and per-message delivery live there). */
    campaignId: uuid('campaign_id'),
    recipients: integer('recipients').notNull().default(0),
  },
  (t) => [
    tenantKey(t),
    index('citizen_alerts_org_sent_idx').on(t.orgId, t.sentAt),
    index('citizen_alerts_root_idx').on(t.orgId, t.rootId),
    // One update or cancellation per message: two staff answering the same alert cannot fork the chain.
    uniqueIndex('citizen_alerts_references_key')
      .on(t.orgId, t.referencesId)
      .where(sql`${t.state} <> 'rejected'`),
    foreignKey({ columns: [t.orgId, t.referencesId], foreignColumns: [t.orgId, t.id] }),
  ],
);

// Tenant-owned: someone who wants the town's alerts without living there (a cottage, a workplace,
// a relative), for the whole territory or around one point.
export const alertSubscriptions = pgTable(
  'citizen_alert_subscriptions',
  {
    ...tenantColumns(() => organisations.id),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    label: text('label').notNull().default(''),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
  },
  (t) => [tenantKey(t), uniqueIndex('citizen_alert_subscriptions_account_idx').on(t.orgId, t.accountId)],
);

// Tenant-owned: a named area of the organisation (a district, a water sector) that staff draw once and
// choose by name when writing an alert. Its ring is stored open (no repeated closing point).
export const alertSectors = pgTable(
  'citizen_alert_sectors',
  {
    ...tenantColumns(() => organisations.id),
    nameFr: text('name_fr').notNull(),
    nameEn: text('name_en').notNull(),
    points: jsonb('points').$type<LatLon[]>().notNull(),
  },
  (t) => [tenantKey(t), uniqueIndex('citizen_alert_sectors_name_key').on(t.orgId, t.nameFr)],
);

// Tenant-owned: one per organisation, how alerts raised by other modules' events go out.
export const alertSettings = pgTable(
  'citizen_alert_settings',
  {
    ...tenantColumns(() => organisations.id),
    /** Alerts raised by an event (a boil-water advisory) wait for a second authorised person. */
    eventAlertsNeedApproval: boolean('event_alerts_need_approval').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [tenantKey(t), uniqueIndex('citizen_alert_settings_org_key').on(t.orgId)],
);

// Tenant-owned: the alert chain raised by another module's event, one per source fact, so the same
// advisory published twice makes one alert, and its lifting cancels that chain.
export const eventAlerts = pgTable(
  'citizen_event_alerts',
  {
    ...tenantColumns(() => organisations.id),
    /** The domain event's name, e.g. `water.boil_water_advisory`. */
    source: text('source').notNull(),
    /** The publisher's id of the fact (the advisory). */
    sourceId: uuid('source_id').notNull(),
    /** The first alert of the chain; null while it is being written. */
    rootId: uuid('root_id'),
    liftedAt: timestamp('lifted_at', { withTimezone: true }),
  },
  (t) => [
    tenantKey(t),
    uniqueIndex('citizen_event_alerts_source_key').on(t.orgId, t.source, t.sourceId),
    foreignKey({ columns: [t.orgId, t.rootId], foreignColumns: [alerts.orgId, alerts.id] }),
  ],
);

export type AlertRow = typeof alerts.$inferSelect;
