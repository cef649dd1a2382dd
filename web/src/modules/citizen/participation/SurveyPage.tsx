import './participation.css';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, api, call } from '../../../app/api.ts';
import { useSession } from '../../../app/session.tsx';
import { Alert } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { errorMessage } from '../../../ui/errors.ts';
import { formatDateTime } from '../../../ui/format.ts';
import { Loadable, Loading } from '../../../ui/Loadable.tsx';
import { Page } from '../../../ui/Page.tsx';
import { QuestionField } from './QuestionField.tsx';
import { ResultsView } from './ResultsView.tsx';
import { type Survey, useBi, useTown, visibleQuestions } from './shared.tsx';

function problemsOf(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const list =
    (error.details as { problems?: Array<{ question: string; code: string }> } | undefined)?.problems ?? [];
  return Object.fromEntries(list.map((p) => [p.question, p.code]));
}

function SurveyForm({ survey, orgId, onDone }: { survey: Survey; orgId: string; onDone: () => void }) {
  const { t } = useTranslation('participation');
  const { t: common } = useTranslation();
  const client = useQueryClient();
  const [answers, setAnswers] = useState<Record<string, unknown>>({});
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const problems = problemsOf(problem);
  const submit = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const shown = new Set(visibleQuestions(survey.questions, answers).map((q) => q.key));
      const kept = Object.fromEntries(Object.entries(answers).filter(([k]) => shown.has(k)));
      await call(
        api.PUT('/api/orgs/{orgId}/citizen/surveys/{id}/my-response', {
          params: { path: { orgId, id: survey.id } },
          body: { answers: kept },
        }),
      );
      onDone();
      await client.invalidateQueries({ queryKey: ['participation', 'surveys'] });
    } catch (caught) {
      setProblem(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      {problem !== null && <Alert tone="error">{errorMessage(problem, common)}</Alert>}
      {visibleQuestions(survey.questions, answers).map((q) => (
        <QuestionField
          key={q.key}
          question={q}
          value={answers[q.key]}
          error={
            problems[q.key]
              ? t(`survey.problem.${problems[q.key]}`, { defaultValue: t('survey.problem.generic') })
              : undefined
          }
          onChange={(v) => setAnswers((a) => ({ ...a, [q.key]: v }))}
        />
      ))}
      <Button type="submit" busy={busy}>
        {t('survey.submit')}
      </Button>
    </form>
  );
}

/** One survey: its introduction, its promise of anonymity, and the form (once per person). */
export function SurveyPage() {
  const { t } = useTranslation('participation');
  const bi = useBi();
  const { signedIn } = useSession();
  const { orgSlug, surveyId } = useParams();
  const { town, loading } = useTown(orgSlug);
  // Kept here, not in the form: the refetch after answering replaces the form with "already answered".
  const [justAnswered, setJustAnswered] = useState(false);
  const query = useQuery({
    queryKey: ['participation', 'surveys', town?.id, surveyId],
    queryFn: () =>
      call(
        api.GET('/api/orgs/{orgId}/citizen/surveys/{id}', {
          params: { path: { orgId: town?.id ?? '', id: surveyId ?? '' } },
        }),
      ),
    enabled: !!town,
  });
  if (loading || !town) return <Loading />;
  return (
    <Loadable query={query}>
      {(survey) => (
        <Page title={bi(survey.title)}>
          <p className="lead">{bi(survey.intro)}</p>
          <p className="muted">
            {t(`surveys.state.${survey.state}`)} ·{' '}
            {t('surveys.closes', { at: formatDateTime(survey.closesAt) })}
          </p>
          {survey.anonymous && <Alert tone="info">{t('survey.anonymity')}</Alert>}
          {survey.resultsPublishedAt && (
            <p>
              <Link to={`/${town.slug}/sondages/${survey.id}/resultats`}>{t('surveys.results')}</Link>
            </p>
          )}
          {survey.state !== 'open' ? (
            <p>{t('survey.closed')}</p>
          ) : !signedIn ? (
            <p>
              <Link to={`/sign-in?next=${encodeURIComponent(`/${town.slug}/sondages/${survey.id}`)}`}>
                {t('survey.signIn')}
              </Link>
            </p>
          ) : justAnswered ? (
            <Alert tone="success">{t('survey.thanks')}</Alert>
          ) : survey.answered ? (
            <Alert tone="success">{t('survey.already')}</Alert>
          ) : survey.eligible === false ? (
            <Alert tone="warning">{t('survey.notEligible')}</Alert>
          ) : (
            <SurveyForm survey={survey} orgId={town.id} onDone={() => setJustAnswered(true)} />
          )}
        </Page>
      )}
    </Loadable>
  );
}

/** A survey's published results. */
export function SurveyResultsPage() {
  const { t } = useTranslation('participation');
  const bi = useBi();
  const { orgSlug, surveyId } = useParams();
  const { town, loading } = useTown(orgSlug);
  const query = useQuery({
    queryKey: ['participation', 'results', town?.id, surveyId],
    queryFn: () =>
      call(
        api.GET('/api/orgs/{orgId}/citizen/surveys/{id}/results', {
          params: { path: { orgId: town?.id ?? '', id: surveyId ?? '' } },
        }),
      ),
    enabled: !!town,
  });
  if (loading || !town) return <Loading />;
  return (
    <Loadable query={query}>
      {(results) => (
        <Page title={t('results.title', { title: bi(results.title) })}>
          <ResultsView results={results} />
        </Page>
      )}
    </Loadable>
  );
}
