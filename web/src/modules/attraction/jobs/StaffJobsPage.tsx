import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, call } from '../../../app/api.ts';
import { useOrgs } from '../../../app/org.tsx';
import { Alert } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { BarChart } from '../../../ui/charts/index.ts';
import { errorMessage } from '../../../ui/errors.ts';
import { TextField } from '../../../ui/Field.tsx';
import { Loading } from '../../../ui/Loadable.tsx';
import { Page } from '../../../ui/Page.tsx';
import { Table } from '../../../ui/Table.tsx';
import './jobs.css';

const TOTALS = [
  'candidates',
  'candidatesOpenToMatching',
  'companies',
  'matches',
  'candidateInterest',
  'employerInterest',
  'mutualInterests',
  'hiresReported',
] as const;

/** MRC staff: companies and offers to moderate, and the portal's statistics as charts with tables. */
export function StaffJobsPage() {
  const { t } = useTranslation('attraction');
  const { t: common } = useTranslation();
  const { orgSlug } = useParams();
  const { orgs, loading } = useOrgs();
  const org = orgs.find((o) => o.slug === orgSlug);
  const orgId = org?.id ?? '';
  const client = useQueryClient();
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const queue = useQuery({
    queryKey: ['attraction', orgId, 'moderation'],
    queryFn: () =>
      call(api.GET('/api/orgs/{orgId}/attraction/staff/moderation', { params: { path: { orgId } } })),
    enabled: !!orgId,
  });
  const stats = useQuery({
    queryKey: ['attraction', orgId, 'stats'],
    queryFn: () => call(api.GET('/api/orgs/{orgId}/attraction/staff/stats', { params: { path: { orgId } } })),
    enabled: !!orgId,
  });
  const refresh = () => client.invalidateQueries({ queryKey: ['attraction', orgId] });
  const company = useMutation({
    mutationFn: (v: { id: string; decision: 'approve' | 'suspend' }) =>
      call(
        api.POST('/api/orgs/{orgId}/attraction/staff/companies/{companyId}/moderate', {
          params: { path: { orgId, companyId: v.id } },
          body: { decision: v.decision },
        }),
      ),
    onSuccess: refresh,
  });
  const offer = useMutation({
    mutationFn: (v: { id: string; decision: 'publish' | 'reject' }) =>
      call(
        api.POST('/api/orgs/{orgId}/attraction/staff/offers/{offerId}/moderate', {
          params: { path: { orgId, offerId: v.id } },
          body:
            v.decision === 'reject'
              ? { decision: v.decision, note: reasons[v.id] ?? '' }
              : { decision: v.decision },
        }),
      ),
    onSuccess: refresh,
  });
  if (loading || !org || queue.isLoading) return <Loading />;
  const error = company.error ?? offer.error ?? queue.error;
  const s = stats.data;
  return (
    <Page title={t('staff.title')}>
      {error && <Alert tone="error">{errorMessage(error, common)}</Alert>}
      <h2>{t('staff.moderation')}</h2>
      <h3>{t('staff.pendingCompanies')}</h3>
      {queue.data?.companies.length ? (
        <ul>
          {queue.data.companies.map((c) => (
            <li key={c.id} className="jobs-card">
              <strong>{c.name}</strong> — SCIAN {c.naicsCode} — {c.members.map((m) => m.name).join(', ')}
              <div className="jobs-actions">
                <Button
                  busy={company.isPending}
                  onClick={() => company.mutate({ id: c.id, decision: 'approve' })}
                >
                  {t('staff.approve')}
                </Button>
                <Button
                  variant="secondary"
                  busy={company.isPending}
                  onClick={() => company.mutate({ id: c.id, decision: 'suspend' })}
                >
                  {t('staff.suspend')}
                </Button>
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('staff.none')}</p>
      )}
      <h3>{t('staff.pendingOffers')}</h3>
      {queue.data?.offers.length ? (
        queue.data.offers.map((o) => (
          <article key={o.id} className="jobs-card" aria-labelledby={`mod-${o.id}`}>
            <h4 id={`mod-${o.id}`}>
              {o.title} — {o.companyName}
            </h4>
            <p>
              {o.nocCode} {o.nocTitle.fr} — {o.municipality.fr}
            </p>
            <p>{o.description}</p>
            <TextField
              id={`reason-${o.id}`}
              label={t('staff.reason')}
              value={reasons[o.id] ?? ''}
              onChange={(e) => setReasons({ ...reasons, [o.id]: e.target.value })}
            />
            <div className="jobs-actions">
              <Button busy={offer.isPending} onClick={() => offer.mutate({ id: o.id, decision: 'publish' })}>
                {t('staff.publish')}
              </Button>
              <Button
                variant="secondary"
                busy={offer.isPending}
                onClick={() => offer.mutate({ id: o.id, decision: 'reject' })}
              >
                {t('staff.reject')}
              </Button>
            </div>
          </article>
        ))
      ) : (
        <p>{t('staff.none')}</p>
      )}
      <h2>{t('staff.stats')}</h2>
      <p>
        <a className="jobs-block-link" href={`/api/orgs/${orgId}/attraction/staff/stats.csv`} download>
          {t('staff.export')}
        </a>
      </p>
      {s && (
        <>
          <Table
            caption={t('staff.totals')}
            rows={TOTALS.map((k) => ({ key: k, value: s.totals[k] ?? 0 }))}
            rowKey={(r) => r.key}
            columns={[
              {
                key: 'label',
                header: t('staff.label'),
                rowHeader: true,
                render: (r) => t(`staff.total.${r.key}`),
              },
              { key: 'value', header: t('staff.count'), render: (r) => r.value },
            ]}
          />
          <BarChart
            title={t('staff.byOrigin')}
            data={s.candidatesByOrigin.map((r) => ({ label: r.label, value: r.count }))}
            valueLabel={t('staff.count')}
            labelHeader={t('staff.label')}
            orientation="horizontal"
          />
          <BarChart
            title={t('staff.byOccupation')}
            data={s.candidatesByOccupation.map((r) => ({ label: `${r.key} ${r.label}`, value: r.count }))}
            valueLabel={t('staff.count')}
            labelHeader={t('staff.label')}
            orientation="horizontal"
          />
          <BarChart
            title={t('staff.bySector')}
            data={s.offersBySector.map((r) => ({ label: `${r.key} ${r.label}`, value: r.count }))}
            valueLabel={t('staff.count')}
            labelHeader={t('staff.label')}
            orientation="horizontal"
          />
        </>
      )}
    </Page>
  );
}
