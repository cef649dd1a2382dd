import { asc } from 'drizzle-orm';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { scopeOf } from '../../../platform/db/tenancy.ts';
import { staffPermitTypeView } from './list-permit-types.ts';
import { requirePermitStaff } from './policies.ts';
import { permitTypes } from './schema.ts';

/** Every permit type of the organisation, inactive ones included, as staff edit them. */
export async function listStaffPermitTypes(options: {
  db: Executor;
  auth: AuthContext | null;
  orgId: string;
}) {
  requirePermitStaff(options.auth, options.orgId);
  const rows = await options.db
    .select()
    .from(permitTypes)
    .where(scopeOf(options.orgId).where(permitTypes))
    .orderBy(asc(permitTypes.position), asc(permitTypes.nameFr));
  return { items: rows.map(staffPermitTypeView) };
}
