import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
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
import { files } from '../../../platform/files/schema.ts';
import { organisations } from '../../../platform/orgs/schema.ts';

export const EDUCATION_LEVELS = [
  'none',
  'secondary',
  'vocational',
  'college',
  'bachelor',
  'master',
  'doctorate',
] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

/** Work-permit situations, from free to work anywhere to needing an employer to obtain a permit. */
export const PERMIT_SITUATIONS = [
  'citizen',
  'permanent_resident',
  'open_permit',
  'employer_specific_permit',
  'needs_permit',
] as const;
export type PermitSituation = (typeof PERMIT_SITUATIONS)[number];

export const DIGEST_FREQUENCIES = ['daily', 'weekly', 'never'] as const;

export interface ExperienceItem {
  title: string;
  employer?: string;
  nocCode?: string;
  years: number;
  country?: string;
}
export interface EducationItem {
  level: EducationLevel;
  field: string;
  institution?: string;
  country?: string;
  year?: number;
}
export interface FamilyNeeds {
  spouseJob: boolean;
  spouseNocCode?: string | null;
  schoolChildren: number;
  daycareChildren: number;
  housing: boolean;
  relocation: boolean;
}

// Tenant-owned (the MRC runs the job portal): one candidate profile per account and organisation.
// Private by default: employers never read this table; they see an anonymous projection once matched.
export const candidateProfiles = pgTable(
  'candidate_profiles',
  {
    ...tenantColumns(() => organisations.id),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    headline: text('headline').notNull().default(''),
    summary: text('summary').notNull().default(''),
    /** ISO 3166-1 alpha-2 country the person comes from (statistics by origin). */
    originCountry: text('origin_country'),
    currentCountry: text('current_country'),
    experience: jsonb('experience').$type<ExperienceItem[]>().notNull().default([]),
    education: jsonb('education').$type<EducationItem[]>().notNull().default([]),
    skills: text('skills').array().notNull().default(sql`'{}'::text[]`),
    /** Niveaux de compétence linguistique canadiens (French) and Canadian Language Benchmarks (English), 0–12. */
    frenchNclc: integer('french_nclc'),
    englishClb: integer('english_clb'),
    otherLanguages: text('other_languages').array().notNull().default(sql`'{}'::text[]`),
    desiredNocCodes: text('desired_noc_codes').array().notNull().default(sql`'{}'::text[]`),
    /** Member municipalities (organisation ids) the person would live/work in; empty means anywhere. */
    desiredMunicipalityIds: uuid('desired_municipality_ids').array().notNull().default(sql`'{}'::uuid[]`),
    availableFrom: date('available_from'),
    permitSituation: text('permit_situation', { enum: PERMIT_SITUATIONS }).notNull().default('needs_permit'),
    family: jsonb('family').$type<FamilyNeeds>().notNull().default({
      spouseJob: false,
      schoolChildren: 0,
      daycareChildren: 0,
      housing: false,
      relocation: false,
    }),
    cvFileId: uuid('cv_file_id'),
    /** Matching is off until the person turns it on (with the `job_matching` consent). */
    matchingEnabled: boolean('matching_enabled').notNull().default(false),
    digestFrequency: text('digest_frequency', { enum: DIGEST_FREQUENCIES }).notNull().default('weekly'),
    lastDigestAt: timestamp('last_digest_at', { withTimezone: true }),
    /** Reported by the candidate or the employer when a match led to a job. */
    hiredAt: timestamp('hired_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    tenantKey(t),
    foreignKey({
      name: 'candidate_profiles_cv_fk',
      columns: [t.orgId, t.cvFileId],
      foreignColumns: [files.orgId, files.id],
    }),
    uniqueIndex('candidate_profiles_account_idx').on(t.orgId, t.accountId),
    index('candidate_profiles_matching_idx').on(t.orgId, t.matchingEnabled),
  ],
);
