import { desc, eq, inArray, sql } from 'drizzle-orm';
import type { Static } from 'typebox';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Database } from '../../../platform/db/client.ts';
import { nextReference } from '../../../platform/db/references.ts';
import { inOrg, scopeOf } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { recomputeForOffer } from '../matching/recompute.ts';
import { nocUnitGroups } from '../noc/search-noc.ts';
import { requireCompanyMember, requireMrc } from '../policies.ts';
import { jobOffers } from './schema.ts';
import type { OfferInput } from './schemas.ts';
import { offerViews } from './views.ts';

type Input = Static<typeof OfferInput>;

async function checkOffer(db: Database, orgId: string, input: Input) {
  const { org, members } = await requireMrc(db, orgId);
  if (!members.some((m) => m.id === input.municipalityOrgId))
    throw new AppError('attraction.municipality_unknown', 422);
  const noc = (await nocUnitGroups(db, [input.nocCode])).get(input.nocCode);
  if (!noc || noc.teer === null)
    throw new AppError('attraction.noc_unknown', 422, { params: { code: input.nocCode } });
  if (input.wageMinCents !== null && input.wageMaxCents !== null && input.wageMaxCents < input.wageMinCents)
    throw new AppError('attraction.wage_range', 422);
  return { org, teer: noc.teer };
}

const fields = (input: Input, teer: number) => ({
  ...input,
  teer,
  skills: [...new Set(input.skills.map((s) => s.trim()).filter(Boolean))],
});

/** A company member writes a new offer (a draft). */
export async function createOffer(options: {
  db: Database;
  auth: AuthContext | null;
  orgId: string;
  companyId: string;
  publicUrl: string;
  input: Input;
}) {
  const { db, orgId, companyId, input } = options;
  await requireCompanyMember(db, options.auth, orgId, companyId);
  const { org, teer } = await checkOffer(db, orgId, input);
  const row = await db.transaction(async (tx) => {
    const reference = await nextReference(tx, {
      orgId,
      prefix: org.refPrefix,
      kind: 'job_offer',
      year: new Date().getUTCFullYear(),
    });
    const [created] = await tx
      .insert(jobOffers)
      .values(scopeOf(orgId).rows({ ...fields(input, teer), companyId, reference }))
      .returning();
    return created;
  });
  if (!row) throw new Error('offer insert returned no row');
  const [view] = await offerViews(db, org.slug, options.publicUrl, [row]);
  return view;
}

/** Changes a draft or a rejected offer (it goes back to draft). */
export async function updateOffer(options: {
  db: Database;
  auth: AuthContext | null;
  orgId: string;
  companyId: string;
  offerId: string;
  publicUrl: string;
  input: Input;
}) {
  const { db, orgId, companyId, offerId, input } = options;
  await requireCompanyMember(db, options.auth, orgId, companyId);
  const { org, teer } = await checkOffer(db, orgId, input);
  const [row] = await db
    .update(jobOffers)
    .set({ ...fields(input, teer), status: 'draft', updatedAt: new Date() })
    .where(
      inOrg(
        jobOffers,
        orgId,
        eq(jobOffers.id, offerId),
        eq(jobOffers.companyId, companyId),
        inArray(jobOffers.status, ['draft', 'rejected']),
      ),
    )
    .returning();
  if (!row) {
    await getCompanyOfferRow(db, orgId, companyId, offerId);
    throw new AppError('attraction.offer_not_editable', 409);
  }
  const [view] = await offerViews(db, org.slug, options.publicUrl, [row]);
  return view;
}

async function getCompanyOfferRow(db: Database, orgId: string, companyId: string, offerId: string) {
  const [row] = await db
    .select()
    .from(jobOffers)
    .where(inOrg(jobOffers, orgId, eq(jobOffers.id, offerId), eq(jobOffers.companyId, companyId)));
  if (!row) throw new AppError('attraction.offer_not_found', 404);
  return row;
}

/** Sends a draft to the MRC for moderation; the company must itself be approved. */
export async function submitOffer(options: {
  db: Database;
  auth: AuthContext | null;
  orgId: string;
  companyId: string;
  offerId: string;
  publicUrl: string;
}) {
  const { db, orgId, companyId, offerId } = options;
  const { company } = await requireCompanyMember(db, options.auth, orgId, companyId);
  const { org } = await requireMrc(db, orgId);
  if (company.status !== 'approved') throw new AppError('attraction.company_not_approved', 422);
  const [row] = await db
    .update(jobOffers)
    .set({ status: 'pending', submittedAt: sql`now()`, moderationNote: null, updatedAt: new Date() })
    .where(
      inOrg(
        jobOffers,
        orgId,
        eq(jobOffers.id, offerId),
        eq(jobOffers.companyId, companyId),
        inArray(jobOffers.status, ['draft', 'rejected']),
      ),
    )
    .returning();
  if (!row) {
    await getCompanyOfferRow(db, orgId, companyId, offerId);
    throw new AppError('attraction.offer_not_editable', 409);
  }
  const [view] = await offerViews(db, org.slug, options.publicUrl, [row]);
  return view;
}

/** The company closes a published offer (filled or withdrawn); matches nobody acted on go. */
export async function closeOffer(options: {
  db: Database;
  auth: AuthContext | null;
  orgId: string;
  companyId: string;
  offerId: string;
  publicUrl: string;
}) {
  const { db, orgId, companyId, offerId } = options;
  await requireCompanyMember(db, options.auth, orgId, companyId);
  const { org } = await requireMrc(db, orgId);
  const row = await getCompanyOfferRow(db, orgId, companyId, offerId);
  const [closed] = await db
    .update(jobOffers)
    .set({ status: 'closed', updatedAt: new Date() })
    .where(inOrg(jobOffers, orgId, eq(jobOffers.id, row.id)))
    .returning();
  await recomputeForOffer(db, orgId, offerId);
  const [view] = await offerViews(db, org.slug, options.publicUrl, closed ? [closed] : []);
  return view;
}

/** Every offer of a company, newest first (members only: drafts are the company's business). */
export async function listCompanyOffers(options: {
  db: Database;
  auth: AuthContext | null;
  orgId: string;
  companyId: string;
  publicUrl: string;
}) {
  const { db, orgId, companyId } = options;
  await requireCompanyMember(db, options.auth, orgId, companyId);
  const { org } = await requireMrc(db, orgId);
  const rows = await db
    .select()
    .from(jobOffers)
    .where(inOrg(jobOffers, orgId, eq(jobOffers.companyId, companyId)))
    .orderBy(desc(jobOffers.createdAt));
  return { items: await offerViews(db, org.slug, options.publicUrl, rows) };
}
