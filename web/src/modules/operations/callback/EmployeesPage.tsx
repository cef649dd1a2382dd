import './callback.css';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, call } from '../../../app/api.ts';
import { TextField } from '../../../ui/Field.tsx';
import { formatDate } from '../../../ui/format.ts';
import { Loadable } from '../../../ui/Loadable.tsx';
import { Page } from '../../../ui/Page.tsx';
import { Pagination } from '../../../ui/Pagination.tsx';
import { Table } from '../../../ui/Table.tsx';
import { useStaff } from '../../staff/context.ts';
import { EmployeeForm } from './EmployeeForm.tsx';
import { CallbackNav } from './shared.tsx';

/** The people on the list: search, and the form to add someone. */
export function EmployeesPage() {
  const { t } = useTranslation('callback');
  const { org, base } = useStaff();
  const id = useId();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const q = params.get('q') ?? '';
  const root = `${base}/modules/operations/callback`;
  const list = useQuery({
    queryKey: ['callback', org.id, 'employees', page, q],
    queryFn: () =>
      call(
        api.GET('/api/orgs/{orgId}/callback/employees', {
          params: { path: { orgId: org.id }, query: { page, perPage: 50, ...(q ? { q } : {}) } },
        }),
      ),
  });
  return (
    <Page title={t('nav.employees')}>
      <CallbackNav base={base} />
      <search>
        <form className="form" onSubmit={(e) => e.preventDefault()}>
          <TextField
            id={`${id}-q`}
            label={t('employees.search')}
            defaultValue={q}
            onBlur={(e) => setParams(e.target.value.trim() ? { q: e.target.value.trim() } : {})}
          />
        </form>
      </search>
      <Loadable query={list}>
        {(data) => (
          <>
            <Table
              caption={t('nav.employees')}
              captionHidden
              rows={data.items}
              rowKey={(r) => r.id}
              columns={[
                { key: 'n', header: t('employees.number'), nowrap: true, render: (r) => r.employeeNumber },
                {
                  key: 'name',
                  header: t('employees.familyName'),
                  rowHeader: true,
                  render: (r) => (
                    <Link to={`${root}/employees/${r.id}`}>{`${r.familyName}, ${r.givenName}`}</Link>
                  ),
                },
                { key: 'classes', header: t('employees.jobClasses'), render: (r) => r.jobClasses.join(', ') },
                { key: 'hours', header: t('employees.seniorityHours'), render: (r) => r.seniorityHours },
                {
                  key: 'date',
                  header: t('employees.seniorityDate'),
                  nowrap: true,
                  render: (r) => formatDate(r.seniorityDate),
                },
                { key: 'active', header: t('employees.active'), render: (r) => (r.active ? '✓' : '—') },
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
      <section aria-labelledby={`${id}-add`}>
        <h2 id={`${id}-add`}>{t('employees.add')}</h2>
        <EmployeeForm
          submitLabel={t('employees.add')}
          onSubmit={async (body) => {
            const saved = await call(
              api.POST('/api/orgs/{orgId}/callback/employees', { params: { path: { orgId: org.id } }, body }),
            );
            await client.invalidateQueries({ queryKey: ['callback', org.id, 'employees'] });
            navigate(`${root}/employees/${saved.id}`);
          }}
        />
      </section>
    </Page>
  );
}
