import { desc, eq, inArray, isNotNull } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Database, Executor } from '../../../platform/db/client.ts';
import { inOrg, scopeOf } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { Locale } from '../../../platform/http/locale.ts';
import type { JobQueue } from '../../../platform/jobs/queue.ts';
import { notify } from '../../../platform/notify/notify.ts';
import { getOrganisation } from '../../../platform/orgs/get-organisation.ts';
import { requireSurveyStaff as requireParticipationStaff } from '../surveys/policies.ts';
import { richTextHtml } from './rich-text.ts';
import { type IssueRow, newsletterIssues, newsletterLists } from './schema.ts';
import { type IssueParams, NEWSLETTER_ISSUE } from './templates.ts';

/** What staff write. */
export interface IssueInput {
  listId: string;
  subject: { fr: string; en: string };
  body: { fr: string; en: string };
}

/** The API shape of an issue; `html` is the safe rendering of the body (preview and archive page). */
export function toIssueView(row: IssueRow) {
  return {
    id: row.id,
    listId: row.listId,
    subject: { fr: row.subjectFr, en: row.subjectEn },
    body: { fr: row.bodyFr, en: row.bodyEn },
    html: { fr: richTextHtml(row.bodyFr), en: richTextHtml(row.bodyEn) },
    status: row.status,
    scheduledAt: row.scheduledAt?.toISOString() ?? null,
    sentAt: row.sentAt?.toISOString() ?? null,
    recipients: row.recipients,
    campaignId: row.campaignId,
  };
}
export type IssueView = ReturnType<typeof toIssueView>;

async function requireList(db: Executor, orgId: string, listId: string) {
  const [list] = await db
    .select()
    .from(newsletterLists)
    .where(inOrg(newsletterLists, orgId, eq(newsletterLists.id, listId)));
  if (!list) throw new AppError('newsletter.list_not_found', 404);
  return list;
}

/** Staff write a draft issue, or change a draft (`issueId`). Audited. */
export async function saveIssue(options: {
  db: Executor;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  issueId?: string;
  input: IssueInput;
}): Promise<IssueView> {
  const who = requireParticipationStaff(options.auth, options.orgId);
  await requireList(options.db, options.orgId, options.input.listId);
  const values = {
    listId: options.input.listId,
    subjectFr: options.input.subject.fr,
    subjectEn: options.input.subject.en,
    bodyFr: options.input.body.fr,
    bodyEn: options.input.body.en,
    updatedAt: new Date(),
  };
  const [row] = options.issueId
    ? await options.db
        .update(newsletterIssues)
        .set(values)
        .where(
          inOrg(
            newsletterIssues,
            options.orgId,
            eq(newsletterIssues.id, options.issueId),
            eq(newsletterIssues.status, 'draft'),
          ),
        )
        .returning()
    : await options.db
        .insert(newsletterIssues)
        .values(scopeOf(options.orgId).rows({ ...values, createdBy: who.account.id }))
        .returning();
  if (!row) throw new AppError('newsletter.issue_not_draft', 409);
  await recordAudit(options.db, {
    orgId: options.orgId,
    actorAccountId: who.account.id,
    action: options.issueId ? 'citizen.newsletter_issue_updated' : 'citizen.newsletter_issue_created',
    targetType: 'citizen_newsletter_issue',
    targetId: row.id,
    ip: options.ip,
  });
  return toIssueView(row);
}

/** The issues of the town (staff), newest first. */
export async function listStaffIssues(options: { db: Executor; auth: AuthContext | null; orgId: string }) {
  requireParticipationStaff(options.auth, options.orgId);
  const rows = await options.db
    .select()
    .from(newsletterIssues)
    .where(inOrg(newsletterIssues, options.orgId))
    .orderBy(desc(newsletterIssues.createdAt))
    .limit(200);
  return { items: rows.map(toIssueView) };
}

/** The archive: sent issues of the town's lists, for everyone. */
export async function listArchive(options: { db: Executor; orgId: string; listId?: string }) {
  const rows = await options.db
    .select()
    .from(newsletterIssues)
    .where(
      inOrg(
        newsletterIssues,
        options.orgId,
        eq(newsletterIssues.status, 'sent'),
        isNotNull(newsletterIssues.sentAt),
        options.listId ? eq(newsletterIssues.listId, options.listId) : undefined,
      ),
    )
    .orderBy(desc(newsletterIssues.sentAt))
    .limit(100);
  return { items: rows.map(toIssueView) };
}

/** One sent issue (archive page). */
export async function getArchivedIssue(options: { db: Executor; orgId: string; issueId: string }) {
  const [row] = await options.db
    .select()
    .from(newsletterIssues)
    .where(
      inOrg(
        newsletterIssues,
        options.orgId,
        eq(newsletterIssues.id, options.issueId),
        eq(newsletterIssues.status, 'sent'),
      ),
    );
  if (!row) throw new AppError('newsletter.issue_not_found', 404);
  return toIssueView(row);
}

/** The parameters of an issue's message (the same for every recipient but the list link). */
export async function issueParams(db: Executor, publicUrl: string, row: IssueRow): Promise<IssueParams> {
  const [list, org] = await Promise.all([
    requireList(db, row.orgId, row.listId),
    getOrganisation({ db, idOrSlug: row.orgId }),
  ]);
  return {
    listName: { fr: list.nameFr, en: list.nameEn },
    subject: { fr: row.subjectFr, en: row.subjectEn },
    body: { fr: row.bodyFr, en: row.bodyEn },
    archiveUrl: `${publicUrl}/${org.slug}/infolettres/archives/${row.id}`,
  };
}

/** A test send to the staff member's own address, in the language asked for. */
export async function testSendIssue(options: {
  db: Database;
  jobs: JobQueue;
  publicUrl: string;
  auth: AuthContext | null;
  orgId: string;
  issueId: string;
  locale: Locale;
}): Promise<{ ok: true }> {
  const who = requireParticipationStaff(options.auth, options.orgId);
  const [row] = await options.db
    .select()
    .from(newsletterIssues)
    .where(inOrg(newsletterIssues, options.orgId, eq(newsletterIssues.id, options.issueId)));
  if (!row) throw new AppError('newsletter.issue_not_found', 404);
  const params = await issueParams(options.db, options.publicUrl, row);
  await notify(
    { db: options.db, jobs: options.jobs },
    {
      to: { email: who.account.email, locale: options.locale },
      orgId: options.orgId,
      category: 'account',
      template: NEWSLETTER_ISSUE,
      params: {
        ...params,
        subject: { fr: `[TEST] ${params.subject.fr}`, en: `[TEST] ${params.subject.en}` },
      },
      channels: ['email'],
    },
  );
  return { ok: true };
}

/** Staff schedule a draft for later (the minute job sends it) or take it back to draft. Audited. */
export async function scheduleIssue(options: {
  db: Executor;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  issueId: string;
  at: string | null;
}): Promise<IssueView> {
  const who = requireParticipationStaff(options.auth, options.orgId);
  if (options.at && Date.parse(options.at) <= Date.now()) throw new AppError('newsletter.schedule_past', 422);
  const [row] = await options.db
    .update(newsletterIssues)
    .set({
      status: options.at ? 'scheduled' : 'draft',
      scheduledAt: options.at ? new Date(options.at) : null,
    })
    .where(
      inOrg(
        newsletterIssues,
        options.orgId,
        eq(newsletterIssues.id, options.issueId),
        inArray(newsletterIssues.status, ['draft', 'scheduled']),
      ),
    )
    .returning();
  if (!row) throw new AppError('newsletter.issue_not_draft', 409);
  await recordAudit(options.db, {
    orgId: options.orgId,
    actorAccountId: who.account.id,
    action: options.at ? 'citizen.newsletter_issue_scheduled' : 'citizen.newsletter_issue_unscheduled',
    targetType: 'citizen_newsletter_issue',
    targetId: row.id,
    ip: options.ip,
    details: { at: options.at },
  });
  return toIssueView(row);
}
