import '../requests.css';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { type ApiData, api, call } from '../../../../app/api.ts';
import { Button } from '../../../../ui/Button.tsx';
import { SelectField, TextField } from '../../../../ui/Field.tsx';
import { formatDateTime } from '../../../../ui/format.ts';
import { Loadable } from '../../../../ui/Loadable.tsx';
import { type MapFeature, MapView, useMapTiles } from '../../../../ui/map/index.ts';
import { Page } from '../../../../ui/Page.tsx';
import { Pagination } from '../../../../ui/Pagination.tsx';
import { Table } from '../../../../ui/Table.tsx';
import { useStaff } from '../../../staff/context.ts';
import { StatusBadge, useBilingual } from '../shared.tsx';
import { BulkActions } from './BulkActions.tsx';
import { RequestsNav, useStaffLookups } from './common.tsx';

type Item = ApiData<'/api/orgs/{orgId}/staff/requests', 'get'>['items'][number];
const FILTERS = [
  'departmentId',
  'categoryId',
  'status',
  'assignee',
  'confirmation',
  'q',
  'sort',
  'overdue',
] as const;
type Filters = Partial<Record<(typeof FILTERS)[number], string>>;
const PER_PAGE = 50;

function filtersOf(params: URLSearchParams): Filters {
  return Object.fromEntries(FILTERS.flatMap((k) => (params.get(k) ? [[k, params.get(k) ?? '']] : [])));
}

/**
 * The request queues: filters (department, category, status, assignee, lateness…), a list with overdue
 * requests highlighted or a map of the same selection, bulk actions on the ones ticked, exports.
 */
export function StaffRequestsPage() {
  const { t } = useTranslation('citizen');
  const bi = useBilingual();
  const { org, base } = useStaff();
  const orgId = org.id;
  const tiles = useMapTiles();
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const applied = filtersOf(params);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const view = params.get('view') === 'map' ? 'map' : 'list';
  const [draft, setDraft] = useState<Filters>(applied);
  const [selected, setSelected] = useState<string[]>([]);
  const lookups = useStaffLookups(orgId);
  // Staff who work a department start on its queue (`mine`); `all` in the address shows every queue.
  const myQueue = lookups.departments.some((d) => d.mine);
  const department = applied.departmentId ?? (myQueue ? 'mine' : 'all');
  const queryFilters = {
    ...applied,
    departmentId: department === 'all' ? undefined : department,
    overdue: applied.overdue === '1' ? true : undefined,
  } as Record<string, unknown>;

  const list = useQuery({
    queryKey: ['requests', orgId, 'staff-list', page, applied, department],
    queryFn: () =>
      call(
        api.GET('/api/orgs/{orgId}/staff/requests', {
          params: { path: { orgId }, query: { ...queryFilters, page, perPage: PER_PAGE } },
        }),
      ),
    enabled: view === 'list' && lookups.departmentsReady,
    placeholderData: keepPreviousData,
  });
  const map = useQuery({
    queryKey: ['requests', orgId, 'staff-map', applied, department],
    queryFn: () =>
      call(
        api.GET('/api/orgs/{orgId}/staff/requests/map', { params: { path: { orgId }, query: queryFilters } }),
      ),
    enabled: view === 'map' && lookups.departmentsReady,
  });

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams(Object.entries(draft).filter(([, v]) => v) as Array<[string, string]>);
    if (view === 'map') next.set('view', 'map');
    setParams(next);
    setSelected([]);
  };
  const switchView = (next: 'list' | 'map') => {
    const copy = new URLSearchParams(params);
    if (next === 'map') copy.set('view', 'map');
    else copy.delete('view');
    setParams(copy);
  };
  const exportHref = (format: 'csv' | 'xlsx') =>
    `/api/orgs/${orgId}/staff/requests/export?${new URLSearchParams({
      format,
      ...(Object.fromEntries(
        Object.entries(queryFilters)
          .filter(([, v]) => v !== undefined)
          .map(([k, v]) => [k, String(v)]),
      ) as Record<string, string>),
    }).toString()}`;
  const set = (key: keyof Filters) => (event: { target: { value: string } }) =>
    setDraft((old) => ({ ...old, [key]: event.target.value }));
  const overdueLabel = (item: Item) =>
    item.overdue === 'ack'
      ? t('requests.staff.overdueAck')
      : item.overdue === 'resolve'
        ? t('requests.staff.overdueResolve')
        : null;

  return (
    <Page title={t('requests.staff.title')}>
      <RequestsNav base={base} />
      <form className="filters-form" onSubmit={apply} aria-label={t('requests.staff.filters')}>
        <div className="filters">
          <SelectField
            id="f-department"
            label={t('requests.staff.department')}
            value={draft.departmentId ?? department}
            onChange={set('departmentId')}
          >
            <option value="all">{t('requests.staff.all')}</option>
            {myQueue && <option value="mine">{t('requests.staff.myDepartments')}</option>}
            <option value="none">{t('requests.staff.noDepartment')}</option>
            {lookups.departments.map((d) => (
              <option key={d.id} value={d.id}>
                {bi(d.name)}
              </option>
            ))}
          </SelectField>
          <SelectField
            id="f-category"
            label={t('requests.staff.category')}
            value={draft.categoryId ?? ''}
            onChange={set('categoryId')}
          >
            <option value="">{t('requests.staff.all')}</option>
            {lookups.categories.map((c) => (
              <option key={c.id} value={c.id}>
                {bi(c.name)}
              </option>
            ))}
          </SelectField>
          <SelectField
            id="f-status"
            label={t('requests.staff.status')}
            value={draft.status ?? ''}
            onChange={set('status')}
          >
            <option value="">{t('requests.staff.statusOpen')}</option>
            <option value="closed">{t('requests.staff.statusClosed')}</option>
            <option value="all">{t('requests.staff.all')}</option>
            {lookups.statuses.map((s) => (
              <option key={s.code} value={s.code}>
                {bi(s.label)}
              </option>
            ))}
          </SelectField>
          <SelectField
            id="f-assignee"
            label={t('requests.staff.assignee')}
            value={draft.assignee ?? ''}
            onChange={set('assignee')}
          >
            <option value="">{t('requests.staff.all')}</option>
            <option value="me">{t('requests.staff.me')}</option>
            <option value="none">{t('requests.staff.nobody')}</option>
            {lookups.assignees.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </SelectField>
          <SelectField
            id="f-confirmation"
            label={t('requests.staff.confirmation')}
            value={draft.confirmation ?? ''}
            onChange={set('confirmation')}
          >
            <option value="">{t('requests.staff.confirmed')}</option>
            <option value="unconfirmed">{t('requests.staff.unconfirmed')}</option>
            <option value="all">{t('requests.staff.all')}</option>
          </SelectField>
          <SelectField
            id="f-sort"
            label={t('requests.staff.sort')}
            value={draft.sort ?? ''}
            onChange={set('sort')}
          >
            <option value="">{t('requests.staff.sortNewest')}</option>
            <option value="due">{t('requests.staff.sortDue')}</option>
            <option value="updated">{t('requests.staff.sortUpdated')}</option>
            <option value="oldest">{t('requests.staff.sortOldest')}</option>
          </SelectField>
          <TextField id="f-q" label={t('requests.staff.search')} value={draft.q ?? ''} onChange={set('q')} />
        </div>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={draft.overdue === '1'}
            onChange={(event) => setDraft((old) => ({ ...old, overdue: event.target.checked ? '1' : '' }))}
          />
          {t('requests.staff.overdueOnly')}
        </label>
        <div className="btn-row">
          <Button type="submit" variant="secondary">
            {t('requests.staff.apply')}
          </Button>
        </div>
      </form>
      <p>
        {t('requests.staff.export')} <a href={exportHref('csv')}>CSV</a> ·{' '}
        <a href={exportHref('xlsx')}>XLSX</a>
      </p>
      {/* biome-ignore lint/a11y/useSemanticElements: two toggle buttons, a fieldset would add a legend box. */}
      <div className="btn-row" role="group" aria-label={t('requests.staff.view')}>
        <Button
          variant={view === 'list' ? 'primary' : 'secondary'}
          aria-pressed={view === 'list'}
          onClick={() => switchView('list')}
        >
          {t('requests.staff.list')}
        </Button>
        <Button
          variant={view === 'map' ? 'primary' : 'secondary'}
          aria-pressed={view === 'map'}
          onClick={() => switchView('map')}
        >
          {t('requests.staff.map')}
        </Button>
      </div>
      {view === 'map' ? (
        <Loadable query={map}>
          {(collection) => (
            <MapView
              caption={t('requests.staff.mapCaption')}
              tiles={tiles}
              height="30rem"
              features={collection.features as MapFeature[]}
              columns={[
                {
                  key: 'status',
                  header: t('requests.staff.status'),
                  render: (f) => bi(f.properties.status as { fr: string; en: string }),
                },
                {
                  key: 'overdue',
                  header: t('requests.staff.lateness'),
                  render: (f) => (f.properties.overdue ? t('requests.staff.overdue') : '—'),
                },
                {
                  key: 'open',
                  header: t('requests.staff.open'),
                  render: (f) => (
                    <Link to={`${base}/modules/requests/${String(f.id)}`}>
                      {String(f.properties.reference)}
                    </Link>
                  ),
                },
              ]}
            />
          )}
        </Loadable>
      ) : (
        <Loadable query={list}>
          {(data) => (
            <>
              <BulkActions
                orgId={orgId}
                ids={selected}
                onDone={() => {
                  setSelected([]);
                  void client.invalidateQueries({ queryKey: ['requests', orgId] });
                }}
                lookups={lookups}
              />
              {data.items.length === 0 ? (
                <p>{t('requests.staff.none')}</p>
              ) : (
                <Table
                  caption={t('requests.staff.caption', { total: data.total })}
                  rows={data.items}
                  rowKey={(r) => r.id}
                  columns={[
                    {
                      key: 'select',
                      header: t('requests.staff.select'),
                      render: (r) => (
                        <input
                          type="checkbox"
                          aria-label={t('requests.staff.selectNamed', { reference: r.reference })}
                          checked={selected.includes(r.id)}
                          onChange={(event) =>
                            setSelected((old) =>
                              event.target.checked ? [...old, r.id] : old.filter((x) => x !== r.id),
                            )
                          }
                        />
                      ),
                    },
                    {
                      key: 'reference',
                      header: t('requests.page.reference'),
                      rowHeader: true,
                      nowrap: true,
                      render: (r) => <Link to={`${base}/modules/requests/${r.id}`}>{r.reference}</Link>,
                    },
                    {
                      key: 'category',
                      header: t('requests.staff.category'),
                      render: (r) => bi(r.category.name),
                    },
                    {
                      key: 'status',
                      header: t('requests.staff.status'),
                      render: (r) => <StatusBadge phase={r.status.phase} label={bi(r.status.label)} />,
                    },
                    {
                      key: 'due',
                      header: t('requests.staff.lateness'),
                      render: (r) =>
                        overdueLabel(r) ? (
                          <span className="req-overdue">{overdueLabel(r)}</span>
                        ) : (
                          formatDateTime(
                            r.status.phase === 'submitted' ? (r.ackDueAt ?? r.resolveDueAt) : r.resolveDueAt,
                          )
                        ),
                    },
                    {
                      key: 'department',
                      header: t('requests.staff.department'),
                      render: (r) => bi(r.department?.name) || '—',
                    },
                    {
                      key: 'assignee',
                      header: t('requests.staff.assignee'),
                      render: (r) => r.assignee?.name ?? '—',
                    },
                    { key: 'address', header: t('requests.page.place'), render: (r) => r.address ?? '—' },
                    {
                      key: 'created',
                      header: t('requests.staff.received'),
                      nowrap: true,
                      render: (r) => formatDateTime(r.createdAt),
                    },
                  ]}
                />
              )}
              <Pagination
                page={data.page}
                perPage={data.perPage}
                total={data.total}
                hrefFor={(p) => {
                  const next = new URLSearchParams(params);
                  next.set('page', String(p));
                  return `${base}/modules/requests?${next.toString()}`;
                }}
              />
            </>
          )}
        </Loadable>
      )}
    </Page>
  );
}
