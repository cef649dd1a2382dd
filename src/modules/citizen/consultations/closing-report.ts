import { count, countDistinct, desc, eq, sum } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import { type ExportTable, tableToCsv, tableToXlsx } from '../../../platform/audit/table-export.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { Locale } from '../../../platform/http/locale.ts';
import { requireSurveyStaff as requireParticipationStaff } from '../surveys/policies.ts';
import { consultationMeetings, consultations, contributions, followers } from './schema.ts';

async function figures(db: Executor, orgId: string, consultationId: string) {
  const [row] = await db
    .select()
    .from(consultations)
    .where(inOrg(consultations, orgId, eq(consultations.id, consultationId)));
  if (!row) throw new AppError('consultation.not_found', 404);
  const where = inOrg(contributions, orgId, eq(contributions.consultationId, row.id));
  const [[c], [f], [m], top] = await Promise.all([
    db
      .select({
        total: count(),
        people: countDistinct(contributions.accountId),
        supports: sum(contributions.supports),
      })
      .from(contributions)
      .where(where),
    db
      .select({ n: count() })
      .from(followers)
      .where(inOrg(followers, orgId, eq(followers.consultationId, row.id))),
    db
      .select({ meetings: count(), registered: sum(consultationMeetings.registered) })
      .from(consultationMeetings)
      .where(inOrg(consultationMeetings, orgId, eq(consultationMeetings.consultationId, row.id))),
    db
      .select()
      .from(contributions)
      .where(where)
      .orderBy(desc(contributions.supports), contributions.createdAt),
  ]);
  return { row, c, f, m, all: top };
}

/** The closing report: participation, the summary, the proposals by support (staff). */
export async function closingReport(options: {
  db: Executor;
  auth: AuthContext | null;
  orgId: string;
  consultationId: string;
}) {
  requireParticipationStaff(options.auth, options.orgId);
  const { row, c, f, m, all } = await figures(options.db, options.orgId, options.consultationId);
  return {
    title: { fr: row.titleFr, en: row.titleEn },
    summary: row.closingSummaryFr ? { fr: row.closingSummaryFr, en: row.closingSummaryEn ?? '' } : null,
    contributions: c?.total ?? 0,
    contributors: c?.people ?? 0,
    supports: Number(c?.supports ?? 0),
    followers: f?.n ?? 0,
    meetings: m?.meetings ?? 0,
    meetingSeatsTaken: Number(m?.registered ?? 0),
    comments: all.filter((x) => x.kind === 'comment').length,
    hidden: all.filter((x) => x.status === 'hidden').length,
    proposals: all
      .filter((x) => x.kind === 'proposal' && x.status === 'published')
      .map((x) => ({ id: x.id, title: x.title ?? '', supports: x.supports })),
  };
}

/** Every contribution as a table (CSV/XLSX) for the closing report's annex. Audited. */
export async function exportContributions(options: {
  db: Executor;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  consultationId: string;
  format: 'csv' | 'xlsx';
  locale: Locale;
}) {
  const who = requireParticipationStaff(options.auth, options.orgId);
  const { row, all } = await figures(options.db, options.orgId, options.consultationId);
  const fr = options.locale === 'fr';
  const table: ExportTable = {
    columns: [
      { key: 'date', header: 'Date' },
      { key: 'kind', header: fr ? 'Type' : 'Kind' },
      { key: 'author', header: fr ? 'Auteur' : 'Author' },
      { key: 'title', header: fr ? 'Titre' : 'Title', width: 30 },
      { key: 'body', header: fr ? 'Texte' : 'Text', width: 60 },
      { key: 'supports', header: fr ? 'Appuis' : 'Supports' },
      { key: 'status', header: fr ? 'Statut' : 'Status' },
    ],
    rows: all.map((x) => ({
      date: x.createdAt.toISOString().slice(0, 10),
      kind: x.kind,
      author: x.authorName,
      title: x.title,
      body: x.status === 'hidden' ? `[${x.moderationReason}]` : x.body,
      supports: x.supports,
      status: x.status,
    })),
  };
  await recordAudit(options.db, {
    orgId: options.orgId,
    actorAccountId: who.account.id,
    action: 'citizen.consultation_exported',
    targetType: 'citizen_consultation',
    targetId: row.id,
    ip: options.ip,
    details: { format: options.format, rows: all.length },
  });
  const body =
    options.format === 'csv'
      ? tableToCsv(table)
      : await tableToXlsx(table, fr ? 'Contributions' : 'Contributions');
  return { body, fileName: `consultation-${row.id.slice(0, 8)}.${options.format}` };
}
