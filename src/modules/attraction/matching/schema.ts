import { foreignKey, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../../../platform/auth/schema.ts';
import { tenantColumns, tenantKey } from '../../../platform/db/tenancy.ts';
import { organisations } from '../../../platform/orgs/schema.ts';
import { candidateProfiles } from '../candidates/schema.ts';
import { jobOffers } from '../employers/schema.ts';

// Tenant-owned: a scored pair (offer, candidate) above the threshold, with both sides' interest.
// The score ranks; the reasons are computed again from the current profile and offer when a side reads them
// (the pure score is cheap for one page, and this table stays small enough to rewrite nightly).
export const jobMatches = pgTable(
  'job_matches',
  {
    ...tenantColumns(() => organisations.id),
    offerId: uuid('offer_id').notNull(),
    candidateId: uuid('candidate_id').notNull(),
    score: integer('score').notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
    /** The candidate's interest: it also lets this company read the named profile (not the contact details). */
    candidateInterestAt: timestamp('candidate_interest_at', { withTimezone: true }),
    employerInterestAt: timestamp('employer_interest_at', { withTimezone: true }),
    employerInterestBy: uuid('employer_interest_by').references(() => accounts.id, { onDelete: 'set null' }),
    /** Both sides want contact: set once, atomically, by whichever interest came second. */
    mutualAt: timestamp('mutual_at', { withTimezone: true }),
    /** A side declined: the pair is no longer shown to it. */
    candidateDeclinedAt: timestamp('candidate_declined_at', { withTimezone: true }),
    employerDeclinedAt: timestamp('employer_declined_at', { withTimezone: true }),
    hiredAt: timestamp('hired_at', { withTimezone: true }),
    /** When each side was told of this match in a digest. */
    candidateNotifiedAt: timestamp('candidate_notified_at', { withTimezone: true }),
    employerNotifiedAt: timestamp('employer_notified_at', { withTimezone: true }),
  },
  (t) => [
    tenantKey(t),
    foreignKey({
      name: 'job_matches_offer_fk',
      columns: [t.orgId, t.offerId],
      foreignColumns: [jobOffers.orgId, jobOffers.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'job_matches_candidate_fk',
      columns: [t.orgId, t.candidateId],
      foreignColumns: [candidateProfiles.orgId, candidateProfiles.id],
    }).onDelete('cascade'),
    uniqueIndex('job_matches_pair_idx').on(t.orgId, t.offerId, t.candidateId),
    index('job_matches_offer_score_idx').on(t.orgId, t.offerId, t.score),
    index('job_matches_candidate_idx').on(t.orgId, t.candidateId, t.score),
  ],
);

// Tenant-owned: the message thread of a mutual match, inside Civique (no address is exchanged by the platform).
export const jobMatchMessages = pgTable(
  'job_match_messages',
  {
    ...tenantColumns(() => organisations.id),
    matchId: uuid('match_id').notNull(),
    senderAccountId: uuid('sender_account_id').references(() => accounts.id, { onDelete: 'set null' }),
    side: text('side', { enum: ['candidate', 'employer'] }).notNull(),
    body: text('body').notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    tenantKey(t),
    foreignKey({
      name: 'job_match_messages_match_fk',
      columns: [t.orgId, t.matchId],
      foreignColumns: [jobMatches.orgId, jobMatches.id],
    }).onDelete('cascade'),
    index('job_match_messages_match_idx').on(t.orgId, t.matchId, t.createdAt),
  ],
);
