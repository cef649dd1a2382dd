import { desc, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { inOrg, scopeOf } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { requireOperationsStaff } from '../data/policies.ts';
import { opsReportDefinitions, type ReportContent } from './schema.ts';

/** A report definition as staff write it. */
export interface DefinitionInput {
  titleFr: string;
  titleEn: string;
  content: ReportContent;
  recipients: string[];
  active: boolean;
}

function view(row: typeof opsReportDefinitions.$inferSelect) {
  return {
    id: row.id,
    title: { fr: row.titleFr, en: row.titleEn },
    content: row.content,
    recipients: row.recipients,
    active: row.active,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Writes a definition without a policy check (seeders, tests); created, or updated when `id` is given. */
export async function upsertDefinition(
  db: Executor,
  orgId: string,
  input: DefinitionInput,
  id?: string,
  by?: string,
) {
  const values = { ...input, recipients: [...new Set(input.recipients.map((r) => r.trim().toLowerCase()))] };
  if (id) {
    const [row] = await db
      .update(opsReportDefinitions)
      .set({ ...values, updatedAt: sql`now()` })
      .where(inOrg(opsReportDefinitions, orgId, eq(opsReportDefinitions.id, id)))
      .returning();
    if (!row) throw new AppError('ops.report_not_found', 404);
    return row;
  }
  const [row] = await db
    .insert(opsReportDefinitions)
    .values(scopeOf(orgId).rows({ ...values, createdBy: by ?? null }))
    .returning();
  if (!row) throw new Error('definition insert failed');
  return row;
}

/** Staff create or change a monthly report definition (audited). */
export async function saveReportDefinition(options: {
  db: Executor;
  auth: AuthContext | null;
  ip: string | null;
  orgId: string;
  id?: string;
  input: DefinitionInput;
}) {
  const who = requireOperationsStaff(options.auth, options.orgId);
  const row = await upsertDefinition(options.db, options.orgId, options.input, options.id, who.account.id);
  await recordAudit(options.db, {
    orgId: options.orgId,
    actorAccountId: who.account.id,
    action: options.id ? 'ops.report.update' : 'ops.report.create',
    targetType: 'ops_report_definition',
    targetId: row.id,
    ip: options.ip,
  });
  return view(row);
}

/** The organisation's report definitions. */
export async function listReportDefinitions(options: {
  db: Executor;
  auth: AuthContext | null;
  orgId: string;
}) {
  requireOperationsStaff(options.auth, options.orgId);
  const rows = await options.db
    .select()
    .from(opsReportDefinitions)
    .where(inOrg(opsReportDefinitions, options.orgId))
    .orderBy(desc(opsReportDefinitions.createdAt));
  return { items: rows.map(view) };
}
