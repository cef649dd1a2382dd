import { stringify } from 'csv-stringify/sync';
import type { Executor } from '../../../platform/db/client.ts';
import { getOrganisation } from '../../../platform/orgs/get-organisation.ts';
import { verificationUrl } from './application-view.ts';
import { BLDS_COLUMNS, type BldsRecord, toBlds } from './blds.ts';
import { issuedPermits } from './issued-permits.ts';

const MAX = 100_000;

/** The organisation's issued permits as open data with BLDS field names (JSON records or CSV). Public. */
export async function exportOpenData(options: {
  db: Executor;
  publicUrl: string;
  orgId: string;
  format: 'json' | 'csv';
}): Promise<BldsRecord[] | string> {
  const org = await getOrganisation({ db: options.db, idOrSlug: options.orgId });
  const { rows } = await issuedPermits(options.db, options.orgId, { limit: MAX, offset: 0 });
  const records = rows.map(({ a, t }) =>
    toBlds({
      permitNumber: a.permitNumber ?? a.reference,
      description: a.description,
      submittedAt: a.submittedAt,
      issuedAt: a.issuedAt,
      closedAt: a.closedAt,
      expiresAt: a.expiresAt,
      updatedAt: a.updatedAt,
      status: a.status,
      address: a.propertyAddress,
      city: org.name.fr,
      jurisdiction: `${org.geoCode} ${org.name.fr}`,
      typeCode: t.code,
      typeName: t.nameFr,
      blds: t.blds,
      answers: a.answers,
      matricule: a.propertyMatricule,
      feeCents: a.feeCents,
      latitude: a.latitude,
      longitude: a.longitude,
      link: a.verificationToken ? verificationUrl(options.publicUrl, org.slug, a.verificationToken) : '',
    }),
  );
  if (options.format === 'json') return records;
  return stringify(
    [
      BLDS_COLUMNS as unknown as string[],
      ...records.map((r) => BLDS_COLUMNS.map((c) => (r[c] === null ? '' : String(r[c])))),
    ],
    { bom: true },
  );
}
