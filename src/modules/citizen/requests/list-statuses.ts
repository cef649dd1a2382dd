import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { loadStatuses } from './context.ts';
import { requireRequestStaff } from './policies.ts';
import type { StatusView } from './statuses.ts';

/** Every status staff may give a request: the built-in ones, then the organisation's own. */
export async function listStatuses(options: {
  db: Executor;
  auth: AuthContext | null;
  orgId: string;
}): Promise<StatusView[]> {
  requireRequestStaff(options.auth, options.orgId);
  return loadStatuses(options.db, options.orgId);
}
