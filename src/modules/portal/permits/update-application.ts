import { eq, sql } from 'drizzle-orm';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Database } from '../../../platform/db/client.ts';
import { inOrg, scopeOf } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { applicationView } from './application-view.ts';
import { keepAnswers } from './create-application.ts';
import { requireApplicant } from './policies.ts';
import { propertySnapshot } from './property.ts';
import { permitApplications, permitTypes } from './schema.ts';
import { lockApplication } from './transition.ts';

/** Changes a draft: property, description, answers (what is typed is kept, checked at submission). */
export async function updateApplication(options: {
  db: Database;
  auth: AuthContext | null;
  orgId: string;
  applicationId: string;
  input: { propertyUnitId?: string; description?: string; answers?: Record<string, unknown> };
}) {
  const { db, orgId, input } = options;
  const row = await db.transaction(async (tx) => {
    const current = await lockApplication(tx, orgId, options.applicationId);
    requireApplicant(options.auth, current);
    if (current.status !== 'draft') throw new AppError('permit.not_draft', 409);
    const [type] = await tx
      .select()
      .from(permitTypes)
      .where(inOrg(permitTypes, orgId, eq(permitTypes.id, current.typeId)));
    if (!type) throw new AppError('permit.type_not_found', 404);
    const property = input.propertyUnitId ? await propertySnapshot(tx, orgId, input.propertyUnitId) : {};
    const [updated] = await tx
      .update(permitApplications)
      .set({
        ...property,
        ...(input.description !== undefined ? { description: input.description.slice(0, 4000) } : {}),
        ...(input.answers
          ? { answers: keepAnswers(type.fields, { ...current.answers, ...input.answers }) }
          : {}),
        updatedAt: sql`now()`,
      })
      .where(scopeOf(orgId).where(permitApplications, eq(permitApplications.id, current.id)))
      .returning();
    if (!updated) throw new AppError('permit.not_found', 404);
    return updated;
  });
  return applicationView(db, row, 'applicant');
}
