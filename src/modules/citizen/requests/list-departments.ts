import { asc } from 'drizzle-orm';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import type { Bilingual } from '../../../platform/http/locale.ts';
import { requireRequestStaff } from './policies.ts';
import { requestDepartments } from './schema.ts';

/** A department whose queue requests land in. */
export interface DepartmentView {
  id: string;
  code: string;
  name: Bilingual;
  active: boolean;
}

/** The departments of an organisation, for queue filters and assignment. */
export async function listDepartments(options: {
  db: Executor;
  auth: AuthContext | null;
  orgId: string;
}): Promise<DepartmentView[]> {
  requireRequestStaff(options.auth, options.orgId);
  const rows = await options.db
    .select()
    .from(requestDepartments)
    .where(inOrg(requestDepartments, options.orgId))
    .orderBy(asc(requestDepartments.nameFr));
  return rows.map((d) => ({
    id: d.id,
    code: d.code,
    name: { fr: d.nameFr, en: d.nameEn },
    active: d.active,
  }));
}
