import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { AuthContext } from '../../../platform/auth/context.ts';
import { requireAccount } from '../../../platform/auth/policies.ts';
import type { Database } from '../../../platform/db/client.ts';
import { inOrg, scopeOf } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { inAudience } from './audience.ts';
import { type Answers, checkAnswers } from './questions.ts';
import { DAY_ONLY, surveyParticipations, surveyResponses, surveys } from './schema.ts';
import { surveyState } from './survey-view.ts';

/**
 * A person answers a survey, once. Taking part and the answers are written in one transaction: the
 * participation row's unique key (survey, account) decides who answered first, so concurrent submits of
 * one person leave one answer. For an anonymous survey the answer row names nobody, has a random id (a
 * UUIDv7 would carry the instant) and a day-only date, and the participation row has the same, so no
 * column joins or orders one against the other. The route is a PUT (one answer per person is the
 * resource), which keeps the answers out of the idempotency ledger that stores a hash of POST bodies per
 * person. Nothing is written to the audit log: it is the person's own act, not a staff action.
 */
export async function submitResponse(options: {
  db: Database;
  auth: AuthContext | null;
  orgId: string;
  surveyId: string;
  answers: Answers;
}): Promise<{ ok: true }> {
  const who = requireAccount(options.auth);
  const scope = scopeOf(options.orgId);
  const [survey] = await options.db
    .select()
    .from(surveys)
    .where(inOrg(surveys, options.orgId, eq(surveys.id, options.surveyId)));
  if (!survey?.publishedAt) throw new AppError('survey.not_found', 404);
  if (surveyState(survey) !== 'open') throw new AppError('survey.not_open', 422);
  const allowed = await inAudience(options.db, {
    orgId: options.orgId,
    accountId: who.account.id,
    audience: survey.audience,
    postalPrefixes: survey.segmentPostalPrefixes,
  });
  if (!allowed) throw new AppError('survey.not_in_audience', 403);
  const { kept, problems } = checkAnswers(survey.questions, options.answers);
  if (problems.length > 0) throw new AppError('survey.answers_invalid', 422, { details: { problems } });

  await options.db.transaction(async (tx) => {
    const anonymous = survey.anonymous;
    const taken = await tx
      .insert(surveyParticipations)
      .values(
        scope.rows({
          surveyId: survey.id,
          accountId: who.account.id,
          ...(anonymous ? { id: randomUUID(), createdAt: DAY_ONLY } : {}),
        }),
      )
      .onConflictDoNothing()
      .returning({ id: surveyParticipations.id });
    if (taken.length === 0) throw new AppError('survey.already_answered', 409);
    await tx.insert(surveyResponses).values(
      scope.rows({
        surveyId: survey.id,
        answers: kept,
        ...(anonymous
          ? { id: randomUUID(), createdAt: DAY_ONLY, accountId: null }
          : { accountId: who.account.id }),
      }),
    );
  });
  return { ok: true };
}
