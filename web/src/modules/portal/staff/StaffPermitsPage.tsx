import '../portal.css';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, call } from '../../../app/api.ts';
import { SelectField, TextField } from '../../../ui/Field.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { Loadable } from '../../../ui/Loadable.tsx';
import { Page } from '../../../ui/Page.tsx';
import { Pagination } from '../../../ui/Pagination.tsx';
import { Table } from '../../../ui/Table.tsx';
import { useStaff } from '../../staff/context.ts';
import { StatusBadge, useBilingual } from '../shared.tsx';

const STATUSES = [
  'submitted',
  'info_requested',
  'under_review',
  'inspection_scheduled',
  'issued',
  'refused',
  'final_inspection_scheduled',
  'closed',
  'expired',
  'withdrawn',
  'acknowledged',
  'awaiting_payment',
] as const;
type Status = (typeof STATUSES)[number];

/** The organisation's permit files: filters, time on the legal clock, export. */
export function StaffPermitsPage() {
  const { t } = useTranslation('portal');
  const { org, base } = useStaff();
  const bi = useBilingual();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const status = STATUSES.find((s) => s === params.get('status')) as Status | undefined;
  const q = params.get('q') ?? '';
  const list = useQuery({
    queryKey: ['portal', org.id, 'staff-permits', page, status, q],
    queryFn: () =>
      call(
        api.GET('/api/orgs/{orgId}/portal/permits/staff/applications', {
          params: {
            path: { orgId: org.id },
            query: { page, perPage: 50, ...(status ? { status } : {}), ...(q ? { q } : {}) },
          },
        }),
      ),
  });
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    next.delete('page');
    setParams(next);
  };
  const filters = new URLSearchParams({ ...(status ? { status } : {}), ...(q ? { q } : {}) }).toString();
  return (
    <Page title={t('staff.files')}>
      <search>
        <form className="form" onSubmit={(event) => event.preventDefault()}>
          <SelectField
            id={`${id}-status`}
            label={t('permits.status')}
            value={status ?? ''}
            onChange={(e) => set('status', e.target.value)}
          >
            <option value="">{t('staff.allSteps')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            id={`${id}-q`}
            label={t('staff.search')}
            defaultValue={q}
            onBlur={(e) => set('q', e.target.value.trim())}
          />
        </form>
      </search>
      <p>
        {t('staff.export')}{' '}
        <a href={`/api/orgs/${org.id}/portal/permits/staff/applications/export.csv?${filters}`}>CSV</a> ·{' '}
        <a href={`/api/orgs/${org.id}/portal/permits/staff/applications/export.xlsx?${filters}`}>XLSX</a>
      </p>
      <Loadable query={list}>
        {(data) => (
          <>
            <Table
              caption={t('staff.files')}
              captionHidden
              rows={data.items}
              rowKey={(r) => r.id}
              columns={[
                {
                  key: 'ref',
                  header: t('permits.reference'),
                  rowHeader: true,
                  nowrap: true,
                  render: (r) => (
                    <Link to={`${base}/modules/urban_planning/permits/${r.id}`}>{r.reference}</Link>
                  ),
                },
                { key: 'type', header: t('permits.type'), render: (r) => bi(r.type) },
                { key: 'address', header: t('permits.address'), render: (r) => r.address ?? '—' },
                {
                  key: 'status',
                  header: t('permits.status'),
                  render: (r) => <StatusBadge status={r.status} label={t(`status.${r.status}`)} />,
                },
                {
                  key: 'received',
                  header: t('file.submitted'),
                  nowrap: true,
                  render: (r) => formatDateTime(r.submittedAt),
                },
                {
                  key: 'clock',
                  header: t('staff.clock'),
                  nowrap: true,
                  render: (r) =>
                    r.kind === 'permit'
                      ? `${r.elapsedBusinessDays} / ${r.legalDelayDays}${r.overdue ? ` — ${t('staff.late')}` : ''}`
                      : '—',
                },
              ]}
            />
            <Pagination
              page={data.page}
              perPage={data.perPage}
              total={data.total}
              hrefFor={(p) => `?${new URLSearchParams({ ...Object.fromEntries(params), page: String(p) })}`}
            />
          </>
        )}
      </Loadable>
    </Page>
  );
}
