import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { quebecDate } from './legal-clock.ts';
import { statusText } from './notifications.ts';
import { permitApplications, permitTypes } from './schema.ts';

/**
 * What anyone learns by scanning a permit's QR code: whether the permit is genuine and still valid, its
 * number, type, address, dates and conditions (never the holder). Public.
 */
export async function verifyPermit(options: { db: Executor; orgId: string; token: string; now?: Date }) {
  const { db, orgId } = options;
  const [row] = await db
    .select({
      number: permitApplications.permitNumber,
      status: permitApplications.status,
      address: permitApplications.propertyAddress,
      matricule: permitApplications.propertyMatricule,
      issuedAt: permitApplications.issuedAt,
      expiresAt: permitApplications.expiresAt,
      conditions: permitApplications.conditions,
      typeFr: permitTypes.nameFr,
      typeEn: permitTypes.nameEn,
    })
    .from(permitApplications)
    .innerJoin(
      permitTypes,
      and(eq(permitTypes.orgId, permitApplications.orgId), eq(permitTypes.id, permitApplications.typeId)),
    )
    .where(inOrg(permitApplications, orgId, eq(permitApplications.verificationToken, options.token)));
  if (!row?.number || !row.issuedAt) throw new AppError('permit.verification_unknown', 404);
  const now = options.now ?? new Date();
  const valid =
    (row.status === 'issued' || row.status === 'final_inspection_scheduled') &&
    (!row.expiresAt || row.expiresAt > now);
  return {
    valid,
    number: row.number,
    status: row.status,
    statusText: statusText(row.status),
    type: { fr: row.typeFr, en: row.typeEn },
    address: row.address,
    matricule: row.matricule,
    issuedOn: quebecDate(row.issuedAt),
    expiresOn: row.expiresAt ? quebecDate(row.expiresAt) : null,
    conditions: row.conditions,
  };
}
