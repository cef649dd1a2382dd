import { eq } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { publicCondition } from '../requests/public-requests.ts';
import { serviceRequests } from '../requests/schema.ts';
import { resolveJurisdiction } from './resolve-jurisdiction.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * GET tokens/{token}: the request a token stands for. Requests are created at once ("realtime"), so a
 * POST already answers the reference; its token (the request's internal id) is still kept resolvable.
 */
export async function getToken(options: { db: Executor; jurisdictionId?: string; token: string }) {
  const org = await resolveJurisdiction(options.db, options.jurisdictionId);
  const notFound = new AppError('open311.token_not_found', 404, { params: { token: options.token } });
  if (!UUID.test(options.token)) throw notFound;
  const [row] = await options.db
    .select({ reference: serviceRequests.reference })
    .from(serviceRequests)
    .where(inOrg(serviceRequests, org.id, eq(serviceRequests.id, options.token), publicCondition()));
  if (!row) throw notFound;
  return [{ service_request_id: row.reference, token: options.token }];
}
