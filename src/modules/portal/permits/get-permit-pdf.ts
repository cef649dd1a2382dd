import { eq } from 'drizzle-orm';
import type { AuthContext } from '../../../platform/auth/context.ts';
import { hasRole, requireAccount } from '../../../platform/auth/policies.ts';
import { accounts } from '../../../platform/auth/schema.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { getOrganisation } from '../../../platform/orgs/get-organisation.ts';
import { findApplication, verificationUrl } from './application-view.ts';
import { quebecDate } from './legal-clock.ts';
import { PERMIT_STAFF_ROLES } from './policies.ts';
import { renderPermitPdf } from './render-permit-pdf.ts';
import { permitTypes } from './schema.ts';

/** The bilingual PDF of an issued permit, for its holder or staff. */
export async function getPermitPdf(options: {
  db: Executor;
  auth: AuthContext | null;
  publicUrl: string;
  orgId: string;
  applicationId: string;
}): Promise<{ pdf: Buffer; fileName: string }> {
  const who = requireAccount(options.auth);
  const { db, orgId } = options;
  const row = await findApplication(db, orgId, options.applicationId);
  if (row.applicantAccountId !== who.account.id && !hasRole(who, orgId, PERMIT_STAFF_ROLES))
    throw new AppError('permit.not_found', 404);
  if (!row.permitNumber || !row.verificationToken || !row.issuedAt)
    throw new AppError('permit.not_issued', 409);
  const org = await getOrganisation({ db, idOrSlug: orgId });
  const [type] = await db
    .select()
    .from(permitTypes)
    .where(inOrg(permitTypes, orgId, eq(permitTypes.id, row.typeId)));
  const [holder] = row.applicantAccountId
    ? await db
        .select({ g: accounts.givenName, f: accounts.familyName })
        .from(accounts)
        .where(eq(accounts.id, row.applicantAccountId))
    : [];
  const pdf = await renderPermitPdf({
    issuer: org.name.fr === org.name.en ? org.name.fr : `${org.name.fr} / ${org.name.en}`,
    number: row.permitNumber,
    type: { fr: type?.nameFr ?? '', en: type?.nameEn ?? '' },
    address: row.propertyAddress,
    matricule: row.propertyMatricule,
    lots: row.propertyLots,
    applicant: holder ? `${holder.g} ${holder.f}` : null,
    description: row.description,
    conditions: row.conditions,
    issuedOn: quebecDate(row.issuedAt),
    expiresOn: row.expiresAt ? quebecDate(row.expiresAt) : null,
    verificationUrl: verificationUrl(options.publicUrl, org.slug, row.verificationToken),
  });
  return { pdf, fileName: `permis-permit-${row.permitNumber}.pdf` };
}
