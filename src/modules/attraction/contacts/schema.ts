import { sql } from 'drizzle-orm';
import { boolean, foreignKey, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenantColumns, tenantKey } from '../../../platform/db/tenancy.ts';
import { organisations } from '../../../platform/orgs/schema.ts';

export const SLOT_MODES = ['in_person', 'phone', 'video'] as const;

// Tenant-owned (the MRC): a resource person (attraction agent, immigration advisor…). The e-mail address is
// only ever used by the server to route messages; it never leaves in a public answer.
export const regionContacts = pgTable(
  'region_contacts',
  {
    ...tenantColumns(() => organisations.id),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    roleFr: text('role_fr').notNull(),
    roleEn: text('role_en').notNull(),
    bioFr: text('bio_fr').notNull().default(''),
    bioEn: text('bio_en').notNull().default(''),
    /** Topic keys (immigration, housing, employment, daycare, schools, health, transport, culture…). */
    topics: text('topics').array().notNull().default(sql`'{}'::text[]`),
    /** ISO 639-1 codes of the languages spoken. */
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    email: text('email').notNull(),
    active: boolean('active').notNull().default(true),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [tenantKey(t), uniqueIndex('region_contacts_slug_idx').on(t.orgId, t.slug)],
);

// Tenant-owned: a time a contact offers for an appointment. Booking is one conditional UPDATE (first wins).
export const regionContactSlots = pgTable(
  'region_contact_slots',
  {
    ...tenantColumns(() => organisations.id),
    contactId: uuid('contact_id').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    mode: text('mode', { enum: SLOT_MODES }).notNull().default('video'),
    bookedAt: timestamp('booked_at', { withTimezone: true }),
    bookerName: text('booker_name'),
    bookerEmail: text('booker_email'),
    bookerLocale: text('booker_locale'),
    bookerNote: text('booker_note'),
    /** SHA-256 of the secret in the calendar-invitation link sent to the visitor and the contact. */
    calendarTokenHash: text('calendar_token_hash'),
  },
  (t) => [
    tenantKey(t),
    foreignKey({
      name: 'region_contact_slots_contact_fk',
      columns: [t.orgId, t.contactId],
      foreignColumns: [regionContacts.orgId, regionContacts.id],
    }).onDelete('cascade'),
    index('region_contact_slots_contact_idx').on(t.orgId, t.contactId, t.startsAt),
    uniqueIndex('region_contact_slots_token_idx').on(t.orgId, t.calendarTokenHash),
  ],
);

// Tenant-owned: a message sent through the contact form (kept for follow-up and the staff statistics).
export const regionContactRequests = pgTable(
  'region_contact_requests',
  {
    ...tenantColumns(() => organisations.id),
    contactId: uuid('contact_id').notNull(),
    senderName: text('sender_name').notNull(),
    senderEmail: text('sender_email').notNull(),
    message: text('message').notNull(),
    locale: text('locale').notNull(),
  },
  (t) => [
    tenantKey(t),
    foreignKey({
      name: 'region_contact_requests_contact_fk',
      columns: [t.orgId, t.contactId],
      foreignColumns: [regionContacts.orgId, regionContacts.id],
    }).onDelete('cascade'),
    index('region_contact_requests_created_idx').on(t.orgId, t.createdAt),
  ],
);

export type RegionContact = typeof regionContacts.$inferSelect;
export type RegionContactSlot = typeof regionContactSlots.$inferSelect;
