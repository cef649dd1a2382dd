import { and, eq } from 'drizzle-orm';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Database } from '../../../platform/db/client.ts';
import { inOrg, scopeOf } from '../../../platform/db/tenancy.ts';
import { files } from '../../../platform/files/schema.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { applicationView } from './application-view.ts';
import { requireApplicant } from './policies.ts';
import { permitDocuments, permitTypes } from './schema.ts';
import { lockApplication } from './transition.ts';

/** The upload purpose of permit documents (plans, photos, studies). */
export const PERMIT_DOCUMENT_PURPOSE = 'portal.permit-document';

/**
 * Attaches a file the applicant uploaded (purpose `portal.permit-document`) to their draft, or to a file
 * waiting for their answer, under one of the type's documents. `remove` detaches it instead.
 */
export async function attachDocument(options: {
  db: Database;
  auth: AuthContext | null;
  orgId: string;
  applicationId: string;
  input: { documentKey: string; fileId: string } | { remove: string };
}) {
  const { db, orgId, input } = options;
  const row = await db.transaction(async (tx) => {
    const current = await lockApplication(tx, orgId, options.applicationId);
    const who = requireApplicant(options.auth, current);
    if (current.status !== 'draft' && current.status !== 'info_requested')
      throw new AppError('permit.not_editable', 409);
    if ('remove' in input) {
      await tx
        .delete(permitDocuments)
        .where(
          scopeOf(orgId).where(
            permitDocuments,
            eq(permitDocuments.applicationId, current.id),
            eq(permitDocuments.id, input.remove),
          ),
        );
      return current;
    }
    const [type] = await tx
      .select()
      .from(permitTypes)
      .where(inOrg(permitTypes, orgId, eq(permitTypes.id, current.typeId)));
    if (!type?.documents.some((d) => d.key === input.documentKey))
      throw new AppError('permit.document_unknown', 422, { params: { key: input.documentKey } });
    const [file] = await tx
      .select({ id: files.id })
      .from(files)
      .where(
        inOrg(
          files,
          orgId,
          and(
            eq(files.id, input.fileId),
            eq(files.ownerAccountId, who.account.id),
            eq(files.purpose, PERMIT_DOCUMENT_PURPOSE),
          ),
        ),
      );
    if (!file) throw new AppError('permit.file_not_found', 422);
    await tx
      .insert(permitDocuments)
      .values(
        scopeOf(orgId).rows({ applicationId: current.id, documentKey: input.documentKey, fileId: file.id }),
      );
    return current;
  });
  return applicationView(db, row, 'applicant');
}
