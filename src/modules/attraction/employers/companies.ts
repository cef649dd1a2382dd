import { and, asc, eq } from 'drizzle-orm';
import type { Static } from 'typebox';
import type { AuthContext } from '../../../platform/auth/context.ts';
import { requireAccount } from '../../../platform/auth/policies.ts';
import type { Database } from '../../../platform/db/client.ts';
import { inOrg, scopeOf } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { requireCompanyMember, requireMrc } from '../policies.ts';
import { companies, companyMembers } from './schema.ts';
import type { CompanyInput } from './schemas.ts';
import { companyView } from './views.ts';

function slugify(name: string): string {
  return (
    name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'entreprise'
  );
}

async function checkMunicipality(db: Database, orgId: string, municipalityId: string) {
  const { members } = await requireMrc(db, orgId);
  if (!members.some((m) => m.id === municipalityId))
    throw new AppError('attraction.municipality_unknown', 422);
}

/** Registers a company; its creator becomes its owner. MRC staff approve it before its offers go out. */
export async function createCompany(options: {
  db: Database;
  auth: AuthContext | null;
  orgId: string;
  input: Static<typeof CompanyInput>;
}) {
  const who = requireAccount(options.auth);
  const { db, orgId, input } = options;
  await checkMunicipality(db, orgId, input.municipalityOrgId);
  const company = await db.transaction(async (tx) => {
    const base = slugify(input.name);
    const taken = await tx.select({ slug: companies.slug }).from(companies).where(inOrg(companies, orgId));
    let slug = base;
    for (let i = 2; taken.some((t) => t.slug === slug); i++) slug = `${base}-${i}`;
    const [row] = await tx
      .insert(companies)
      .values(scopeOf(orgId).rows({ ...input, slug }))
      .returning();
    if (!row) throw new Error('company insert returned no row');
    await tx
      .insert(companyMembers)
      .values(scopeOf(orgId).rows({ companyId: row.id, accountId: who.account.id, role: 'owner' as const }));
    return row;
  });
  return companyView(db, company, 'owner');
}

/** Changes a company's profile (any member). */
export async function updateCompany(options: {
  db: Database;
  auth: AuthContext | null;
  orgId: string;
  companyId: string;
  input: Static<typeof CompanyInput>;
}) {
  const { db, orgId, companyId, input } = options;
  const { role } = await requireCompanyMember(db, options.auth, orgId, companyId);
  await checkMunicipality(db, orgId, input.municipalityOrgId);
  const [row] = await db
    .update(companies)
    .set({ ...input, updatedAt: new Date() })
    .where(inOrg(companies, orgId, eq(companies.id, companyId)))
    .returning();
  if (!row) throw new AppError('attraction.company_not_found', 404);
  return companyView(db, row, role);
}

/** One company of which the person is a member. */
export async function getCompany(options: {
  db: Database;
  auth: AuthContext | null;
  orgId: string;
  companyId: string;
}) {
  const { company, role } = await requireCompanyMember(
    options.db,
    options.auth,
    options.orgId,
    options.companyId,
  );
  return companyView(options.db, company, role);
}

/** The companies the signed-in person acts for in this MRC. */
export async function listMyCompanies(options: { db: Database; auth: AuthContext | null; orgId: string }) {
  const who = requireAccount(options.auth);
  const rows = await options.db
    .select({ company: companies, role: companyMembers.role })
    .from(companyMembers)
    .innerJoin(
      companies,
      and(eq(companies.orgId, companyMembers.orgId), eq(companies.id, companyMembers.companyId)),
    )
    .where(inOrg(companyMembers, options.orgId, eq(companyMembers.accountId, who.account.id)))
    .orderBy(asc(companies.name));
  return { items: await Promise.all(rows.map((r) => companyView(options.db, r.company, r.role))) };
}
