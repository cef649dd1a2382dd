import './callback.css';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, call } from '../../../app/api.ts';
import { Alert } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { ErrorSummary } from '../../../ui/ErrorSummary.tsx';
import { SelectField, TextField } from '../../../ui/Field.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { Loadable } from '../../../ui/Loadable.tsx';
import { Page } from '../../../ui/Page.tsx';
import { Table } from '../../../ui/Table.tsx';
import { useForm } from '../../../ui/useForm.ts';
import { useStaff } from '../../staff/context.ts';
import { CallbackNav, StatusBadge, useCode } from './shared.tsx';

const OUTCOMES = ['accepted', 'refused', 'no_answer', 'message_left'] as const;

/** One need (staff): its round live, phone-call logging, cancelling, and its grievance log. */
export function NeedPage() {
  const { org, base } = useStaff();
  const { needId = '' } = useParams();
  return (
    <NeedView
      orgId={org.id}
      needId={needId}
      nav={<CallbackNav base={base} />}
      backHref={`${base}/modules/operations/callback`}
    />
  );
}

/** A need, its round and its log; staff also get the phone-call and cancel forms (union representatives read). */
export function NeedView({
  orgId,
  needId,
  nav,
  backHref,
}: {
  orgId: string;
  needId: string;
  nav?: ReactNode;
  backHref: string;
}) {
  const { t } = useTranslation('callback');
  const code = useCode();
  const need = useQuery({
    queryKey: ['callback', orgId, 'need', needId],
    queryFn: () =>
      call(api.GET('/api/orgs/{orgId}/callback/needs/{id}', { params: { path: { orgId, id: needId } } })),
    refetchInterval: (q) => (q.state.data?.status === 'open' ? 5000 : false),
  });
  const exportBase = `/api/orgs/${orgId}/callback/needs/${needId}/log`;
  return (
    <Page title={need.data ? `${t('title')} — ${need.data.reference}` : t('title')}>
      {nav}
      <p>
        <Link to={backHref}>{t('need.back')}</Link>
      </p>
      <Loadable query={need}>
        {(n) => (
          <>
            <dl className="callback-facts">
              <dt>{t('need.status')}</dt>
              <dd>
                <StatusBadge status={n.status} />
              </dd>
              <dt>{t('need.jobClass')}</dt>
              <dd>{n.jobClass}</dd>
              <dt>{t('need.start')}</dt>
              <dd>{formatDateTime(n.startsAt)}</dd>
              <dt>{t('need.end')}</dt>
              <dd>{formatDateTime(n.endsAt)}</dd>
              <dt>{t('need.place')}</dt>
              <dd>{n.place}</dd>
              <dt>{t('need.qualifications')}</dt>
              <dd>{n.qualifications.join(', ') || '—'}</dd>
              {n.filledByName && (
                <>
                  <dt>{t('need.filledBy')}</dt>
                  <dd>
                    {n.filledByName} ({formatDateTime(n.filledAt)})
                  </dd>
                </>
              )}
            </dl>
            <section aria-labelledby="cb-offers">
              <h2 id="cb-offers">{t('need.offers')}</h2>
              <div aria-live="polite">
                <Table
                  caption={t('need.offers')}
                  captionHidden
                  rows={n.offers}
                  rowKey={(o) => o.id}
                  columns={[
                    { key: 'rank', header: t('need.rank'), render: (o) => o.rank },
                    {
                      key: 'who',
                      header: t('need.person'),
                      rowHeader: true,
                      render: (o) => `${o.employeeName ?? ''} (${o.employeeNumber ?? ''})`,
                    },
                    {
                      key: 'at',
                      header: t('need.offeredAt'),
                      nowrap: true,
                      render: (o) => formatDateTime(o.offeredAt),
                    },
                    {
                      key: 'until',
                      header: t('need.expiresAt'),
                      nowrap: true,
                      render: (o) => formatDateTime(o.expiresAt),
                    },
                    {
                      key: 'answer',
                      header: t('need.answer'),
                      render: (o) => (
                        <>
                          <StatusBadge status={o.status} />{' '}
                          {o.answeredVia ? `(${code('via', o.answeredVia)})` : ''}
                        </>
                      ),
                    },
                  ]}
                />
              </div>
            </section>
            {n.capacity === 'staff' && n.status === 'open' && (
              <>
                <PhoneCallForm
                  orgId={orgId}
                  needId={n.id}
                  offers={n.offers.filter((o) => o.status === 'pending')}
                />
                <CancelForm orgId={orgId} needId={n.id} />
              </>
            )}
            <section aria-labelledby="cb-log">
              <h2 id="cb-log">{t('need.log')}</h2>
              <p>{t('need.logIntro')}</p>
              {n.chain.ok ? (
                <Alert tone="success">{t('need.chainOk', { count: n.log.length })}</Alert>
              ) : (
                <Alert tone="error">{t('need.chainBroken', { seq: n.chain.brokenAt ?? 0 })}</Alert>
              )}
              <p>
                {t('need.export')} <a href={`${exportBase}.csv`}>CSV</a> ·{' '}
                <a href={`${exportBase}.xlsx`}>XLSX</a> · <a href={`${exportBase}.pdf`}>PDF</a>
              </p>
              <Table
                caption={t('need.log')}
                captionHidden
                rows={n.log}
                rowKey={(l) => String(l.seq)}
                columns={[
                  { key: 'seq', header: '#', render: (l) => l.seq },
                  { key: 'at', header: t('need.when'), nowrap: true, render: (l) => formatDateTime(l.at) },
                  {
                    key: 'kind',
                    header: t('need.event'),
                    rowHeader: true,
                    render: (l) => code('kind', l.kind),
                  },
                  { key: 'rank', header: t('need.rank'), render: (l) => l.rank ?? '' },
                  { key: 'who', header: t('need.person'), render: (l) => l.employeeName ?? '' },
                  {
                    key: 'reason',
                    header: t('need.reason'),
                    render: (l) =>
                      l.kind === 'considered' && !l.reason
                        ? code('reason', 'eligible')
                        : code('reason', l.reason),
                  },
                  {
                    key: 'details',
                    header: t('need.details'),
                    render: (l) => (
                      <span className="callback-details">
                        {Object.keys(l.details).length ? JSON.stringify(l.details) : ''}
                      </span>
                    ),
                  },
                ]}
              />
            </section>
          </>
        )}
      </Loadable>
    </Page>
  );
}

function PhoneCallForm({
  orgId,
  needId,
  offers,
}: {
  orgId: string;
  needId: string;
  offers: Array<{ id: string; employeeName: string | null; rank: number }>;
}) {
  const { t } = useTranslation('callback');
  const code = useCode();
  const id = useId();
  const client = useQueryClient();
  const [done, setDone] = useState(false);
  const form = useForm(`${id}-call`, { offerId: offers[0]?.id ?? '', outcome: 'accepted', note: '' });
  if (offers.length === 0) return null;
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('need.call')}</h2>
      {done && <Alert tone="success">{t('need.callSaved')}</Alert>}
      <form
        className="form"
        onSubmit={form.handleSubmit(async (v) => {
          setDone(false);
          await call(
            api.POST('/api/orgs/{orgId}/callback/offers/{id}/calls', {
              params: { path: { orgId, id: v.offerId || (offers[0]?.id ?? '') } },
              body: { outcome: v.outcome as (typeof OUTCOMES)[number], note: v.note || undefined },
            }),
          );
          setDone(true);
          await client.invalidateQueries({ queryKey: ['callback', orgId, 'need', needId] });
        })}
      >
        <ErrorSummary error={form.error} fields={form.summaryFields()} />
        <SelectField {...form.field('offerId', t('need.person'))}>
          {offers.map((o) => (
            <option key={o.id} value={o.id}>
              {o.rank}. {o.employeeName}
            </option>
          ))}
        </SelectField>
        <SelectField {...form.field('outcome', t('need.callOutcome'))}>
          {OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {code('outcome', o)}
            </option>
          ))}
        </SelectField>
        <TextField {...form.field('note', t('need.callNote'))} optional />
        <Button type="submit" busy={form.pending}>
          {t('need.callSave')}
        </Button>
      </form>
    </section>
  );
}

function CancelForm({ orgId, needId }: { orgId: string; needId: string }) {
  const { t } = useTranslation('callback');
  const id = useId();
  const client = useQueryClient();
  const form = useForm(`${id}-cancel`, { reason: '' });
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('need.cancel')}</h2>
      <form
        className="form"
        onSubmit={form.handleSubmit(async (v) => {
          await call(
            api.POST('/api/orgs/{orgId}/callback/needs/{id}/cancel', {
              params: { path: { orgId, id: needId } },
              body: { reason: v.reason },
            }),
          );
          await client.invalidateQueries({ queryKey: ['callback', orgId] });
        })}
      >
        <ErrorSummary error={form.error} fields={form.summaryFields()} />
        <TextField {...form.field('reason', t('need.cancelReason'))} />
        <Button type="submit" variant="danger" busy={form.pending}>
          {t('need.cancel')}
        </Button>
      </form>
    </section>
  );
}
