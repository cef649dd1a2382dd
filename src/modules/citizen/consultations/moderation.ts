import { asc, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { requireSurveyStaff as requireParticipationStaff } from '../surveys/policies.ts';
import type { MODERATION_REASONS } from './policy.ts';
import { contributions } from './schema.ts';

/** The moderation queue: contributions not reviewed yet, oldest first (staff). */
export async function moderationQueue(options: { db: Executor; auth: AuthContext | null; orgId: string }) {
  requireParticipationStaff(options.auth, options.orgId);
  const rows = await options.db
    .select()
    .from(contributions)
    .where(inOrg(contributions, options.orgId, isNull(contributions.reviewedAt)))
    .orderBy(asc(contributions.createdAt))
    .limit(200);
  return {
    items: rows.map((r) => ({
      id: r.id,
      consultationId: r.consultationId,
      kind: r.kind,
      authorName: r.authorName,
      title: r.title,
      body: r.body,
      createdAt: r.createdAt.toISOString(),
    })),
  };
}

/** Staff keep a contribution, or hide it with a reason of the public policy (or restore it). Audited. */
export async function moderate(options: {
  db: Executor;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  contributionId: string;
  decision: 'keep' | 'hide';
  reason?: (typeof MODERATION_REASONS)[number];
}) {
  const who = requireParticipationStaff(options.auth, options.orgId);
  const hide = options.decision === 'hide';
  const [row] = await options.db
    .update(contributions)
    .set({
      status: hide ? 'hidden' : 'published',
      moderationReason: hide ? (options.reason ?? 'other') : null,
      moderatedBy: who.account.id,
      reviewedAt: new Date(),
    })
    .where(inOrg(contributions, options.orgId, eq(contributions.id, options.contributionId)))
    .returning();
  if (!row) throw new AppError('consultation.contribution_not_found', 404);
  await recordAudit(options.db, {
    orgId: options.orgId,
    actorAccountId: who.account.id,
    action: hide ? 'citizen.contribution_hidden' : 'citizen.contribution_kept',
    targetType: 'citizen_consultation_contribution',
    targetId: row.id,
    subjectAccountId: row.accountId,
    ip: options.ip,
    details: hide ? { reason: row.moderationReason } : undefined,
  });
  return { id: row.id, status: row.status, moderationReason: row.moderationReason };
}
