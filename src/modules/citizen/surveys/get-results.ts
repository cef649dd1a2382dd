import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import { type ExportTable, tableToCsv, tableToXlsx } from '../../../platform/audit/table-export.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { Locale } from '../../../platform/http/locale.ts';
import { requireSurveyStaff } from './policies.ts';
import type { Answers } from './questions.ts';
import { aggregateResults, type QuestionResult } from './results.ts';
import { type SurveyRow, surveyResponses, surveys } from './schema.ts';

/** A survey's results. */
export interface SurveyResults {
  surveyId: string;
  title: { fr: string; en: string };
  participants: number;
  published: boolean;
  questions: QuestionResult[];
}

async function load(db: Executor, orgId: string, surveyId: string) {
  const [survey] = await db
    .select()
    .from(surveys)
    .where(inOrg(surveys, orgId, eq(surveys.id, surveyId)));
  if (!survey) throw new AppError('survey.not_found', 404);
  // Ordered by the random id: no export or page reveals the order answers arrived in.
  const rows = await db
    .select({ id: surveyResponses.id, answers: surveyResponses.answers })
    .from(surveyResponses)
    .where(inOrg(surveyResponses, orgId, eq(surveyResponses.surveyId, surveyId)))
    .orderBy(surveyResponses.id);
  // One answer per participation, written together: the answers are the participants.
  return { survey, answers: rows.map((r) => r.answers), participants: rows.length };
}

function shape(
  survey: SurveyRow,
  answers: Answers[],
  participants: number,
  withTexts: boolean,
): SurveyResults {
  return {
    surveyId: survey.id,
    title: { fr: survey.titleFr, en: survey.titleEn },
    participants,
    published: !!survey.resultsPublishedAt,
    questions: aggregateResults(survey.questions, answers, { withTexts }),
  };
}

/** Live results for staff, free-text answers included. */
export async function getStaffResults(options: {
  db: Executor;
  auth: AuthContext | null;
  orgId: string;
  surveyId: string;
}): Promise<SurveyResults> {
  requireSurveyStaff(options.auth, options.orgId);
  const { survey, answers, participants } = await load(options.db, options.orgId, options.surveyId);
  return shape(survey, answers, participants, true);
}

/** Published results for the public: counts and charts, without free-text answers (they may identify people). */
export async function getPublicResults(options: {
  db: Executor;
  orgId: string;
  surveyId: string;
}): Promise<SurveyResults> {
  const { survey, answers, participants } = await load(options.db, options.orgId, options.surveyId);
  if (!survey.publishedAt || !survey.resultsPublishedAt) throw new AppError('survey.results_not_public', 404);
  return shape(survey, answers, participants, false);
}

function cell(value: unknown): string | number | null {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return value.join(' > ');
  if (typeof value === 'number' || typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** Every answer as a table (one row per answer, one column per question), CSV or XLSX, for staff. Audited. */
export async function exportSurveyResults(options: {
  db: Executor;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  surveyId: string;
  format: 'csv' | 'xlsx';
  locale: Locale;
}): Promise<{ body: string | Buffer; fileName: string }> {
  const who = requireSurveyStaff(options.auth, options.orgId);
  const { survey, answers } = await load(options.db, options.orgId, options.surveyId);
  const table: ExportTable = {
    columns: [
      { key: '#', header: '#', width: 6 },
      ...survey.questions.map((q) => ({ key: q.key, header: q.label[options.locale], width: 30 })),
    ],
    rows: answers.map((a, i) => ({
      '#': i + 1,
      ...Object.fromEntries(survey.questions.map((q) => [q.key, cell(a[q.key])])),
    })),
  };
  await recordAudit(options.db, {
    orgId: options.orgId,
    actorAccountId: who.account.id,
    action: 'citizen.survey_exported',
    targetType: 'citizen_survey',
    targetId: survey.id,
    ip: options.ip,
    details: { format: options.format, rows: answers.length },
  });
  const fileName = `sondage-${survey.id.slice(0, 8)}.${options.format}`;
  const body =
    options.format === 'csv'
      ? tableToCsv(table)
      : await tableToXlsx(table, options.locale === 'fr' ? 'Réponses' : 'Answers');
  return { body, fileName };
}
