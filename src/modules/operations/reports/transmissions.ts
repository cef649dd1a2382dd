import { createHash } from 'node:crypto';
import { desc, eq, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Database, Executor } from '../../../platform/db/client.ts';
import { inOrg, scopeOf } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { organisations } from '../../../platform/orgs/schema.ts';
import { requireOperationsStaff } from '../data/policies.ts';
import { opsTransmissions } from './schema.ts';
import { TRANSMISSION_TEMPLATES } from './transmission-templates.ts';

type Row = typeof opsTransmissions.$inferSelect;

function view(row: Omit<Row, 'content'>) {
  return {
    id: row.id,
    template: row.template,
    templateName: TRANSMISSION_TEMPLATES[row.template]?.name ?? { fr: row.template, en: row.template },
    period: row.period,
    recipient: row.recipient,
    fileName: row.fileName,
    sha256: row.sha256,
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    correctsId: row.correctsId,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    sentAt: row.sentAt?.toISOString() ?? null,
    sentBy: row.sentBy,
  };
}

const columns = {
  id: opsTransmissions.id,
  orgId: opsTransmissions.orgId,
  template: opsTransmissions.template,
  period: opsTransmissions.period,
  recipient: opsTransmissions.recipient,
  fileName: opsTransmissions.fileName,
  contentType: opsTransmissions.contentType,
  sha256: opsTransmissions.sha256,
  status: opsTransmissions.status,
  attempts: opsTransmissions.attempts,
  lastError: opsTransmissions.lastError,
  correctsId: opsTransmissions.correctsId,
  createdBy: opsTransmissions.createdBy,
  createdAt: opsTransmissions.createdAt,
  sentAt: opsTransmissions.sentAt,
  sentBy: opsTransmissions.sentBy,
};

/** The transmission register, newest first. */
export async function listTransmissions(options: { db: Executor; auth: AuthContext | null; orgId: string }) {
  requireOperationsStaff(options.auth, options.orgId);
  const rows = await options.db
    .select(columns)
    .from(opsTransmissions)
    .where(inOrg(opsTransmissions, options.orgId))
    .orderBy(desc(opsTransmissions.createdAt))
    .limit(500);
  return {
    items: rows.map(view),
    templates: Object.entries(TRANSMISSION_TEMPLATES).map(([code, t]) => ({
      code,
      name: t.name,
      defaultRecipient: t.defaultRecipient,
    })),
  };
}

/**
 * Staff produce a template's file for a month: it is stored with its SHA-256 in the register (status
 * `generated`). With `correctsId`, the new file corrects an earlier transmission, which becomes `superseded`.
 */
export async function generateTransmission(options: {
  db: Database;
  auth: AuthContext | null;
  ip: string | null;
  orgId: string;
  input: { template: string; period: string; recipient?: string; correctsId?: string };
}) {
  const who = requireOperationsStaff(options.auth, options.orgId);
  const template = TRANSMISSION_TEMPLATES[options.input.template];
  if (!template) throw new AppError('ops.transmission_template_unknown', 422);
  const [org] = await options.db
    .select({ slug: organisations.slug })
    .from(organisations)
    .where(eq(organisations.id, options.orgId));
  const content = await template.build(options.db, options.orgId, options.input.period);
  const sha256 = createHash('sha256').update(content).digest('hex');
  const row = await options.db.transaction(async (tx) => {
    if (options.input.correctsId) {
      const corrected = await tx
        .update(opsTransmissions)
        .set({ status: 'superseded' })
        .where(inOrg(opsTransmissions, options.orgId, eq(opsTransmissions.id, options.input.correctsId)))
        .returning({ id: opsTransmissions.id });
      if (corrected.length === 0) throw new AppError('ops.transmission_not_found', 404);
    }
    const [inserted] = await tx
      .insert(opsTransmissions)
      .values(
        scopeOf(options.orgId).rows({
          template: options.input.template,
          period: options.input.period,
          recipient: options.input.recipient ?? template.defaultRecipient,
          fileName: template.fileName(org?.slug ?? 'org', options.input.period),
          contentType: template.contentType,
          content,
          sha256,
          correctsId: options.input.correctsId ?? null,
          createdBy: who.account.id,
        }),
      )
      .returning(columns);
    if (!inserted) throw new Error('transmission insert failed');
    await recordAudit(tx, {
      orgId: options.orgId,
      actorAccountId: who.account.id,
      action: options.input.correctsId ? 'ops.transmission.correct' : 'ops.transmission.generate',
      targetType: 'ops_transmission',
      targetId: inserted.id,
      ip: options.ip,
      details: { template: options.input.template, period: options.input.period, sha256 },
    });
    return inserted;
  });
  return view(row);
}

/**
 * Records the outcome of sending a file to the body (through its portal or by e-mail): `sent` with who
 * and when, or `failed` with the reason, counting attempts; a failed one can be tried again (resend).
 */
export async function recordTransmissionOutcome(options: {
  db: Executor;
  auth: AuthContext | null;
  ip: string | null;
  orgId: string;
  transmissionId: string;
  input: { outcome: 'sent' | 'failed'; error?: string };
}) {
  const who = requireOperationsStaff(options.auth, options.orgId);
  const sent = options.input.outcome === 'sent';
  const [row] = await options.db
    .update(opsTransmissions)
    .set({
      status: options.input.outcome,
      attempts: sql`${opsTransmissions.attempts} + 1`,
      lastError: sent ? null : (options.input.error ?? null),
      sentAt: sent ? sql`now()` : null,
      sentBy: sent ? who.account.id : null,
    })
    .where(
      inOrg(
        opsTransmissions,
        options.orgId,
        eq(opsTransmissions.id, options.transmissionId),
        inArray(opsTransmissions.status, ['generated', 'failed']),
      ),
    )
    .returning(columns);
  if (!row) {
    const [exists] = await options.db
      .select({ id: opsTransmissions.id })
      .from(opsTransmissions)
      .where(inOrg(opsTransmissions, options.orgId, eq(opsTransmissions.id, options.transmissionId)));
    throw exists
      ? new AppError('ops.transmission_state', 409)
      : new AppError('ops.transmission_not_found', 404);
  }
  await recordAudit(options.db, {
    orgId: options.orgId,
    actorAccountId: who.account.id,
    action: `ops.transmission.${options.input.outcome}`,
    targetType: 'ops_transmission',
    targetId: row.id,
    ip: options.ip,
    details: { attempt: row.attempts, error: options.input.error ?? null, sha256: row.sha256 },
  });
  return view(row);
}

/** The file of a transmission, exactly as registered (its SHA-256 matches the register's). */
export async function downloadTransmission(options: {
  db: Executor;
  auth: AuthContext | null;
  ip: string | null;
  orgId: string;
  transmissionId: string;
}) {
  const who = requireOperationsStaff(options.auth, options.orgId);
  const [row] = await options.db
    .select({
      content: opsTransmissions.content,
      fileName: opsTransmissions.fileName,
      contentType: opsTransmissions.contentType,
    })
    .from(opsTransmissions)
    .where(inOrg(opsTransmissions, options.orgId, eq(opsTransmissions.id, options.transmissionId)));
  if (!row) throw new AppError('ops.transmission_not_found', 404);
  await recordAudit(options.db, {
    orgId: options.orgId,
    actorAccountId: who.account.id,
    action: 'ops.transmission.download',
    targetType: 'ops_transmission',
    targetId: options.transmissionId,
    ip: options.ip,
  });
  return row;
}
