import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { inOrg } from '../db/tenancy.ts';
import { AppError } from '../http/errors.ts';
import { organisations } from '../orgs/schema.ts';
import { accounts, memberships, type Role } from './schema.ts';

/** A staff member of one organisation with their roles there. */
export interface StaffMember {
  accountId: string;
  email: string;
  givenName: string;
  familyName: string;
  roles: Role[];
}

/** Throws `org.not_found` unless the organisation exists. */
export async function assertOrgExists(db: Executor, orgId: string): Promise<void> {
  const [org] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.id, orgId));
  if (!org) throw new AppError('org.not_found', 404);
}

/** The organisation's staff (or one member of it), grouped by account, sorted by name. */
export async function staffOf(db: Executor, orgId: string, accountId?: string): Promise<StaffMember[]> {
  const rows = await db
    .select({
      accountId: accounts.id,
      email: accounts.email,
      givenName: accounts.givenName,
      familyName: accounts.familyName,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .where(inOrg(memberships, orgId, accountId ? eq(memberships.accountId, accountId) : undefined))
    .orderBy(asc(accounts.familyName), asc(accounts.givenName), asc(accounts.id), asc(memberships.role));
  const byAccount = new Map<string, StaffMember>();
  for (const { role, ...person } of rows) {
    const member = byAccount.get(person.accountId) ?? { ...person, roles: [] };
    member.roles.push(role);
    byAccount.set(person.accountId, member);
  }
  return [...byAccount.values()];
}
