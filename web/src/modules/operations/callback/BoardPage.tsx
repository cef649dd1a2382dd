import './callback.css';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, call } from '../../../app/api.ts';
import { Button } from '../../../ui/Button.tsx';
import { ErrorSummary } from '../../../ui/ErrorSummary.tsx';
import { TextAreaField, TextField } from '../../../ui/Field.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { Loadable } from '../../../ui/Loadable.tsx';
import { Page } from '../../../ui/Page.tsx';
import { Table } from '../../../ui/Table.tsx';
import { useForm } from '../../../ui/useForm.ts';
import { useStaff } from '../../staff/context.ts';
import { CallbackNav, StatusBadge, splitList } from './shared.tsx';

/** A local date-time input value (Quebec) as an ISO instant. */
function toIso(local: string): string {
  return new Date(local).toISOString();
}

/** The needs board: open needs (refreshed live), recent ones, and the form to post a need. */
export function BoardPage() {
  const { t } = useTranslation('callback');
  const { org, base } = useStaff();
  const root = `${base}/modules/operations/callback`;
  const open = useQuery({
    queryKey: ['callback', org.id, 'needs', 'open'],
    queryFn: () =>
      call(
        api.GET('/api/orgs/{orgId}/callback/needs', {
          params: { path: { orgId: org.id }, query: { status: 'open', perPage: 100 } },
        }),
      ),
    refetchInterval: 5000,
  });
  const recent = useQuery({
    queryKey: ['callback', org.id, 'needs', 'recent'],
    queryFn: () =>
      call(
        api.GET('/api/orgs/{orgId}/callback/needs', {
          params: { path: { orgId: org.id }, query: { perPage: 20 } },
        }),
      ),
    refetchInterval: 15000,
  });
  const columns = (withPending: boolean) => [
    {
      key: 'ref',
      header: t('need.reference'),
      rowHeader: true,
      nowrap: true,
      render: (n: { id: string; reference: string }) => (
        <Link to={`${root}/needs/${n.id}`}>{n.reference}</Link>
      ),
    },
    { key: 'class', header: t('need.jobClass'), render: (n: { jobClass: string }) => n.jobClass },
    {
      key: 'start',
      header: t('need.start'),
      nowrap: true,
      render: (n: { startsAt: string }) => formatDateTime(n.startsAt),
    },
    { key: 'place', header: t('need.place'), render: (n: { place: string }) => n.place },
    {
      key: 'status',
      header: t('need.status'),
      render: (n: { status: string; pendingOffers: number; filledByName: string | null }) => (
        <>
          <StatusBadge status={n.status} />{' '}
          {withPending ? t('board.pending', { count: n.pendingOffers }) : (n.filledByName ?? '')}
        </>
      ),
    },
  ];
  return (
    <Page title={t('title')}>
      <CallbackNav base={base} />
      <section aria-labelledby="cb-open">
        <h2 id="cb-open">{t('board.open')}</h2>
        <p className="hint">{t('board.live')}</p>
        <Loadable query={open}>
          {(data) =>
            data.items.length === 0 ? (
              <p>{t('board.none')}</p>
            ) : (
              <Table
                caption={t('board.open')}
                captionHidden
                rows={data.items}
                rowKey={(r) => r.id}
                columns={columns(true)}
              />
            )
          }
        </Loadable>
      </section>
      <PostNeedForm />
      <section aria-labelledby="cb-recent">
        <h2 id="cb-recent">{t('board.recent')}</h2>
        <Loadable query={recent}>
          {(data) => (
            <Table
              caption={t('board.recent')}
              captionHidden
              rows={data.items}
              rowKey={(r) => r.id}
              columns={columns(false)}
            />
          )}
        </Loadable>
      </section>
    </Page>
  );
}

function PostNeedForm() {
  const { t } = useTranslation('callback');
  const { org, base } = useStaff();
  const id = useId();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [urgent, setUrgent] = useState(false);
  const form = useForm(`${id}-need`, {
    jobClass: '',
    startsAt: '',
    endsAt: '',
    place: '',
    qualifications: '',
    note: '',
  });
  const post = useMutation({
    mutationFn: (v: typeof form.values) =>
      call(
        api.POST('/api/orgs/{orgId}/callback/needs', {
          params: { path: { orgId: org.id } },
          body: {
            jobClass: v.jobClass.trim(),
            startsAt: v.startsAt ? toIso(v.startsAt) : '',
            endsAt: v.endsAt ? toIso(v.endsAt) : '',
            place: v.place.trim(),
            qualifications: splitList(v.qualifications),
            urgent,
            note: v.note,
          },
        }),
      ),
  });
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('board.post')}</h2>
      <form
        className="form"
        noValidate
        onSubmit={form.handleSubmit(async (v) => {
          const need = await post.mutateAsync(v);
          await client.invalidateQueries({ queryKey: ['callback', org.id, 'needs'] });
          navigate(`${base}/modules/operations/callback/needs/${need.id}`);
        })}
      >
        <ErrorSummary error={form.error} fields={form.summaryFields()} />
        <TextField {...form.field('jobClass', t('need.jobClass'))} required autoComplete="off" />
        <TextField {...form.field('startsAt', t('need.start'))} type="datetime-local" required />
        <TextField {...form.field('endsAt', t('need.end'))} type="datetime-local" required />
        <TextField {...form.field('place', t('need.place'))} required />
        <TextField
          {...form.field('qualifications', t('need.qualifications'))}
          hint={t('need.qualificationsHint')}
          optional
        />
        <div className="field">
          <label>
            <input type="checkbox" checked={urgent} onChange={(e) => setUrgent(e.target.checked)} />{' '}
            {t('need.urgent')}
          </label>
        </div>
        <TextAreaField {...form.field('note', t('need.note'))} optional rows={2} />
        <Button type="submit" busy={form.pending}>
          {t('board.post')}
        </Button>
      </form>
    </section>
  );
}
