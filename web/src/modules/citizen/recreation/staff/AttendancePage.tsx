import '../recreation.css';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { api, call } from '../../../../app/api.ts';
import { Alert } from '../../../../ui/Alert.tsx';
import { Button } from '../../../../ui/Button.tsx';
import { ConfirmDialog } from '../../../../ui/Dialog.tsx';
import { errorMessage } from '../../../../ui/errors.ts';
import { formatDate } from '../../../../ui/format.ts';
import { Loadable } from '../../../../ui/Loadable.tsx';
import { Page } from '../../../../ui/Page.tsx';
import { Pagination } from '../../../../ui/Pagination.tsx';
import { Table } from '../../../../ui/Table.tsx';
import { useStaff } from '../../../staff/context.ts';
import { useBi, useMoney } from '../shared.tsx';
import { RecreationNav } from './RecreationNav.tsx';

const VIEWS = {
  attendance: ['confirmed'],
  waitlist: ['waitlisted', 'offered'],
  all: [],
} as const;
type View = keyof typeof VIEWS;

/** An activity's attendance list (printable, CSV/XLSX), its waitlist in order, and cancellations with refund. */
export function AttendancePage() {
  const { t } = useTranslation('citizen');
  const { t: common } = useTranslation();
  const bi = useBi();
  const money = useMoney();
  const client = useQueryClient();
  const { activityId = '' } = useParams();
  const { org } = useStaff();
  const [params, setParams] = useSearchParams();
  const view: View = (params.get('view') as View) in VIEWS ? (params.get('view') as View) : 'attendance';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [message, setMessage] = useState('');
  const [cancelling, setCancelling] = useState<{ id: string; name: string } | null>(null);
  const query = useQuery({
    queryKey: ['citizen', 'attendance', org.id, activityId, view, page],
    queryFn: () =>
      call(
        api.GET('/api/citizen/orgs/{orgId}/staff/activities/{activityId}/registrations', {
          params: {
            path: { orgId: org.id, activityId },
            query: { status: [...VIEWS[view]], page, perPage: 200 },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  const cancel = useMutation({
    mutationFn: (registrationId: string) =>
      call(
        api.POST('/api/citizen/orgs/{orgId}/staff/registrations/{registrationId}/cancel', {
          params: { path: { orgId: org.id, registrationId } },
          body: { refund: true },
        }),
      ),
    onSuccess: async (done) => {
      setCancelling(null);
      setMessage(t('registrations.staff.cancelledRefund', { amount: money(done.refundCents) }));
      await client.invalidateQueries({ queryKey: ['citizen'] });
    },
  });
  const exportHref = (format: 'csv' | 'xlsx') =>
    `/api/citizen/orgs/${org.id}/staff/activities/${activityId}/registrations/export?format=${format}${VIEWS[view].map((s) => `&status=${s}`).join('')}`;
  return (
    <Loadable query={query}>
      {(data) => (
        <Page title={t('registrations.staff.attendanceTitle', { title: bi(data.activity.title) })}>
          <RecreationNav />
          <p className="btn-row no-print">
            {(Object.keys(VIEWS) as View[]).map((v) => (
              <Button
                key={v}
                variant={v === view ? 'primary' : 'secondary'}
                aria-pressed={v === view}
                onClick={() => setParams({ view: v })}
              >
                {t(`registrations.staff.views.${v}`)}
              </Button>
            ))}
          </p>
          <p className="btn-row no-print">
            <Button variant="secondary" onClick={() => window.print()}>
              {t('registrations.staff.print')}
            </Button>
            <a href={exportHref('csv')}>{t('registrations.staff.exportCsv')}</a>
            <a href={exportHref('xlsx')}>{t('registrations.staff.exportXlsx')}</a>
          </p>
          {message && <Alert tone="success">{message}</Alert>}
          {cancel.error && <Alert tone="error">{errorMessage(cancel.error, common)}</Alert>}
          <Table
            caption={t(`registrations.staff.views.${view}`)}
            rows={data.items}
            rowKey={(r) => r.id}
            columns={[
              {
                key: 'rank',
                header: t('registrations.staff.rank'),
                render: (r) => String(r.waitlistPosition ?? data.items.indexOf(r) + 1),
              },
              {
                key: 'name',
                header: t('registrations.staff.participant'),
                rowHeader: true,
                render: (r) => `${r.familyName}, ${r.givenName}`,
              },
              {
                key: 'born',
                header: t('registrations.staff.born'),
                nowrap: true,
                render: (r) => formatDate(r.birthDate),
              },
              {
                key: 'age',
                header: t('registrations.staff.age'),
                render: (r) => (r.ageAtReference === null ? '—' : String(r.ageAtReference)),
              },
              {
                key: 'status',
                header: t('registrations.staff.status'),
                render: (r) => t(`registrations.statuses.${r.status}`),
              },
              {
                key: 'guardian',
                header: t('registrations.staff.guardian'),
                render: (r) =>
                  r.guardian ? `${r.guardian.name} — ${r.guardian.phone ?? r.guardian.email ?? ''}` : '—',
              },
              {
                key: 'actions',
                header: t('registrations.actions'),
                render: (r) =>
                  ['confirmed', 'pending_payment', 'waitlisted', 'offered'].includes(r.status) ? (
                    <Button
                      variant="secondary"
                      onClick={() => setCancelling({ id: r.id, name: `${r.givenName} ${r.familyName}` })}
                      aria-label={t('registrations.cancelNamed', { name: `${r.givenName} ${r.familyName}` })}
                    >
                      {t('registrations.cancel')}
                    </Button>
                  ) : null,
              },
            ]}
          />
          <Pagination
            page={data.page}
            perPage={data.perPage}
            total={data.total}
            hrefFor={(p) => `?view=${view}&page=${p}`}
          />
          {cancelling && (
            <ConfirmDialog
              open
              danger
              title={t('registrations.cancelTitle')}
              confirmLabel={t('registrations.cancel')}
              busy={cancel.isPending}
              onConfirm={() => cancel.mutate(cancelling.id)}
              onCancel={() => setCancelling(null)}
            >
              <p>{t('registrations.staff.cancelText', { name: cancelling.name })}</p>
            </ConfirmDialog>
          )}
        </Page>
      )}
    </Loadable>
  );
}
