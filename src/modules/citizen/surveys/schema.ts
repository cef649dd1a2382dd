import { sql } from 'drizzle-orm';
import {
  boolean,
  foreignKey,
  index,
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
import type { Answers, Question } from './questions.ts';

/** Who may answer: any account, the town's residents, residents of the town and its partners, or a segment. */
export const AUDIENCES = ['everyone', 'residents', 'partners', 'segment'] as const;
export type Audience = (typeof AUDIENCES)[number];

// Tenant-owned: a survey, its bilingual questionnaire, audience and dates.
export const surveys = pgTable(
  'citizen_surveys',
  {
    ...tenantColumns(() => organisations.id),
    titleFr: text('title_fr').notNull(),
    titleEn: text('title_en').notNull(),
    introFr: text('intro_fr').notNull().default(''),
    introEn: text('intro_en').notNull().default(''),
    questions: jsonb('questions').$type<Question[]>().notNull(),
    audience: text('audience', { enum: AUDIENCES }).notNull(),
    /** For a segment: the postal-code beginnings (e.g. `J6E`) of the residents it reaches. */
    segmentPostalPrefixes: jsonb('segment_postal_prefixes').$type<string[]>().notNull().default([]),
    /** Answers are kept apart from who took part, with nothing that orders or dates them finely. */
    anonymous: boolean('anonymous').notNull(),
    opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    /** Null while a draft: citizens see a survey only once staff publish it. */
    publishedAt: timestamp('published_at', { withTimezone: true }),
    resultsPublishedAt: timestamp('results_published_at', { withTimezone: true }),
    /** The consultation it belongs to, if any (a consultation shows its attached survey). */
    consultationId: uuid('consultation_id'),
    createdBy: uuid('created_by').references(() => accounts.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [tenantKey(t), index('citizen_surveys_org_dates_idx').on(t.orgId, t.closesAt)],
);

// Tenant-owned: who took part (one row per person and survey: the unique key is the "answer once" rule).
// For anonymous surveys its id is random (not time-ordered) and created_at is the day only, so nothing in
// it lines up with a row of citizen_survey_responses.
export const surveyParticipations = pgTable(
  'citizen_survey_participations',
  {
    ...tenantColumns(() => organisations.id),
    surveyId: uuid('survey_id').notNull(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
  },
  (t) => [
    tenantKey(t),
    uniqueIndex('citizen_survey_participations_once_idx').on(t.orgId, t.surveyId, t.accountId),
    foreignKey({ columns: [t.orgId, t.surveyId], foreignColumns: [surveys.orgId, surveys.id] }).onDelete(
      'cascade',
    ),
  ],
);

// Tenant-owned: the answers. `account_id` is set only for surveys that are not anonymous; anonymous rows
// carry no person, no reference to a participation, a random id and a day-only date.
export const surveyResponses = pgTable(
  'citizen_survey_responses',
  {
    ...tenantColumns(() => organisations.id),
    surveyId: uuid('survey_id').notNull(),
    accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'set null' }),
    answers: jsonb('answers').$type<Answers>().notNull(),
  },
  (t) => [
    tenantKey(t),
    index('citizen_survey_responses_survey_idx').on(t.orgId, t.surveyId),
    foreignKey({ columns: [t.orgId, t.surveyId], foreignColumns: [surveys.orgId, surveys.id] }).onDelete(
      'cascade',
    ),
  ],
);

/** A timestamp truncated to the day, for rows that must not reveal when exactly they were written. */
export const DAY_ONLY = sql`date_trunc('day', now())`;

export type SurveyRow = typeof surveys.$inferSelect;
