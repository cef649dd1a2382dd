import { eq } from 'drizzle-orm';
import { recordPersonalDataAccess } from '../../../platform/audit/record-personal-data-access.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import { accounts } from '../../../platform/auth/schema.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { applicationView, findApplication } from './application-view.ts';
import { requirePermitStaff } from './policies.ts';

/** A file as staff handle it, with the applicant's contact; the reading is recorded as personal-data access. */
export async function getApplicationForStaff(options: {
  db: Executor;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  applicationId: string;
}) {
  const who = requirePermitStaff(options.auth, options.orgId);
  const { db, orgId } = options;
  const row = await findApplication(db, orgId, options.applicationId);
  const [applicant] = row.applicantAccountId
    ? await db
        .select({ email: accounts.email, givenName: accounts.givenName, familyName: accounts.familyName })
        .from(accounts)
        .where(eq(accounts.id, row.applicantAccountId))
    : [];
  await recordPersonalDataAccess(db, {
    orgId,
    actorAccountId: who.account.id,
    subjectAccountId: row.applicantAccountId,
    ip: options.ip,
    targetType: 'permit_application',
    targetId: row.id,
    purpose: 'permit.review',
  });
  return {
    ...(await applicationView(db, row, 'staff')),
    applicant: applicant
      ? { name: `${applicant.givenName} ${applicant.familyName}`, email: applicant.email }
      : null,
  };
}
