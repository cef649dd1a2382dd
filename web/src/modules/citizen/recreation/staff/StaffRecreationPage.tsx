import '../recreation.css';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, call } from '../../../../app/api.ts';
import { Alert } from '../../../../ui/Alert.tsx';
import { Button } from '../../../../ui/Button.tsx';
import { ErrorSummary } from '../../../../ui/ErrorSummary.tsx';
import { SelectField, TextField } from '../../../../ui/Field.tsx';
import { formatDateTime } from '../../../../ui/format.ts';
import { Loadable } from '../../../../ui/Loadable.tsx';
import { Page } from '../../../../ui/Page.tsx';
import { Pagination } from '../../../../ui/Pagination.tsx';
import { Table } from '../../../../ui/Table.tsx';
import { useForm } from '../../../../ui/useForm.ts';
import { useStaff } from '../../../staff/context.ts';
import { useBi, useMoney } from '../shared.tsx';
import { RecreationNav } from './RecreationNav.tsx';

/** A moment typed in a datetime-local field (Quebec time on the staff's computer) as an ISO instant. */
export function localToIso(value: string): string {
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : d.toISOString();
}

function SeasonForm({ orgId, onDone }: { orgId: string; onDone: (message: string) => void }) {
  const { t } = useTranslation('citizen');
  const client = useQueryClient();
  const form = useForm('season', {
    nameFr: '',
    nameEn: '',
    startsOn: '',
    endsOn: '',
    residentOpensAt: '',
    nonResidentOpensAt: '',
    closesAt: '',
    secondChildPercent: '10',
    waitingRoomPerMinute: '',
  });
  const submit = form.handleSubmit(async (v) => {
    const percent = Number(v.secondChildPercent);
    await call(
      api.POST('/api/citizen/orgs/{orgId}/staff/seasons', {
        params: { path: { orgId } },
        body: {
          nameFr: v.nameFr,
          nameEn: v.nameEn,
          startsOn: v.startsOn,
          endsOn: v.endsOn,
          residentOpensAt: localToIso(v.residentOpensAt),
          nonResidentOpensAt: localToIso(v.nonResidentOpensAt),
          closesAt: localToIso(v.closesAt),
          familyDiscounts: percent > 0 ? [{ nth: 2, percent }] : [],
          waitingRoom: v.waitingRoomPerMinute
            ? {
                perMinute: Number(v.waitingRoomPerMinute),
                from: new Date(Date.parse(localToIso(v.residentOpensAt)) - 30 * 60_000).toISOString(),
                until: new Date(Date.parse(localToIso(v.residentOpensAt)) + 4 * 3600_000).toISOString(),
              }
            : null,
        },
      }),
    );
    await client.invalidateQueries({ queryKey: ['citizen'] });
    onDone(t('registrations.staff.seasonCreated', { name: v.nameFr }));
  });
  return (
    <form className="form" onSubmit={submit} noValidate>
      <ErrorSummary error={form.error} fields={form.summaryFields()} />
      <TextField {...form.field('nameFr', t('registrations.staff.nameFr'))} />
      <TextField {...form.field('nameEn', t('registrations.staff.nameEn'))} />
      <TextField
        {...form.field('startsOn', t('registrations.staff.startsOn'))}
        type="date"
        inputSize="short"
      />
      <TextField {...form.field('endsOn', t('registrations.staff.endsOn'))} type="date" inputSize="short" />
      <TextField
        {...form.field('residentOpensAt', t('registrations.staff.residentOpensAt'))}
        type="datetime-local"
      />
      <TextField
        {...form.field('nonResidentOpensAt', t('registrations.staff.nonResidentOpensAt'))}
        type="datetime-local"
      />
      <TextField {...form.field('closesAt', t('registrations.staff.closesAt'))} type="datetime-local" />
      <TextField
        {...form.field('secondChildPercent', t('registrations.staff.secondChildPercent'))}
        inputMode="numeric"
        inputSize="short"
      />
      <TextField
        {...form.field('waitingRoomPerMinute', t('registrations.staff.waitingRoomPerMinute'))}
        hint={t('registrations.staff.waitingRoomHint')}
        optional
        inputMode="numeric"
        inputSize="short"
      />
      <Button type="submit" busy={form.pending}>
        {t('registrations.staff.createSeason')}
      </Button>
    </form>
  );
}

/** Recreation back-office: seasons, each season's activities with their fill rate, and a new season. */
export function StaffRecreationPage() {
  const { t } = useTranslation('citizen');
  const bi = useBi();
  const money = useMoney();
  const id = useId();
  const { org, base } = useStaff();
  const [params, setParams] = useSearchParams();
  const [message, setMessage] = useState('');
  const [adding, setAdding] = useState(false);
  const seasons = useQuery({
    queryKey: ['citizen', 'seasons', org.id],
    queryFn: () =>
      call(api.GET('/api/citizen/orgs/{orgId}/seasons', { params: { path: { orgId: org.id } } })),
  });
  const seasonId = params.get('season') ?? seasons.data?.[0]?.id ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const activities = useQuery({
    queryKey: ['citizen', 'staff-activities', org.id, seasonId, page],
    queryFn: () =>
      call(
        api.GET('/api/citizen/orgs/{orgId}/staff/activities', {
          params: { path: { orgId: org.id }, query: { seasonId: seasonId || undefined, page, perPage: 50 } },
        }),
      ),
    enabled: seasons.isSuccess,
    placeholderData: keepPreviousData,
  });
  const root = `${base}/modules/recreation`;
  return (
    <Page title={t('registrations.staff.title')}>
      <RecreationNav />
      {message && <Alert tone="success">{message}</Alert>}
      <Loadable query={seasons}>
        {(list) => (
          <>
            {list.length > 0 && (
              <SelectField
                id={`${id}-season`}
                label={t('registrations.staff.season')}
                value={seasonId}
                onChange={(e) => setParams({ season: e.target.value })}
              >
                {list.map((s) => (
                  <option key={s.id} value={s.id}>
                    {bi(s.name)}
                  </option>
                ))}
              </SelectField>
            )}
            {list
              .filter((s) => s.id === seasonId)
              .map((s) => (
                <p key={s.id} className="muted">
                  {t('registrations.staff.windowsLine', {
                    residents: formatDateTime(s.residentOpensAt),
                    others: formatDateTime(s.nonResidentOpensAt),
                    closes: formatDateTime(s.closesAt),
                  })}
                </p>
              ))}
          </>
        )}
      </Loadable>
      <p className="btn-row">
        <Link
          className="btn btn--primary"
          to={`${root}/activities/new${seasonId ? `?season=${seasonId}` : ''}`}
        >
          {t('registrations.staff.newActivity')}
        </Link>
        <a
          href={`/api/citizen/orgs/${org.id}/staff/activities/export?format=csv${seasonId ? `&seasonId=${seasonId}` : ''}`}
        >
          {t('registrations.staff.exportCsv')}
        </a>
        <a
          href={`/api/citizen/orgs/${org.id}/staff/activities/export?format=xlsx${seasonId ? `&seasonId=${seasonId}` : ''}`}
        >
          {t('registrations.staff.exportXlsx')}
        </a>
      </p>
      <Loadable query={activities}>
        {(data) => (
          <>
            <Table
              caption={t('registrations.staff.activitiesCaption')}
              rows={data.items}
              rowKey={(a) => a.id}
              columns={[
                {
                  key: 'title',
                  header: t('registrations.staff.activity'),
                  rowHeader: true,
                  render: (a) => (
                    <Link to={`${root}/activities/${a.id}`}>{`${a.code} — ${bi(a.title)}`}</Link>
                  ),
                },
                {
                  key: 'status',
                  header: t('registrations.staff.status'),
                  render: (a) =>
                    t(
                      `registrations.staff.activityStatuses.${a.status as 'draft' | 'published' | 'cancelled'}`,
                    ),
                },
                {
                  key: 'fill',
                  header: t('registrations.staff.fill'),
                  nowrap: true,
                  render: (a) => `${a.taken} / ${a.capacity}`,
                },
                {
                  key: 'waitlist',
                  header: t('registrations.staff.waitlisted'),
                  render: (a) => String(a.waitlisted),
                },
                {
                  key: 'revenue',
                  header: t('registrations.staff.revenue'),
                  nowrap: true,
                  render: (a) => money(a.revenueCents),
                },
                {
                  key: 'lists',
                  header: t('registrations.staff.lists'),
                  render: (a) => (
                    <Link to={`${root}/activities/${a.id}/registrations`}>
                      {t('registrations.staff.attendance')}
                    </Link>
                  ),
                },
              ]}
            />
            <Pagination
              page={data.page}
              perPage={data.perPage}
              total={data.total}
              hrefFor={(p) => `?${new URLSearchParams({ season: seasonId, page: String(p) })}`}
            />
          </>
        )}
      </Loadable>
      <h2>{t('registrations.staff.newSeason')}</h2>
      {adding ? (
        <SeasonForm
          orgId={org.id}
          onDone={(m) => {
            setAdding(false);
            setMessage(m);
          }}
        />
      ) : (
        <Button variant="secondary" onClick={() => setAdding(true)}>
          {t('registrations.staff.createSeason')}
        </Button>
      )}
    </Page>
  );
}
