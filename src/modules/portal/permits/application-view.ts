import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { files } from '../../../platform/files/schema.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { organisations } from '../../../platform/orgs/schema.ts';
import { orders } from '../../../platform/payments/schema.ts';
import { delayStatus, elapsedBusinessDays } from './legal-clock.ts';
import { permitApplications, permitDocuments, permitEvents, permitTypes } from './schema.ts';
import { type Actor, allowedActions, clockPeriods, clockRuns } from './state-machine.ts';
import type { ApplicationRow } from './transition.ts';

/** The public address of a permit's verification page (what its QR code holds). */
export function verificationUrl(publicUrl: string, orgSlug: string, token: string): string {
  return `${publicUrl}/${orgSlug}/permits/verify/${token}`;
}

/** Loads an application row of an organisation, or 404. */
export async function findApplication(
  db: Executor,
  orgId: string,
  applicationId: string,
): Promise<ApplicationRow> {
  const [row] = await db
    .select()
    .from(permitApplications)
    .where(inOrg(permitApplications, orgId, eq(permitApplications.id, applicationId)));
  if (!row) throw new AppError('permit.not_found', 404);
  return row;
}

/** A file as its applicant or staff see it: steps, documents, legal clock, payment and permit. */
export async function applicationView(db: Executor, row: ApplicationRow, viewer: Actor, now = new Date()) {
  const orgId = row.orgId;
  const [type] = await db
    .select()
    .from(permitTypes)
    .where(inOrg(permitTypes, orgId, eq(permitTypes.id, row.typeId)));
  if (!type) throw new AppError('permit.type_not_found', 404);
  const events = await db
    .select()
    .from(permitEvents)
    .where(inOrg(permitEvents, orgId, eq(permitEvents.applicationId, row.id)))
    .orderBy(asc(permitEvents.createdAt), asc(permitEvents.id));
  const documents = await db
    .select({
      id: permitDocuments.id,
      documentKey: permitDocuments.documentKey,
      fileId: permitDocuments.fileId,
      name: files.originalName,
      mime: files.mime,
      sizeBytes: files.sizeBytes,
    })
    .from(permitDocuments)
    .innerJoin(files, inOrg(files, orgId, eq(files.id, permitDocuments.fileId)))
    .where(inOrg(permitDocuments, orgId, eq(permitDocuments.applicationId, row.id)))
    .orderBy(asc(permitDocuments.createdAt));
  const [order] = row.orderId
    ? await db
        .select({
          id: orders.id,
          status: orders.status,
          totalCents: orders.totalCents,
          reference: orders.reference,
        })
        .from(orders)
        .where(inOrg(orders, orgId, eq(orders.id, row.orderId)))
    : [];
  const [org] = await db
    .select({ slug: organisations.slug })
    .from(organisations)
    .where(eq(organisations.id, orgId));
  const periods = clockPeriods(events.map((e) => ({ status: e.toStatus, at: e.createdAt })));
  const elapsed = elapsedBusinessDays(periods, now);
  return {
    id: row.id,
    reference: row.reference,
    kind: row.kind,
    status: row.status,
    type: {
      id: type.id,
      code: type.code,
      name: { fr: type.nameFr, en: type.nameEn },
      legalDelayDays: type.legalDelayDays,
    },
    property: {
      unitId: row.propertyUnitId,
      matricule: row.propertyMatricule,
      address: row.propertyAddress,
      lots: row.propertyLots,
      latitude: row.latitude,
      longitude: row.longitude,
    },
    description: row.description,
    answers: row.answers,
    feeCents: row.feeCents,
    order: order ?? null,
    documents,
    events: events.map((e) => ({
      id: e.id,
      at: e.createdAt.toISOString(),
      actor: e.actor,
      action: e.action,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      message: e.message,
      scheduledAt: e.scheduledAt?.toISOString() ?? null,
    })),
    clock: {
      legalDelayDays: type.legalDelayDays,
      elapsedBusinessDays: elapsed,
      running: clockRuns(row.status),
      ...delayStatus(elapsed, type.legalDelayDays),
    },
    allowedActions: allowedActions(row.status, viewer, { kind: row.kind, feeCents: row.feeCents }),
    submittedAt: row.submittedAt?.toISOString() ?? null,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    permit: row.permitNumber
      ? {
          number: row.permitNumber,
          issuedAt: row.issuedAt?.toISOString() ?? null,
          expiresAt: row.expiresAt?.toISOString() ?? null,
          conditions: row.conditions,
          verificationPath: row.verificationToken
            ? `/${org?.slug ?? ''}/permits/verify/${row.verificationToken}`
            : null,
        }
      : null,
    refusalReason: row.refusalReason,
    inspectionAt: row.inspectionAt?.toISOString() ?? null,
    finalInspectionAt: row.finalInspectionAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

export type ApplicationView = Awaited<ReturnType<typeof applicationView>>;
