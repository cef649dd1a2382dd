import { isDeepStrictEqual } from 'node:util';
import { count, eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Database } from '../../../platform/db/client.ts';
import { inOrg, scopeOf } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { requireSurveyStaff } from './policies.ts';
import { checkQuestions, type Question } from './questions.ts';
import { surveyResponses, surveys } from './schema.ts';
import type { SurveyInput } from './schemas.ts';
import { type SurveyView, toSurveyView } from './survey-view.ts';

function checkInput(input: SurveyInput): void {
  const problems = checkQuestions(input.questions as Question[]);
  if (problems.length > 0) throw new AppError('survey.questions_invalid', 422, { details: { problems } });
  if (Date.parse(input.closesAt) <= Date.parse(input.opensAt))
    throw new AppError('survey.dates_invalid', 422);
  if (input.audience === 'segment' && (input.segmentPostalPrefixes ?? []).length === 0) {
    throw new AppError('survey.segment_missing', 422);
  }
}

function columns(input: SurveyInput) {
  return {
    titleFr: input.title.fr.trim(),
    titleEn: input.title.en.trim(),
    introFr: input.intro.fr,
    introEn: input.intro.en,
    questions: input.questions as Question[],
    audience: input.audience,
    segmentPostalPrefixes: input.audience === 'segment' ? (input.segmentPostalPrefixes ?? []) : [],
    anonymous: input.anonymous,
    opensAt: new Date(input.opensAt),
    closesAt: new Date(input.closesAt),
    consultationId: input.consultationId ?? null,
  };
}

/** Staff create a survey (a draft until published). Audited. */
export async function createSurvey(options: {
  db: Database;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  input: SurveyInput;
}): Promise<SurveyView> {
  const who = requireSurveyStaff(options.auth, options.orgId);
  checkInput(options.input);
  const [row] = await options.db
    .insert(surveys)
    .values(scopeOf(options.orgId).rows({ ...columns(options.input), createdBy: who.account.id }))
    .returning();
  if (!row) throw new Error('survey insert returned no row');
  await recordAudit(options.db, {
    orgId: options.orgId,
    actorAccountId: who.account.id,
    action: 'citizen.survey_created',
    targetType: 'citizen_survey',
    targetId: row.id,
    ip: options.ip,
  });
  return toSurveyView(row);
}

/**
 * Staff change a survey. Once answers exist, the questionnaire and the anonymity promise are frozen (a
 * person answered what they saw, under the promise they were given); titles and dates may still change.
 * The row is locked so an answer arriving meanwhile cannot slip in before the check.
 */
export async function updateSurvey(options: {
  db: Database;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  surveyId: string;
  input: SurveyInput;
}): Promise<SurveyView> {
  const who = requireSurveyStaff(options.auth, options.orgId);
  checkInput(options.input);
  return options.db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(surveys)
      .where(inOrg(surveys, options.orgId, eq(surveys.id, options.surveyId)))
      .for('update');
    if (!current) throw new AppError('survey.not_found', 404);
    const [answers] = await tx
      .select({ n: count() })
      .from(surveyResponses)
      .where(inOrg(surveyResponses, options.orgId, eq(surveyResponses.surveyId, current.id)));
    const next = columns(options.input);
    if ((answers?.n ?? 0) > 0) {
      const changed =
        // Compared as values: jsonb does not keep the order of an object's keys.
        !isDeepStrictEqual(next.questions, current.questions) || next.anonymous !== current.anonymous;
      if (changed) throw new AppError('survey.locked', 409);
    }
    const [row] = await tx
      .update(surveys)
      .set({ ...next, updatedAt: new Date() })
      .where(inOrg(surveys, options.orgId, eq(surveys.id, current.id)))
      .returning();
    if (!row) throw new Error('survey update returned no row');
    await recordAudit(tx, {
      orgId: options.orgId,
      actorAccountId: who.account.id,
      action: 'citizen.survey_updated',
      targetType: 'citizen_survey',
      targetId: row.id,
      ip: options.ip,
    });
    return toSurveyView(row);
  });
}

/** Staff publish a survey (citizens see it from its opening date) or its results (the public sees them). */
export async function publishSurvey(options: {
  db: Database;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  surveyId: string;
  what: 'survey' | 'results';
  published: boolean;
}): Promise<SurveyView> {
  const who = requireSurveyStaff(options.auth, options.orgId);
  const at = options.published ? new Date() : null;
  const [row] = await options.db
    .update(surveys)
    .set(
      options.what === 'survey'
        ? { publishedAt: at, updatedAt: new Date() }
        : { resultsPublishedAt: at, updatedAt: new Date() },
    )
    .where(inOrg(surveys, options.orgId, eq(surveys.id, options.surveyId)))
    .returning();
  if (!row) throw new AppError('survey.not_found', 404);
  await recordAudit(options.db, {
    orgId: options.orgId,
    actorAccountId: who.account.id,
    action: `citizen.survey_${options.what}_${options.published ? 'published' : 'unpublished'}`,
    targetType: 'citizen_survey',
    targetId: row.id,
    ip: options.ip,
  });
  return toSurveyView(row);
}
