import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { type ApiData, api, call } from '../../app/api.ts';
import { orgName, useOrgs } from '../../app/org.tsx';
import { Button } from '../../ui/Button.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { fieldError } from '../../ui/errors.ts';
import { TextField } from '../../ui/Field.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { Loading } from '../../ui/Loadable.tsx';
import { Page } from '../../ui/Page.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { Table } from '../../ui/Table.tsx';
import { useStaff } from './context.ts';

type Entry = ApiData<'/api/orgs/{orgId}/audit', 'get'>['items'][number];
const PER_PAGE = 50;
const FILTERS = ['action', 'actor', 'from', 'to'] as const;
type Filter = (typeof FILTERS)[number];
type Filters = Record<Filter, string>;

function shortId(id: string | null): string {
  return id ? id.slice(0, 8) : '—';
}

function describeDetails(details: Entry['details']): string {
  if (!details) return '—';
  const parts = Object.entries(details).map(
    ([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`,
  );
  return parts.length ? parts.join(' · ') : '—';
}

function filtersOf(params: URLSearchParams): Filters {
  return {
    action: params.get('action') ?? '',
    actor: params.get('actor') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  };
}

function activeFilters(filters: Filters): Partial<Filters> {
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v.trim() !== '')) as Partial<Filters>;
}

/** Whose log is shown: one organisation's (its administrators), or the whole installation's. */
type Scope = { kind: 'org'; orgId: string; base: string } | { kind: 'installation'; base: string };

/** The audit log of an organisation: staff actions and access to personal data, filtered, paged, exported. */
export function AuditLogPage() {
  const { org, base } = useStaff();
  return <AuditLog scope={{ kind: 'org', orgId: org.id, base }} />;
}

/** The installation's audit log (every organisation, and installation-level actions). */
export function InstallationAuditPage() {
  return <AuditLog scope={{ kind: 'installation', base: '/admin' }} />;
}

function AuditLog({ scope }: { scope: Scope }) {
  const { t, i18n } = useTranslation();
  const { orgs } = useOrgs();
  const base = scope.base;
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const applied = activeFilters(filtersOf(params));
  const [draft, setDraft] = useState<Filters>(() => filtersOf(params));

  const query = useQuery({
    queryKey: ['audit', scope.kind === 'org' ? scope.orgId : 'installation', page, applied],
    queryFn: () => {
      const filters = { page, perPage: PER_PAGE, ...applied };
      return scope.kind === 'org'
        ? call(
            api.GET('/api/orgs/{orgId}/audit', { params: { path: { orgId: scope.orgId }, query: filters } }),
          )
        : call(api.GET('/api/admin/audit', { params: { query: filters } }));
    },
    placeholderData: keepPreviousData,
  });

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setParams(
      new URLSearchParams(
        activeFilters({ ...draft, action: draft.action.trim(), actor: draft.actor.trim() }),
      ),
    );
  };
  const clear = () => {
    setDraft({ action: '', actor: '', from: '', to: '' });
    setParams(new URLSearchParams());
  };
  const hrefFor = (p: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(p));
    return `${base}/audit?${next.toString()}`;
  };
  const exportHref = (format: 'csv' | 'xlsx') => {
    const path = scope.kind === 'org' ? `/api/orgs/${scope.orgId}/audit/export` : '/api/admin/audit/export';
    return `${path}?${new URLSearchParams({ format, ...applied }).toString()}`;
  };

  const labels: Record<Filter, string> = {
    action: t('audit.action'),
    actor: t('audit.actor'),
    from: t('audit.from'),
    to: t('audit.to'),
  };
  const field = (name: Filter) => ({
    id: `audit-${name}`,
    label: labels[name],
    value: draft[name],
    error: fieldError(query.error, name),
    onChange: (event: { target: { value: string } }) =>
      setDraft((old) => ({ ...old, [name]: event.target.value })),
  });
  const summaryFields = Object.fromEntries(
    FILTERS.map((name) => [name, { id: `audit-${name}`, label: labels[name] }]),
  );

  return (
    <Page title={t('staff.audit')}>
      <p>{t('audit.intro')}</p>
      <form className="filters-form" onSubmit={apply} aria-label={t('audit.filters')} noValidate>
        <ErrorSummary error={query.error} fields={summaryFields} />
        <div className="filters">
          <TextField {...field('action')} hint={t('audit.actionHint')} spellCheck={false} />
          <TextField {...field('actor')} hint={t('audit.actorHint')} spellCheck={false} />
          <TextField {...field('from')} type="date" />
          <TextField {...field('to')} type="date" />
        </div>
        <div className="btn-row">
          <Button type="submit" variant="secondary">
            {t('audit.filter')}
          </Button>
          {Object.keys(applied).length > 0 && (
            <Button variant="link" onClick={clear}>
              {t('audit.clear')}
            </Button>
          )}
        </div>
      </form>
      <p>
        {t('audit.export')}{' '}
        <a href={exportHref('csv')} download>
          {t('audit.exportCsv')}
        </a>{' '}
        ·{' '}
        <a href={exportHref('xlsx')} download>
          {t('audit.exportXlsx')}
        </a>
      </p>
      {query.isPending && <Loading />}
      {query.data &&
        (query.data.items.length === 0 ? (
          <p>{Object.keys(applied).length ? t('audit.noneFiltered') : t('audit.none')}</p>
        ) : (
          <>
            <Table
              caption={t('audit.caption', { page: query.data.page, total: query.data.total })}
              rows={query.data.items}
              rowKey={(row) => row.id}
              columns={[
                {
                  key: 'at',
                  nowrap: true,
                  header: t('audit.at'),
                  rowHeader: true,
                  render: (row) => formatDateTime(row.at),
                },
                ...(scope.kind === 'installation'
                  ? [
                      {
                        key: 'org',
                        header: t('staff.organisation'),
                        render: (row: Entry) => {
                          const org = orgs.find((o) => o.id === row.orgId);
                          return org ? orgName(org, i18n.language) : t('audit.installation');
                        },
                      },
                    ]
                  : []),
                { key: 'action', header: t('audit.action'), render: (row) => <code>{row.action}</code> },
                {
                  key: 'actor',
                  header: t('audit.actor'),
                  render: (row) =>
                    row.actorName ?? row.actorEmail ?? <code>{shortId(row.actorAccountId)}</code>,
                },
                {
                  key: 'target',
                  header: t('audit.target'),
                  render: (row) => (row.targetType ? `${row.targetType} ${shortId(row.targetId)}` : '—'),
                },
                {
                  key: 'subject',
                  header: t('audit.subject'),
                  render: (row) => <code>{shortId(row.subjectAccountId)}</code>,
                },
                { key: 'ip', header: t('audit.ip'), render: (row) => row.ip ?? '—' },
                { key: 'details', header: t('audit.details'), render: (row) => describeDetails(row.details) },
              ]}
            />
            <Pagination
              page={query.data.page}
              perPage={query.data.perPage}
              total={query.data.total}
              hrefFor={hrefFor}
            />
          </>
        ))}
    </Page>
  );
}
