import '../requests.css';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { type ApiData, api, call } from '../../../../app/api.ts';
import { Alert } from '../../../../ui/Alert.tsx';
import { formatDateTime } from '../../../../ui/format.ts';
import { Loadable } from '../../../../ui/Loadable.tsx';
import { MapView, useMapTiles } from '../../../../ui/map/index.ts';
import { Page } from '../../../../ui/Page.tsx';
import { useStaff } from '../../../staff/context.ts';
import { StatusBadge, useBilingual } from '../shared.tsx';
import { RequestsNav, useStaffLookups } from './common.tsx';
import { AssignForm, CommentForm, MergeForm, StatusForm } from './RequestActions.tsx';

type StaffRequest = ApiData<'/api/orgs/{orgId}/staff/requests/{id}', 'get'>;
type Lookups = ReturnType<typeof useStaffLookups>;

/** One request for staff: everything about it, its full history, and every action on it. */
export function StaffRequestPage() {
  const { t } = useTranslation('citizen');
  const { org, base } = useStaff();
  const { id = '' } = useParams();
  const lookups = useStaffLookups(org.id);
  const query = useQuery({
    queryKey: ['requests', org.id, 'staff-view', id],
    queryFn: () =>
      call(api.GET('/api/orgs/{orgId}/staff/requests/{id}', { params: { path: { orgId: org.id, id } } })),
  });
  return (
    <Page
      title={
        query.data
          ? t('requests.page.title', { reference: query.data.reference })
          : t('requests.page.loading')
      }
    >
      <RequestsNav base={base} />
      <Loadable query={query}>
        {(request) => <Details request={request} orgId={org.id} base={base} lookups={lookups} />}
      </Loadable>
    </Page>
  );
}

function Details({
  request,
  orgId,
  base,
  lookups,
}: {
  request: StaffRequest;
  orgId: string;
  base: string;
  lookups: Lookups;
}) {
  const { t } = useTranslation('citizen');
  const bi = useBilingual();
  const tiles = useMapTiles();
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: ['requests', orgId] });
  const assignee = lookups.assignees.find((a) => a.id === request.assigneeAccountId);
  const department = lookups.departments.find((d) => d.id === request.departmentId);
  return (
    <>
      {!request.confirmed && (
        <Alert tone="warning" title={t('requests.staff.unconfirmedTitle')}>
          <p>{t('requests.staff.unconfirmedText')}</p>
        </Alert>
      )}
      {request.mergedInto && (
        <Alert tone="info" title={t('requests.page.mergedTitle')}>
          <p>
            <Link to={`${base}/modules/requests/${request.mergedInto.id}`}>
              {request.mergedInto.reference}
            </Link>
          </p>
        </Alert>
      )}
      <div className="req-columns">
        <div>
          <dl className="summary-list">
            <dt>{t('requests.page.category')}</dt>
            <dd>{bi(request.category.name)}</dd>
            <dt>{t('requests.page.status')}</dt>
            <dd>
              <StatusBadge phase={request.status.phase} label={bi(request.status.label)} />
            </dd>
            <dt>{t('requests.staff.received')}</dt>
            <dd>{formatDateTime(request.createdAt)}</dd>
            <dt>{t('requests.staff.ackDue')}</dt>
            <dd>{formatDateTime(request.ackDueAt)}</dd>
            <dt>{t('requests.staff.resolveDue')}</dt>
            <dd>{formatDateTime(request.resolveDueAt)}</dd>
            <dt>{t('requests.staff.department')}</dt>
            <dd>{bi(department?.name) || '—'}</dd>
            <dt>{t('requests.staff.assignee')}</dt>
            <dd>{assignee?.name ?? '—'}</dd>
            <dt>{t('requests.staff.reporter')}</dt>
            <dd>
              {request.reporter.name ?? '—'}
              {request.reporter.email ? ` <${request.reporter.email}>` : ''} ({request.locale.toUpperCase()})
            </dd>
            <dt>{t('requests.staff.followers')}</dt>
            <dd>{request.followers}</dd>
            <dt>{t('requests.page.place')}</dt>
            <dd>{request.address ?? `${request.location.lat}, ${request.location.lon}`}</dd>
            <dt>{t('requests.page.description')}</dt>
            <dd className="req-history__body">{request.description || '—'}</dd>
            {request.attributes.map((a) => (
              <div key={a.code}>
                <dt>{bi(a.label)}</dt>
                <dd>{bi(a.value)}</dd>
              </div>
            ))}
          </dl>
          {request.photos.length > 0 && (
            <ul className="req-photos" aria-label={t('requests.page.photos')}>
              {request.photos.map((p, i) => (
                <li key={p.id}>
                  <a href={p.url}>
                    <img src={p.url} alt={t('requests.page.photoAlt', { n: i + 1, name: p.originalName })} />
                  </a>
                </li>
              ))}
            </ul>
          )}
          <MapView
            caption={t('requests.page.mapCaption', { reference: request.reference })}
            tiles={tiles}
            height="16rem"
            features={[
              {
                type: 'Feature',
                id: request.id,
                geometry: { type: 'Point', coordinates: [request.location.lon, request.location.lat] },
                properties: { label: request.reference },
              },
            ]}
          />
        </div>
        <div>
          {!request.mergedInto && (
            <>
              <StatusForm request={request} orgId={orgId} lookups={lookups} onDone={refresh} />
              <AssignForm request={request} orgId={orgId} lookups={lookups} onDone={refresh} />
              <CommentForm request={request} orgId={orgId} lookups={lookups} onDone={refresh} />
              <MergeForm request={request} orgId={orgId} onDone={refresh} />
            </>
          )}
        </div>
      </div>
      <h2>{t('requests.page.history')}</h2>
      <ol className="req-history" reversed>
        {[...request.history].reverse().map((e) => (
          <li key={e.id} className={e.visibility === 'internal' ? 'req-history__item--internal' : undefined}>
            <strong>
              {e.kind === 'internal_note'
                ? t('requests.staff.internalNote')
                : t(`requests.history.${historyKey(e.kind)}`)}
              {e.status ? ` — ${bi(e.status.label)}` : ''}
            </strong>
            <span className="req-history__meta">
              {formatDateTime(e.at)} · {e.actorName ?? t(`requests.staff.actor.${actorKey(e.actorKind)}`)} ·{' '}
              {e.visibility === 'internal'
                ? t('requests.staff.visibilityInternal')
                : e.visibility === 'reporter'
                  ? t('requests.staff.visibilityReporter')
                  : t('requests.staff.visibilityPublic')}
            </span>
            {e.body && <p className="req-history__body">{e.body}</p>}
          </li>
        ))}
      </ol>
    </>
  );
}

function historyKey(kind: string) {
  const keys = {
    submitted: 'submitted',
    confirmed: 'confirmed',
    status: 'status',
    public_update: 'publicUpdate',
    information: 'information',
    merged: 'merged',
    reopened: 'reopened',
    assigned: 'assigned',
  } as const;
  return keys[kind as keyof typeof keys] ?? 'status';
}

function actorKey(kind: string) {
  const keys = {
    staff: 'staff',
    reporter: 'reporter',
    follower: 'follower',
    application: 'application',
  } as const;
  return keys[kind as keyof typeof keys] ?? 'system';
}
