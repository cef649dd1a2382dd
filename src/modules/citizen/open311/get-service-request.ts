import { eq } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { Locale } from '../../../platform/http/locale.ts';
import { serviceRequests } from '../requests/schema.ts';
import { selectServiceRequests } from './list-service-requests.ts';
import { resolveJurisdiction } from './resolve-jurisdiction.ts';

/** GET requests/{id}: one public request by its reference (a one-item list, as the standard answers). */
export async function getServiceRequest(options: {
  db: Executor;
  jurisdictionId?: string;
  id: string;
  locale: Locale;
}) {
  const org = await resolveJurisdiction(options.db, options.jurisdictionId);
  const rows = await selectServiceRequests(options.db, org, eq(serviceRequests.reference, options.id), {
    locale: options.locale,
    limit: 1,
  });
  if (rows.length === 0) throw new AppError('open311.request_not_found', 404, { params: { id: options.id } });
  return rows;
}
