import { asc, eq } from 'drizzle-orm';
import type { AuthContext } from '../../../platform/auth/context.ts';
import { accounts } from '../../../platform/auth/schema.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import type { Bilingual } from '../../../platform/http/locale.ts';
import { requireRequestStaff } from './policies.ts';
import { requestDepartmentMembers, requestDepartments } from './schema.ts';

/** A department whose queue requests land in, with the staff who work it. */
export interface DepartmentView {
  id: string;
  code: string;
  name: Bilingual;
  active: boolean;
  members: Array<{ id: string; name: string }>;
  /** Whether the person asking works this department's queue (it is then theirs by default). */
  mine: boolean;
}

/** The departments of an organisation, for queue filters and assignment. */
export async function listDepartments(options: {
  db: Executor;
  auth: AuthContext | null;
  orgId: string;
}): Promise<DepartmentView[]> {
  const who = requireRequestStaff(options.auth, options.orgId);
  const [rows, members] = await Promise.all([
    options.db
      .select()
      .from(requestDepartments)
      .where(inOrg(requestDepartments, options.orgId))
      .orderBy(asc(requestDepartments.nameFr)),
    options.db
      .select({
        departmentId: requestDepartmentMembers.departmentId,
        id: accounts.id,
        givenName: accounts.givenName,
        familyName: accounts.familyName,
      })
      .from(requestDepartmentMembers)
      .innerJoin(accounts, eq(accounts.id, requestDepartmentMembers.accountId))
      .where(inOrg(requestDepartmentMembers, options.orgId))
      .orderBy(asc(accounts.familyName), asc(accounts.givenName), asc(accounts.id)),
  ]);
  return rows.map((d) => {
    const own = members.filter((m) => m.departmentId === d.id);
    return {
      id: d.id,
      code: d.code,
      name: { fr: d.nameFr, en: d.nameEn },
      active: d.active,
      members: own.map((m) => ({ id: m.id, name: `${m.givenName} ${m.familyName}` })),
      mine: own.some((m) => m.id === who.account.id),
    };
  });
}
