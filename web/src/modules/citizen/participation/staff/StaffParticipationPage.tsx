import '../participation.css';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, call } from '../../../../app/api.ts';
import { useOrgs } from '../../../../app/org.tsx';
import { Alert } from '../../../../ui/Alert.tsx';
import { Button } from '../../../../ui/Button.tsx';
import { errorMessage } from '../../../../ui/errors.ts';
import { formatDateTime } from '../../../../ui/format.ts';
import { Loadable, Loading } from '../../../../ui/Loadable.tsx';
import { Page } from '../../../../ui/Page.tsx';
import { Table } from '../../../../ui/Table.tsx';
import { ResultsView } from '../ResultsView.tsx';
import { useBi } from '../shared.tsx';
import { ConsultationDesk } from './ConsultationDesk.tsx';
import { ModerationQueue } from './ModerationQueue.tsx';
import { NewsletterDesk } from './NewsletterDesk.tsx';
import { ParticipationCharts } from './ParticipationCharts.tsx';
import { SurveyBuilder } from './SurveyBuilder.tsx';

function Results({ orgId, surveyId }: { orgId: string; surveyId: string }) {
  const query = useQuery({
    queryKey: ['participation', 'staff-results', orgId, surveyId],
    queryFn: () =>
      call(
        api.GET('/api/orgs/{orgId}/citizen/staff/surveys/{id}/results', {
          params: { path: { orgId, id: surveyId } },
        }),
      ),
  });
  return <Loadable query={query}>{(results) => <ResultsView results={results} />}</Loadable>;
}

/** The clerk's participation desk: surveys (builder, publication, live results, exports) and newsletters. */
export function StaffParticipationPage() {
  const { t } = useTranslation('participation');
  const { t: common } = useTranslation();
  const bi = useBi();
  const client = useQueryClient();
  const { orgSlug } = useParams();
  const { orgs } = useOrgs();
  const org = orgs.find((o) => o.slug === orgSlug);
  const [building, setBuilding] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const surveys = useQuery({
    queryKey: ['participation', 'staff-surveys', org?.id],
    queryFn: () =>
      call(
        api.GET('/api/orgs/{orgId}/citizen/staff/surveys', { params: { path: { orgId: org?.id ?? '' } } }),
      ),
    enabled: !!org,
  });
  if (!org) return <Loading />;
  const publish = async (id: string, what: 'survey' | 'results', published: boolean) => {
    setProblem(null);
    try {
      await call(
        api.POST('/api/orgs/{orgId}/citizen/staff/surveys/{id}/publication', {
          params: { path: { orgId: org.id, id } },
          body: { what, published },
        }),
      );
      await client.invalidateQueries({ queryKey: ['participation', 'staff-surveys'] });
    } catch (caught) {
      setProblem(caught);
    }
  };
  return (
    <Page title={t('staff.title')}>
      {problem !== null && <Alert tone="error">{errorMessage(problem, common)}</Alert>}
      <h2>{t('staff.surveys')}</h2>
      {building ? (
        <SurveyBuilder
          orgId={org.id}
          onSaved={() => {
            setBuilding(false);
            void client.invalidateQueries({ queryKey: ['participation', 'staff-surveys'] });
          }}
        />
      ) : (
        <p>
          <Button onClick={() => setBuilding(true)}>{t('staff.newSurvey')}</Button>
        </p>
      )}
      <Loadable query={surveys}>
        {({ items }) => (
          <Table
            caption={t('staff.surveys')}
            captionHidden
            rows={items}
            rowKey={(s) => s.id}
            columns={[
              { key: 'title', header: t('staff.survey'), rowHeader: true, render: (s) => bi(s.title) },
              { key: 'state', header: t('staff.state'), render: (s) => t(`surveys.state.${s.state}`) },
              {
                key: 'closes',
                header: t('staff.closes'),
                nowrap: true,
                render: (s) => formatDateTime(s.closesAt),
              },
              { key: 'responses', header: t('staff.responses'), render: (s) => String(s.responses ?? 0) },
              {
                key: 'actions',
                header: t('staff.actions'),
                render: (s) => (
                  <div className="inline-actions">
                    <Button variant="secondary" onClick={() => void publish(s.id, 'survey', !s.publishedAt)}>
                      {s.publishedAt ? t('staff.unpublish') : t('staff.publish')}
                    </Button>
                    <Button
                      variant="secondary"
                      onClick={() => void publish(s.id, 'results', !s.resultsPublishedAt)}
                    >
                      {s.resultsPublishedAt ? t('staff.hideResults') : t('staff.publishResults')}
                    </Button>
                    <Button
                      variant="link"
                      aria-expanded={open === s.id}
                      onClick={() => setOpen(open === s.id ? null : s.id)}
                    >
                      {t('staff.results', { title: bi(s.title) })}
                    </Button>
                    <a href={`/api/orgs/${org.id}/citizen/staff/surveys/${s.id}/results.csv`}>CSV</a>
                    <a href={`/api/orgs/${org.id}/citizen/staff/surveys/${s.id}/results.xlsx`}>XLSX</a>
                  </div>
                ),
              },
            ]}
          />
        )}
      </Loadable>
      {open && <Results orgId={org.id} surveyId={open} />}
      <ConsultationDesk orgId={org.id} orgSlug={org.slug} />
      <ModerationQueue orgId={org.id} />
      <ParticipationCharts orgId={org.id} />
      <NewsletterDesk orgId={org.id} />
    </Page>
  );
}
