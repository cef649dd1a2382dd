import { asc, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { AuthContext } from '../../../platform/auth/context.ts';
import { isStaffOf } from '../../../platform/auth/policies.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { requireSurveyStaff as requireParticipationStaff } from '../surveys/policies.ts';
import { MODERATION_POLICY } from './policy.ts';
import {
  consultationMeetings,
  consultations,
  contributions,
  followers,
  meetingRegistrations,
  supports,
} from './schema.ts';
import { toConsultationView, toContributionView, toMeetingView } from './views.ts';

/** The town's published consultations, newest first. */
export async function listConsultations(options: { db: Executor; orgId: string }) {
  const rows = await options.db
    .select()
    .from(consultations)
    .where(inOrg(consultations, options.orgId, isNotNull(consultations.publishedAt)))
    .orderBy(desc(consultations.publishedAt))
    .limit(100);
  return { items: rows.map((r) => toConsultationView(r)) };
}

/** Every consultation of the town, drafts included, newest first (participation staff). */
export async function listStaffConsultations(options: {
  db: Executor;
  auth: AuthContext | null;
  orgId: string;
}) {
  requireParticipationStaff(options.auth, options.orgId);
  const rows = await options.db
    .select()
    .from(consultations)
    .where(inOrg(consultations, options.orgId))
    .orderBy(desc(consultations.createdAt))
    .limit(200);
  return { items: rows.map((r) => toConsultationView(r)) };
}

/**
 * A consultation's page: its file, meetings with seats left, contributions (hidden ones keep their
 * place with the reason), the moderation policy, and for the signed-in person what they follow,
 * registered for and supported. Drafts are visible to the town's staff only.
 */
export async function getConsultation(options: {
  db: Executor;
  auth: AuthContext | null;
  orgId: string;
  consultationId: string;
}) {
  const { db, orgId } = options;
  const [row] = await db
    .select()
    .from(consultations)
    .where(inOrg(consultations, orgId, eq(consultations.id, options.consultationId)));
  if (!row || (!row.publishedAt && !isStaffOf(options.auth, orgId)))
    throw new AppError('consultation.not_found', 404);
  const [meetings, items] = await Promise.all([
    db
      .select()
      .from(consultationMeetings)
      .where(inOrg(consultationMeetings, orgId, eq(consultationMeetings.consultationId, row.id)))
      .orderBy(asc(consultationMeetings.startsAt)),
    db
      .select()
      .from(contributions)
      .where(inOrg(contributions, orgId, eq(contributions.consultationId, row.id)))
      .orderBy(asc(contributions.createdAt)),
  ]);
  const me = options.auth?.account.id;
  const [registered, supported, following] = me
    ? await Promise.all([
        meetings.length
          ? db
              .select({ id: meetingRegistrations.meetingId })
              .from(meetingRegistrations)
              .where(
                inOrg(
                  meetingRegistrations,
                  orgId,
                  eq(meetingRegistrations.accountId, me),
                  inArray(
                    meetingRegistrations.meetingId,
                    meetings.map((m) => m.id),
                  ),
                ),
              )
          : [],
        items.length
          ? db
              .select({ id: supports.contributionId })
              .from(supports)
              .where(
                inOrg(
                  supports,
                  orgId,
                  eq(supports.accountId, me),
                  inArray(
                    supports.contributionId,
                    items.map((c) => c.id),
                  ),
                ),
              )
          : [],
        db
          .select({ id: followers.id })
          .from(followers)
          .where(inOrg(followers, orgId, eq(followers.consultationId, row.id), eq(followers.accountId, me))),
      ])
    : [[], [], []];
  const mineMeetings = new Set(registered.map((r) => r.id));
  const mineSupports = new Set(supported.map((s) => s.id));
  return {
    ...toConsultationView(row),
    moderationPolicy: MODERATION_POLICY,
    following: following.length > 0,
    meetings: meetings.map((m) => toMeetingView(m, mineMeetings.has(m.id))),
    contributions: items.map((c) => toContributionView(c, mineSupports.has(c.id))),
  };
}
