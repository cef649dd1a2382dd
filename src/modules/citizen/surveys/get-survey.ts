import { and, count, desc, eq, isNotNull, lte } from 'drizzle-orm';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { inAudience } from './audience.ts';
import { requireSurveyStaff } from './policies.ts';
import { type SurveyRow, surveyParticipations, surveyResponses, surveys } from './schema.ts';
import { type SurveyView, toSurveyView } from './survey-view.ts';

async function personal(db: Executor, auth: AuthContext | null, row: SurveyRow) {
  if (!auth) return {};
  const [mine] = await db
    .select({ id: surveyParticipations.id })
    .from(surveyParticipations)
    .where(
      inOrg(
        surveyParticipations,
        row.orgId,
        eq(surveyParticipations.surveyId, row.id),
        eq(surveyParticipations.accountId, auth.account.id),
      ),
    );
  const eligible = await inAudience(db, {
    orgId: row.orgId,
    accountId: auth.account.id,
    audience: row.audience,
    postalPrefixes: row.segmentPostalPrefixes,
  });
  return { answered: !!mine, eligible };
}

/** The published surveys of a town that have opened (open first, then closed), for everyone. */
export async function listPublicSurveys(options: {
  db: Executor;
  auth: AuthContext | null;
  orgId: string;
}): Promise<{ items: SurveyView[] }> {
  const rows = await options.db
    .select()
    .from(surveys)
    .where(inOrg(surveys, options.orgId, isNotNull(surveys.publishedAt), lte(surveys.opensAt, new Date())))
    .orderBy(desc(surveys.closesAt))
    .limit(100);
  const items = [];
  for (const row of rows) items.push(toSurveyView(row, await personal(options.db, options.auth, row)));
  return { items };
}

/** One published survey, with whether the signed-in person answered it and may answer it. */
export async function getPublicSurvey(options: {
  db: Executor;
  auth: AuthContext | null;
  orgId: string;
  surveyId: string;
}): Promise<SurveyView> {
  const [row] = await options.db
    .select()
    .from(surveys)
    .where(inOrg(surveys, options.orgId, eq(surveys.id, options.surveyId), isNotNull(surveys.publishedAt)));
  if (!row) throw new AppError('survey.not_found', 404);
  return toSurveyView(row, await personal(options.db, options.auth, row));
}

/** Every survey of the town, drafts included, with its number of answers (staff). */
export async function listStaffSurveys(options: {
  db: Executor;
  auth: AuthContext | null;
  orgId: string;
}): Promise<{ items: SurveyView[] }> {
  requireSurveyStaff(options.auth, options.orgId);
  const [rows, counts] = await Promise.all([
    options.db.select().from(surveys).where(inOrg(surveys, options.orgId)).orderBy(desc(surveys.createdAt)),
    options.db
      .select({ surveyId: surveyResponses.surveyId, n: count() })
      .from(surveyResponses)
      .where(inOrg(surveyResponses, options.orgId))
      .groupBy(surveyResponses.surveyId),
  ]);
  const by = new Map(counts.map((c) => [c.surveyId, c.n]));
  return { items: rows.map((r) => toSurveyView(r, { responses: by.get(r.id) ?? 0 })) };
}

/** One survey for staff (drafts included). */
export async function getStaffSurvey(options: {
  db: Executor;
  auth: AuthContext | null;
  orgId: string;
  surveyId: string;
}): Promise<SurveyView> {
  requireSurveyStaff(options.auth, options.orgId);
  const [row] = await options.db
    .select()
    .from(surveys)
    .where(inOrg(surveys, options.orgId, eq(surveys.id, options.surveyId)));
  if (!row) throw new AppError('survey.not_found', 404);
  const [n] = await options.db
    .select({ n: count() })
    .from(surveyResponses)
    .where(and(inOrg(surveyResponses, options.orgId, eq(surveyResponses.surveyId, row.id))));
  return toSurveyView(row, { responses: n?.n ?? 0 });
}
