import { sql } from 'drizzle-orm';
import {
  check,
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
import { MODERATION_REASONS } from './policy.ts';

type Bi = { fr: string; en: string };
/** A document of the file (a link to the town's site or an uploaded file's address). */
export interface ConsultationDocument {
  title: Bi;
  url: string;
}
/** A step of the consultation's timeline. */
export interface ConsultationPhase {
  title: Bi;
  startsOn: string;
  endsOn: string;
}

// Tenant-owned: a public consultation and its file (context, documents, phases, moderation policy).
export const consultations = pgTable(
  'citizen_consultations',
  {
    ...tenantColumns(() => organisations.id),
    titleFr: text('title_fr').notNull(),
    titleEn: text('title_en').notNull(),
    contextFr: text('context_fr').notNull(),
    contextEn: text('context_en').notNull(),
    documents: jsonb('documents').$type<ConsultationDocument[]>().notNull().default([]),
    phases: jsonb('phases').$type<ConsultationPhase[]>().notNull().default([]),
    /** The survey attached to it (shown on its page). */
    surveyId: uuid('survey_id'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closingSummaryFr: text('closing_summary_fr'),
    closingSummaryEn: text('closing_summary_en'),
    createdBy: uuid('created_by').references(() => accounts.id, { onDelete: 'set null' }),
  },
  (t) => [tenantKey(t), index('citizen_consultations_org_idx').on(t.orgId, t.publishedAt)],
);

// Tenant-owned: a public meeting of a consultation; `registered` is taken atomically against `capacity`.
export const consultationMeetings = pgTable(
  'citizen_consultation_meetings',
  {
    ...tenantColumns(() => organisations.id),
    consultationId: uuid('consultation_id').notNull(),
    titleFr: text('title_fr').notNull(),
    titleEn: text('title_en').notNull(),
    place: text('place').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    capacity: integer('capacity').notNull(),
    registered: integer('registered').notNull().default(0),
  },
  (t) => [
    tenantKey(t),
    index('citizen_consultation_meetings_idx').on(t.orgId, t.consultationId, t.startsAt),
    foreignKey({
      columns: [t.orgId, t.consultationId],
      foreignColumns: [consultations.orgId, consultations.id],
    }),
    check(
      'citizen_consultation_meetings_capacity',
      sql`${t.registered} >= 0 AND ${t.registered} <= ${t.capacity}`,
    ),
  ],
);

// Tenant-owned: one person's seat at a meeting.
export const meetingRegistrations = pgTable(
  'citizen_consultation_meeting_registrations',
  {
    ...tenantColumns(() => organisations.id),
    meetingId: uuid('meeting_id').notNull(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
  },
  (t) => [
    tenantKey(t),
    uniqueIndex('citizen_consultation_meeting_registrations_once').on(t.orgId, t.meetingId, t.accountId),
    foreignKey({
      columns: [t.orgId, t.meetingId],
      foreignColumns: [consultationMeetings.orgId, consultationMeetings.id],
    }),
  ],
);

// Tenant-owned: a comment (or a reply to one) or a proposal others can support; published at once and
// reviewed by the moderation queue, which may hide it with a public reason.
export const contributions = pgTable(
  'citizen_consultation_contributions',
  {
    ...tenantColumns(() => organisations.id),
    consultationId: uuid('consultation_id').notNull(),
    kind: text('kind', { enum: ['comment', 'proposal'] }).notNull(),
    parentId: uuid('parent_id'),
    accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'set null' }),
    /** The name shown (given name and initial), fixed when written. */
    authorName: text('author_name').notNull(),
    title: text('title'),
    body: text('body').notNull(),
    status: text('status', { enum: ['published', 'hidden'] })
      .notNull()
      .default('published'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    moderationReason: text('moderation_reason', { enum: MODERATION_REASONS }),
    moderatedBy: uuid('moderated_by').references(() => accounts.id, { onDelete: 'set null' }),
    supports: integer('supports').notNull().default(0),
  },
  (t) => [
    tenantKey(t),
    index('citizen_consultation_contributions_idx').on(t.orgId, t.consultationId, t.createdAt),
    index('citizen_consultation_contributions_queue_idx').on(t.orgId, t.reviewedAt),
    foreignKey({
      columns: [t.orgId, t.consultationId],
      foreignColumns: [consultations.orgId, consultations.id],
    }),
    foreignKey({ columns: [t.orgId, t.parentId], foreignColumns: [t.orgId, t.id] }),
  ],
);

// Tenant-owned: one person's support of one proposal.
export const supports = pgTable(
  'citizen_consultation_supports',
  {
    ...tenantColumns(() => organisations.id),
    contributionId: uuid('contribution_id').notNull(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
  },
  (t) => [
    tenantKey(t),
    uniqueIndex('citizen_consultation_supports_once').on(t.orgId, t.contributionId, t.accountId),
    foreignKey({
      columns: [t.orgId, t.contributionId],
      foreignColumns: [contributions.orgId, contributions.id],
    }),
  ],
);

// Tenant-owned: someone who follows a consultation (told of new meetings and of its closing).
export const followers = pgTable(
  'citizen_consultation_followers',
  {
    ...tenantColumns(() => organisations.id),
    consultationId: uuid('consultation_id').notNull(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
  },
  (t) => [
    tenantKey(t),
    uniqueIndex('citizen_consultation_followers_once').on(t.orgId, t.consultationId, t.accountId),
    foreignKey({
      columns: [t.orgId, t.consultationId],
      foreignColumns: [consultations.orgId, consultations.id],
    }),
  ],
);

export type ConsultationRow = typeof consultations.$inferSelect;
