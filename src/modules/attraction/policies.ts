import { and, eq } from 'drizzle-orm';
import type { AuthContext } from '../../platform/auth/context.ts';
import { hasRole, requireAccount, requireRole } from '../../platform/auth/policies.ts';
import type { Role } from '../../platform/auth/schema.ts';
import type { Executor } from '../../platform/db/client.ts';
import { inOrg } from '../../platform/db/tenancy.ts';
import { AppError } from '../../platform/http/errors.ts';
import { organisations } from '../../platform/orgs/schema.ts';
import { companies, companyMembers } from './employers/schema.ts';

/** MRC staff who run attraction and the job portal (administrators too). */
export const ATTRACTION_STAFF_ROLES: readonly Role[] = ['attraction'];

/** MRC attraction staff, or a 401/403. */
export function requireAttractionStaff(auth: AuthContext | null, orgId: string): AuthContext {
  return requireRole(auth, orgId, ATTRACTION_STAFF_ROLES);
}

/** Whether the person is attraction staff of the organisation. */
export function isAttractionStaff(auth: AuthContext | null, orgId: string): boolean {
  return hasRole(auth, orgId, ATTRACTION_STAFF_ROLES);
}

/** The MRC that runs the portal, with its member municipalities; 404 when it is not an MRC. */
export async function requireMrc(db: Executor, orgId: string) {
  const [org] = await db.select().from(organisations).where(eq(organisations.id, orgId));
  if (!org) throw new AppError('org.not_found', 404);
  if (org.kind !== 'mrc') throw new AppError('attraction.not_mrc', 404);
  const members = await db
    .select({
      id: organisations.id,
      slug: organisations.slug,
      nameFr: organisations.nameFr,
      nameEn: organisations.nameEn,
    })
    .from(organisations)
    .where(eq(organisations.mrcId, orgId));
  return { org, members };
}

/**
 * The person's membership of a company of this MRC, or a 404: someone outside a company never learns
 * what it holds (drafts, candidates). `owner` is required for members and invitations.
 */
export async function requireCompanyMember(
  db: Executor,
  auth: AuthContext | null,
  orgId: string,
  companyId: string,
  options: { owner?: boolean } = {},
) {
  const who = requireAccount(auth);
  const [row] = await db
    .select({ company: companies, role: companyMembers.role })
    .from(companyMembers)
    .innerJoin(
      companies,
      and(eq(companies.orgId, companyMembers.orgId), eq(companies.id, companyMembers.companyId)),
    )
    .where(
      inOrg(
        companyMembers,
        orgId,
        eq(companyMembers.companyId, companyId),
        eq(companyMembers.accountId, who.account.id),
      ),
    );
  if (!row) throw new AppError('attraction.company_not_found', 404);
  if (options.owner && row.role !== 'owner') throw new AppError('attraction.owner_required', 403);
  return { who, company: row.company, role: row.role };
}
