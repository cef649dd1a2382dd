import { asc, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Database } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { JobQueue } from '../../../platform/jobs/queue.ts';
import { notify } from '../../../platform/notify/notify.ts';
import { companies, companyMembers, jobOffers } from '../employers/schema.ts';
import { companyView, offerViews } from '../employers/views.ts';
import { recomputeForOffer } from '../matching/recompute.ts';
import { OFFER_MODERATED } from '../notifications.ts';
import { requireAttractionStaff, requireMrc } from '../policies.ts';

/** How long a published offer stays online before it expires. */
export const OFFER_LIFETIME_DAYS = 30;

/** What waits for MRC staff: companies to approve and offers to moderate, oldest first. */
export async function moderationQueue(options: {
  db: Database;
  auth: AuthContext | null;
  orgId: string;
  publicUrl: string;
}) {
  const { db, orgId } = options;
  requireAttractionStaff(options.auth, orgId);
  const { org } = await requireMrc(db, orgId);
  const pendingCompanies = await db
    .select()
    .from(companies)
    .where(inOrg(companies, orgId, eq(companies.status, 'pending')))
    .orderBy(asc(companies.createdAt));
  const pendingOffers = await db
    .select()
    .from(jobOffers)
    .where(inOrg(jobOffers, orgId, eq(jobOffers.status, 'pending')))
    .orderBy(asc(jobOffers.submittedAt));
  return {
    companies: await Promise.all(pendingCompanies.map((c) => companyView(db, c, null))),
    offers: await offerViews(db, org.slug, options.publicUrl, pendingOffers),
  };
}

/** Approves or suspends a company (audited). */
export async function moderateCompany(options: {
  db: Database;
  auth: AuthContext | null;
  orgId: string;
  companyId: string;
  ip: string;
  input: { decision: 'approve' | 'suspend'; note?: string };
}) {
  const { db, orgId, companyId, input } = options;
  const who = requireAttractionStaff(options.auth, orgId);
  const row = await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(companies)
      .set({ status: input.decision === 'approve' ? 'approved' : 'suspended', updatedAt: new Date() })
      .where(inOrg(companies, orgId, eq(companies.id, companyId)))
      .returning();
    if (!updated) throw new AppError('attraction.company_not_found', 404);
    await recordAudit(tx, {
      orgId,
      actorAccountId: who.account.id,
      action: `attraction.company_${input.decision}`,
      targetType: 'company',
      targetId: companyId,
      ip: options.ip,
      details: input.note ? { note: input.note } : undefined,
    });
    return updated;
  });
  return companyView(db, row, null);
}

/**
 * Publishes or rejects a pending offer (audited). Only a pending offer moves: two staff deciding at once
 * cannot both win. Publication sets the expiry and computes the offer's matches; the company is told.
 */
export async function moderateOffer(options: {
  db: Database;
  jobs: JobQueue;
  auth: AuthContext | null;
  orgId: string;
  offerId: string;
  publicUrl: string;
  ip: string;
  input: { decision: 'publish' | 'reject'; note?: string };
}) {
  const { db, orgId, offerId, input } = options;
  const who = requireAttractionStaff(options.auth, orgId);
  const { org } = await requireMrc(db, orgId);
  if (input.decision === 'reject' && !input.note?.trim())
    throw new AppError('attraction.reason_required', 422);
  const publish = input.decision === 'publish';
  const row = await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(jobOffers)
      .set({
        status: publish ? 'published' : 'rejected',
        moderationNote: input.note?.trim() || null,
        moderatedByAccountId: who.account.id,
        publishedAt: publish ? sql`now()` : null,
        expiresAt: publish ? sql.raw(`now() + interval '${OFFER_LIFETIME_DAYS} days'`) : null,
        updatedAt: new Date(),
      })
      .where(inOrg(jobOffers, orgId, eq(jobOffers.id, offerId), eq(jobOffers.status, 'pending')))
      .returning();
    if (!updated) {
      const [exists] = await tx
        .select({ id: jobOffers.id })
        .from(jobOffers)
        .where(inOrg(jobOffers, orgId, eq(jobOffers.id, offerId)));
      throw exists
        ? new AppError('attraction.offer_not_pending', 409)
        : new AppError('attraction.offer_not_found', 404);
    }
    await recordAudit(tx, {
      orgId,
      actorAccountId: who.account.id,
      action: `attraction.offer_${input.decision}`,
      targetType: 'job_offer',
      targetId: offerId,
      ip: options.ip,
    });
    return updated;
  });
  if (publish) await recomputeForOffer(db, orgId, offerId);
  const members = await db
    .select({ accountId: companyMembers.accountId })
    .from(companyMembers)
    .where(inOrg(companyMembers, orgId, eq(companyMembers.companyId, row.companyId)));
  for (const m of members)
    await notify(
      { db, jobs: options.jobs },
      {
        accountId: m.accountId,
        orgId,
        category: 'jobs',
        template: OFFER_MODERATED,
        params: {
          offer: row.title,
          approved: publish,
          note: row.moderationNote,
          url: `${options.publicUrl}/arrimage/${orgId}/employeur`,
        },
      },
    );
  const [view] = await offerViews(db, org.slug, options.publicUrl, [row]);
  return view;
}
