import type { Executor } from '../db/client.ts';
import type { AuthContext } from './context.ts';
import { requireOrgAdmin } from './policies.ts';
import { assertOrgExists, type StaffMember, staffOf } from './staff.ts';

/** An organisation's staff and their roles, for its administrators. */
export async function listStaff(options: {
  db: Executor;
  auth: AuthContext | null;
  orgId: string;
}): Promise<StaffMember[]> {
  requireOrgAdmin(options.auth, options.orgId);
  await assertOrgExists(options.db, options.orgId);
  return staffOf(options.db, options.orgId);
}
