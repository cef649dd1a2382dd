import './portal.css';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, call } from '../../app/api.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { errorMessage } from '../../ui/errors.ts';
import { TextAreaField } from '../../ui/Field.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { Loadable, Loading } from '../../ui/Loadable.tsx';
import { Page } from '../../ui/Page.tsx';
import { DocumentUpload } from './DocumentUpload.tsx';
import { ClockLine, FileTimeline } from './FileTimeline.tsx';
import { PayPanel } from './PayPanel.tsx';
import { type PermitFile, StatusBadge, useBilingual, useMoney, useTown } from './shared.tsx';

/** One of the person's files: its step, payment, requests for information, and the permit once issued. */
export function ApplicationPage() {
  const { t } = useTranslation('portal');
  const { t: common } = useTranslation();
  const { orgSlug, id: fileId } = useParams();
  const { town, loading } = useTown(orgSlug);
  const client = useQueryClient();
  const bi = useBilingual();
  const money = useMoney();
  const id = useId();
  const orgId = town?.id ?? '';
  const queryKey = ['portal', orgId, 'my-permit', fileId];
  const file = useQuery({
    queryKey,
    queryFn: () =>
      call(
        api.GET('/api/orgs/{orgId}/portal/permits/applications/{id}', {
          params: { path: { orgId, id: fileId ?? '' } },
        }),
      ),
    enabled: !!orgId && !!fileId,
  });
  const types = useQuery({
    queryKey: ['portal', orgId, 'permit-types'],
    queryFn: () => call(api.GET('/api/orgs/{orgId}/portal/permits/types', { params: { path: { orgId } } })),
    enabled: !!orgId,
  });
  const [answer, setAnswer] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (loading || !town) return <Loading />;
  const update = (next: PermitFile) => client.setQueryData(queryKey, next);
  const act = async (run: () => Promise<PermitFile>) => {
    setBusy(true);
    setProblem(null);
    try {
      update(await run());
    } catch (caught) {
      setProblem(errorMessage(caught, common));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Loadable query={file}>
      {(f) => {
        const type = types.data?.items.find((x) => x.id === f.type.id);
        return (
          <Page title={t('file.title', { reference: f.reference })}>
            <p className="lead">
              {bi(f.type.name)} · <StatusBadge status={f.status} label={t(`status.${f.status}`)} />
            </p>
            {problem && <Alert tone="error">{problem}</Alert>}
            <dl className="portal-facts">
              <dt>{t('permits.address')}</dt>
              <dd>{f.property.address ?? '—'}</dd>
              <dt>{t('roll.matricule')}</dt>
              <dd>{f.property.matricule ?? '—'}</dd>
              <dt>{t('file.fee')}</dt>
              <dd>{money(f.feeCents)}</dd>
              <dt>{t('file.submitted')}</dt>
              <dd>{formatDateTime(f.submittedAt)}</dd>
            </dl>
            <ClockLine file={f} />
            {f.status === 'awaiting_payment' && f.order && (
              <PayPanel
                orderId={f.order.id}
                orgId={orgId}
                amountCents={f.order.totalCents}
                onPaid={() => void file.refetch()}
              />
            )}
            {f.status === 'acknowledged' && <Alert tone="success">{t('file.acknowledged')}</Alert>}
            {f.status === 'refused' && (
              <Alert tone="error" title={t('file.refused')}>
                <p>{f.refusalReason}</p>
              </Alert>
            )}
            {f.permit && (
              <section aria-labelledby={`${id}-permit`} className="card">
                <h2 id={`${id}-permit`}>{t('file.permit', { number: f.permit.number })}</h2>
                <p>{t('file.validUntil', { date: formatDateTime(f.permit.expiresAt) })}</p>
                {f.permit.conditions && <p>{t('file.conditions', { conditions: f.permit.conditions })}</p>}
                <p>
                  <a href={`/api/orgs/${orgId}/portal/permits/applications/${f.id}/permit.pdf`}>
                    {t('file.downloadPdf')}
                  </a>
                  {f.permit.verificationPath && (
                    <>
                      {' · '}
                      <Link to={f.permit.verificationPath}>{t('file.verify')}</Link>
                    </>
                  )}
                </p>
              </section>
            )}
            {f.status === 'info_requested' && (
              <section aria-labelledby={`${id}-info`} className="card">
                <h2 id={`${id}-info`}>{t('file.infoRequested')}</h2>
                <p>
                  <q>{[...f.events].reverse().find((e) => e.toStatus === 'info_requested')?.message}</q>
                </p>
                {type && <DocumentUpload orgId={orgId} file={f} type={type} onChange={update} />}
                <form
                  className="form"
                  onSubmit={(event) => {
                    event.preventDefault();
                    void act(() =>
                      call(
                        api.POST('/api/orgs/{orgId}/portal/permits/applications/{id}/answer', {
                          params: { path: { orgId, id: f.id } },
                          body: { message: answer },
                        }),
                      ),
                    );
                  }}
                >
                  <TextAreaField
                    id={`${id}-answer`}
                    label={t('file.answer')}
                    value={answer}
                    onChange={(e) => setAnswer(e.target.value)}
                  />
                  <Button type="submit" busy={busy}>
                    {t('file.sendAnswer')}
                  </Button>
                </form>
              </section>
            )}
            <h2>{t('file.history')}</h2>
            <FileTimeline file={f} />
            {f.documents.length > 0 && (
              <>
                <h2>{t('file.documents')}</h2>
                <ul>
                  {f.documents.map((d) => (
                    <li key={d.id}>{d.name}</li>
                  ))}
                </ul>
              </>
            )}
            {f.allowedActions.includes('withdraw') && (
              <p>
                <Button
                  variant="danger"
                  busy={busy}
                  onClick={() =>
                    void act(() =>
                      call(
                        api.POST('/api/orgs/{orgId}/portal/permits/applications/{id}/withdraw', {
                          params: { path: { orgId, id: f.id } },
                        }),
                      ),
                    )
                  }
                >
                  {t('file.withdraw')}
                </Button>
              </p>
            )}
            <p>
              <Link to={`/${town.slug}/permits`}>{t('nav.permits')}</Link>
            </p>
          </Page>
        );
      }}
    </Loadable>
  );
}
