import { and, eq } from 'drizzle-orm';
import type { Database } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { searchAddresses } from '../../../platform/geo/search-addresses.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { Locale } from '../../../platform/http/locale.ts';
import type { JobQueue } from '../../../platform/jobs/queue.ts';
import { requestCategories } from '../requests/schema.ts';
import { submitRequest } from '../requests/submit-request.ts';
import { checkApiKey } from './check-api-key.ts';
import { resolveJurisdiction } from './resolve-jurisdiction.ts';

/** The fields of a GeoReport POST, as the standard names them (attribute[code] gathered in `attributes`). */
export interface PostServiceRequestInput {
  api_key?: string;
  jurisdiction_id?: string;
  service_code?: string;
  lat?: string;
  long?: string;
  address_string?: string;
  email?: string;
  device_id?: string;
  first_name?: string;
  last_name?: string;
  description?: string;
  attributes: Record<string, unknown>;
}

function coordinate(name: string, value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new AppError('open311.parameter_invalid', 400, { params: { name } });
  return n;
}

/**
 * POST requests: an outside application, with its key, files a request for a jurisdiction. The key is
 * checked and counted against its limit first; the location is lat/long, or an address found in the
 * town's register. The request goes through the same checks as the web form and is confirmed at once
 * (the application answers for its users); an e-mail given follows it. Answers the reference and a token.
 */
export async function postServiceRequest(options: {
  db: Database;
  jobs: JobQueue;
  locale: Locale;
  input: PostServiceRequestInput;
}) {
  const { db, jobs, locale, input } = options;
  const org = await resolveJurisdiction(db, input.jurisdiction_id);
  const key = await checkApiKey(db, org.id, input.api_key);
  if (!input.service_code) throw new AppError('open311.service_code_required', 400);
  const [category] = await db
    .select({ id: requestCategories.id })
    .from(requestCategories)
    .where(
      inOrg(
        requestCategories,
        org.id,
        and(eq(requestCategories.code, input.service_code), eq(requestCategories.active, true)),
      ),
    );
  if (!category) throw new AppError('open311.service_unknown', 400, { params: { code: input.service_code } });
  let lat = coordinate('lat', input.lat);
  let lon = coordinate('long', input.long);
  if ((lat === undefined || lon === undefined) && input.address_string?.trim()) {
    const [match] = await searchAddresses({
      db,
      orgId: org.id,
      input: { q: input.address_string, limit: 1 },
    });
    if (match?.latitude != null && match.longitude != null) {
      lat = match.latitude;
      lon = match.longitude;
    }
  }
  if (lat === undefined || lon === undefined) throw new AppError('open311.location_required', 400);
  const email = input.email?.trim() || undefined;
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    throw new AppError('open311.parameter_invalid', 400, { params: { name: 'email' } });
  const name = [input.first_name, input.last_name].filter((s) => s?.trim()).join(' ') || null;
  const created = await submitRequest({
    db,
    jobs,
    auth: null,
    orgId: org.id,
    locale,
    application: { apiKeyId: key.id, deviceId: input.device_id ?? null },
    input: {
      categoryId: category.id,
      description: (input.description ?? '').slice(0, 4000),
      attributes: input.attributes,
      location: { lat, lon, address: input.address_string ?? null },
      contact: email ? { email, name, locale } : undefined,
    },
  });
  return [
    { service_request_id: created.reference, token: created.id, service_notice: null, account_id: null },
  ];
}
