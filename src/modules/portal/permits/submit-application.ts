import { eq } from 'drizzle-orm';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Database } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { JobQueue } from '../../../platform/jobs/queue.ts';
import { getOrganisation } from '../../../platform/orgs/get-organisation.ts';
import { createOrder } from '../../../platform/payments/create-order.ts';
import { applicationView } from './application-view.ts';
import { computeFee } from './fee-rules.ts';
import { checkAnswers, missingDocuments } from './form.ts';
import { notifyApplicant } from './notifications.ts';
import { requireApplicant } from './policies.ts';
import { permitDocuments, permitTypes } from './schema.ts';
import { applyTransition, lockApplication } from './transition.ts';

/**
 * Submits a draft: answers checked against the type's form, required documents present, property chosen,
 * fee computed by the type's rule. With a fee, an order is created in the same transaction and the file
 * waits for payment (it is received once paid); without one, a permit file is received (the legal clock
 * starts) and a declaration is acknowledged at once.
 */
export async function submitApplication(options: {
  db: Database;
  jobs: JobQueue;
  publicUrl: string;
  auth: AuthContext | null;
  orgId: string;
  applicationId: string;
}) {
  const { db, orgId } = options;
  const org = await getOrganisation({ db, idOrSlug: orgId });
  const { row, typeName } = await db.transaction(async (tx) => {
    const current = await lockApplication(tx, orgId, options.applicationId);
    const who = requireApplicant(options.auth, current);
    if (current.status !== 'draft') throw new AppError('permit.not_draft', 409);
    const [type] = await tx
      .select()
      .from(permitTypes)
      .where(inOrg(permitTypes, orgId, eq(permitTypes.id, current.typeId)));
    if (!type) throw new AppError('permit.type_not_found', 404);
    if (!current.propertyUnitId) throw new AppError('permit.property_required', 422);
    const { clean, problems } = checkAnswers(type.fields, current.answers);
    if (problems.length) throw new AppError('permit.answers_invalid', 422, { details: { fields: problems } });
    const attached = await tx
      .select({ key: permitDocuments.documentKey })
      .from(permitDocuments)
      .where(inOrg(permitDocuments, orgId, eq(permitDocuments.applicationId, current.id)));
    const missing = missingDocuments(type.documents, clean, new Set(attached.map((a) => a.key)));
    if (missing.length)
      throw new AppError('permit.documents_missing', 422, { details: { documents: missing } });
    const feeCents = computeFee(type.feeRule, clean);
    const order =
      feeCents > 0
        ? await createOrder({
            db: tx,
            orgId,
            accountId: who.account.id,
            lines: [
              {
                module: 'portal.permit',
                reference: current.id,
                description: {
                  fr: `${type.nameFr} — ${current.reference}`,
                  en: `${type.nameEn} — ${current.reference}`,
                },
                unitPriceCents: feeCents,
                taxCodes: [],
              },
            ],
            source: 'client',
            actorAccountId: who.account.id,
          })
        : null;
    const moved = await applyTransition(tx, current, {
      action: 'submit',
      actor: 'applicant',
      actorAccountId: who.account.id,
      feeCents,
      changes: {
        answers: clean,
        feeCents,
        orderId: order?.id ?? null,
        submittedAt: feeCents > 0 ? null : new Date(),
      },
    });
    return { row: moved, typeName: { fr: type.nameFr, en: type.nameEn } };
  });
  if (row.status !== 'awaiting_payment')
    await notifyApplicant(
      { db, jobs: options.jobs, publicUrl: options.publicUrl },
      { ...row, orgSlug: org.slug, typeName },
    );
  return applicationView(db, row, 'applicant');
}
