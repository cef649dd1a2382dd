import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { loadOrg, loadSettings, type RequestSettings } from './context.ts';

/** An organisation's request settings (public: the reopening delay is shown to citizens). */
export async function getRequestSettings(options: {
  db: Executor;
  auth: AuthContext | null;
  orgId: string;
}): Promise<RequestSettings> {
  await loadOrg(options.db, options.orgId);
  return loadSettings(options.db, options.orgId);
}
