import type { Executor } from '../../../platform/db/client.ts';
import { type PageQuery, pageWindow } from '../../../platform/http/pagination.ts';
import { issuedPermits } from './issued-permits.ts';
import { quebecDate } from './legal-clock.ts';

/** The public registry of issued permits: number, type, address, dates, step (never the holder). */
export async function listPermitRegistry(options: { db: Executor; orgId: string; query: PageQuery }) {
  const { limit, offset, page, perPage } = pageWindow(options.query);
  const { rows, total } = await issuedPermits(options.db, options.orgId, { limit, offset });
  return {
    items: rows.map(({ a, t }) => ({
      id: a.id,
      number: a.permitNumber ?? '',
      type: { fr: t.nameFr, en: t.nameEn },
      address: a.propertyAddress,
      status: a.status,
      issuedOn: a.issuedAt ? quebecDate(a.issuedAt) : null,
      expiresOn: a.expiresAt ? quebecDate(a.expiresAt) : null,
      latitude: a.latitude,
      longitude: a.longitude,
    })),
    page,
    perPage,
    total,
  };
}
