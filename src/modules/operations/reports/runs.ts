import { and, desc, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { inOrg, scopeOf } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { JobQueue } from '../../../platform/jobs/queue.ts';
import { sendEmail } from '../../../platform/notify/send-email.ts';
import { organisations } from '../../../platform/orgs/schema.ts';
import { requireOperationsStaff } from '../data/policies.ts';
import { staffUrl } from '../data/staff-url.ts';
import { MONTHLY_REPORT_EMAIL } from './messages.ts';
import { renderReportPdf, renderReportXlsx } from './render-report.ts';
import { buildReportData } from './report-data.ts';
import { opsReportDefinitions, opsReportRuns } from './schema.ts';

/** The queue that produces one report edition. */
export const REPORT_RUN_QUEUE = 'operations.report-run';
/** The queue started on the 1st of each month that queues every active report for the month past. */
export const MONTHLY_REPORTS_QUEUE = 'operations.monthly-reports';

/** The first day of the month before `now`, in Quebec, as YYYY-MM-01. */
export function previousMonth(now = new Date()): string {
  const [y, m] = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'America/Toronto',
    year: 'numeric',
    month: '2-digit',
  })
    .format(now)
    .split('-')
    .map(Number) as [number, number];
  const prev = new Date(Date.UTC(y, m - 2, 1));
  return prev.toISOString().slice(0, 10);
}

function runView(row: Omit<typeof opsReportRuns.$inferSelect, 'pdf' | 'xlsx'> & { hasFiles?: boolean }) {
  return {
    id: row.id,
    definitionId: row.definitionId,
    period: row.period,
    status: row.status,
    progress: row.progress,
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/** Queues an edition of a report for a month (no policy: the monthly job and requestReportRun use it). */
export async function queueReportRun(
  ctx: { db: Executor; jobs: JobQueue },
  orgId: string,
  definitionId: string,
  period: string,
  by?: string,
) {
  const [row] = await ctx.db
    .insert(opsReportRuns)
    .values(scopeOf(orgId).rows({ definitionId, period, requestedBy: by ?? null }))
    .returning();
  if (!row) throw new Error('run insert failed');
  await ctx.jobs.send(REPORT_RUN_QUEUE, { orgId, runId: row.id });
  return row;
}

/** Staff regenerate a report for a month on demand; its progress is read from the archive. */
export async function requestReportRun(options: {
  db: Executor;
  jobs: JobQueue;
  auth: AuthContext | null;
  ip: string | null;
  orgId: string;
  definitionId: string;
  period: string;
}) {
  const who = requireOperationsStaff(options.auth, options.orgId);
  const [def] = await options.db
    .select({ id: opsReportDefinitions.id })
    .from(opsReportDefinitions)
    .where(inOrg(opsReportDefinitions, options.orgId, eq(opsReportDefinitions.id, options.definitionId)));
  if (!def) throw new AppError('ops.report_not_found', 404);
  const row = await queueReportRun(options, options.orgId, def.id, options.period, who.account.id);
  await recordAudit(options.db, {
    orgId: options.orgId,
    actorAccountId: who.account.id,
    action: 'ops.report.run',
    targetType: 'ops_report_run',
    targetId: row.id,
    ip: options.ip,
    details: { period: options.period },
  });
  return runView(row);
}

/** The job: builds the data, renders the PDF and the XLSX, stores them, e-mails the recipients. */
export async function runReport(
  ctx: { db: Executor; jobs: JobQueue; publicUrl?: string },
  data: { orgId: string; runId: string },
): Promise<void> {
  const where = inOrg(opsReportRuns, data.orgId, eq(opsReportRuns.id, data.runId));
  const [run] = await ctx.db
    .update(opsReportRuns)
    .set({ status: 'running', progress: 0 })
    .where(and(where, sql`${opsReportRuns.status} IN ('queued', 'running', 'failed')`))
    .returning({
      id: opsReportRuns.id,
      definitionId: opsReportRuns.definitionId,
      period: opsReportRuns.period,
    });
  if (!run) return;
  try {
    const [def] = await ctx.db
      .select()
      .from(opsReportDefinitions)
      .where(inOrg(opsReportDefinitions, data.orgId, eq(opsReportDefinitions.id, run.definitionId)));
    if (!def) throw new Error('definition gone');
    const [org] = await ctx.db
      .select({ nameFr: organisations.nameFr })
      .from(organisations)
      .where(eq(organisations.id, data.orgId));
    const report = await buildReportData(ctx.db, data.orgId, def, run.period, async (progress) => {
      await ctx.db.update(opsReportRuns).set({ progress }).where(where);
    });
    const pdf = await renderReportPdf(report, org?.nameFr ?? '');
    const xlsx = await renderReportXlsx(report);
    await ctx.db
      .update(opsReportRuns)
      .set({ status: 'done', progress: 100, pdf, xlsx, error: null, finishedAt: sql`now()` })
      .where(where);
    const url = `${ctx.publicUrl ?? ''}${await staffUrl(ctx.db, data.orgId, 'reports')}`;
    for (const to of def.recipients)
      await sendEmail(ctx, {
        to,
        locale: 'fr',
        orgId: data.orgId,
        template: MONTHLY_REPORT_EMAIL,
        params: { title: { fr: def.titleFr, en: def.titleEn }, period: run.period, url },
      });
  } catch (error) {
    await ctx.db
      .update(opsReportRuns)
      .set({ status: 'failed', error: error instanceof Error ? error.message.slice(0, 500) : String(error) })
      .where(where);
    throw error;
  }
}

/** The monthly job: every active definition of every organisation gets its edition for the month past. */
export async function queueMonthlyReports(
  ctx: { db: Executor; jobs: JobQueue },
  now = new Date(),
): Promise<number> {
  const period = previousMonth(now);
  // Installation-wide on purpose: the schedule runs once for every organisation.
  const defs = await ctx.db
    .select({ orgId: opsReportDefinitions.orgId, id: opsReportDefinitions.id })
    .from(opsReportDefinitions)
    .where(eq(opsReportDefinitions.active, true));
  for (const d of defs) {
    const [existing] = await ctx.db
      .select({ id: opsReportRuns.id })
      .from(opsReportRuns)
      .where(
        inOrg(opsReportRuns, d.orgId, eq(opsReportRuns.definitionId, d.id), eq(opsReportRuns.period, period)),
      );
    if (!existing) await queueReportRun(ctx, d.orgId, d.id, period);
  }
  return defs.length;
}

/** The archive: every edition of the organisation's reports, newest first. */
export async function listReportRuns(options: {
  db: Executor;
  auth: AuthContext | null;
  orgId: string;
  definitionId?: string;
}) {
  requireOperationsStaff(options.auth, options.orgId);
  const rows = await options.db
    .select({
      id: opsReportRuns.id,
      orgId: opsReportRuns.orgId,
      definitionId: opsReportRuns.definitionId,
      period: opsReportRuns.period,
      status: opsReportRuns.status,
      progress: opsReportRuns.progress,
      requestedBy: opsReportRuns.requestedBy,
      error: opsReportRuns.error,
      createdAt: opsReportRuns.createdAt,
      finishedAt: opsReportRuns.finishedAt,
    })
    .from(opsReportRuns)
    .where(
      inOrg(
        opsReportRuns,
        options.orgId,
        options.definitionId ? eq(opsReportRuns.definitionId, options.definitionId) : undefined,
      ),
    )
    .orderBy(desc(opsReportRuns.period), desc(opsReportRuns.createdAt))
    .limit(200);
  return { items: rows.map(runView) };
}

/** One edition's PDF or XLSX. */
export async function downloadReportRun(options: {
  db: Executor;
  auth: AuthContext | null;
  orgId: string;
  runId: string;
  format: 'pdf' | 'xlsx';
}): Promise<{ body: Buffer; fileName: string }> {
  requireOperationsStaff(options.auth, options.orgId);
  const [row] = await options.db
    .select({
      pdf: opsReportRuns.pdf,
      xlsx: opsReportRuns.xlsx,
      period: opsReportRuns.period,
      title: opsReportDefinitions.titleFr,
    })
    .from(opsReportRuns)
    .innerJoin(
      opsReportDefinitions,
      and(
        eq(opsReportDefinitions.orgId, opsReportRuns.orgId),
        eq(opsReportDefinitions.id, opsReportRuns.definitionId),
      ),
    )
    .where(inOrg(opsReportRuns, options.orgId, eq(opsReportRuns.id, options.runId)));
  if (!row) throw new AppError('ops.report_run_not_found', 404);
  const body = row[options.format];
  if (!body) throw new AppError('ops.report_not_ready', 409);
  return { body, fileName: `${row.title}-${row.period.slice(0, 7)}.${options.format}` };
}
