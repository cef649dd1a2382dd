import './requests.css';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { api, call } from '../../../app/api.ts';
import { Alert } from '../../../ui/Alert.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { Loadable, Loading } from '../../../ui/Loadable.tsx';
import { MapView, useMapTiles } from '../../../ui/map/index.ts';
import { Page } from '../../../ui/Page.tsx';
import { AddInformation, ConfirmEmail, Reopen, type RequestKey, Unfollow } from './RequestActions.tsx';
import { type CitizenRequest, StatusBadge, useBilingual, useTownFromPath } from './shared.tsx';

type Key = RequestKey;

/** A request followed by a signed-in person (`/:orgSlug/requests/:id`). */
export function RequestPage() {
  const { id } = useParams();
  return <RequestView requestKey={{ kind: 'account', id: id ?? '' }} />;
}

/** A request followed through a guest's link (`/:orgSlug/requests/suivi/:token`). */
export function GuestRequestPage() {
  const { token } = useParams();
  return <RequestView requestKey={{ kind: 'guest', token: token ?? '' }} />;
}

function RequestView({ requestKey }: { requestKey: Key }) {
  const { t } = useTranslation('citizen');
  const { orgSlug } = useParams();
  const { town, loading } = useTownFromPath(orgSlug);
  const orgId = town?.id ?? '';
  const query = useQuery({
    queryKey: ['requests', orgId, 'view', requestKey.kind === 'account' ? requestKey.id : requestKey.token],
    queryFn: () =>
      requestKey.kind === 'account'
        ? call(api.GET('/api/orgs/{orgId}/requests/{id}', { params: { path: { orgId, id: requestKey.id } } }))
        : call(
            api.GET('/api/orgs/{orgId}/requests/guest/{token}', {
              params: { path: { orgId, token: requestKey.token } },
            }),
          ),
    enabled: !!orgId,
  });
  if (loading || !town) return <Loading />;
  return (
    <Page
      title={
        query.data
          ? t('requests.page.title', { reference: query.data.reference })
          : t('requests.page.loading')
      }
    >
      <Loadable query={query}>
        {(request) => (
          <RequestDetails request={request} orgId={orgId} slug={town.slug} requestKey={requestKey} />
        )}
      </Loadable>
    </Page>
  );
}

function RequestDetails({
  request,
  orgId,
  slug,
  requestKey,
}: {
  request: CitizenRequest;
  orgId: string;
  slug: string;
  requestKey: Key;
}) {
  const { t } = useTranslation('citizen');
  const bi = useBilingual();
  const tiles = useMapTiles();
  const state = useLocation().state as { created?: boolean; followed?: boolean } | null;
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: ['requests', orgId, 'view'] });
  const history = [...request.history].reverse();
  const kindLabel = (kind: string) =>
    ({
      submitted: t('requests.history.submitted'),
      confirmed: t('requests.history.confirmed'),
      status: t('requests.history.status'),
      public_update: t('requests.history.publicUpdate'),
      information: t('requests.history.information'),
      merged: t('requests.history.merged'),
      reopened: t('requests.history.reopened'),
    })[kind] ?? kind;
  const byLabel = (by: string) =>
    ({
      staff: t('requests.history.byStaff'),
      you: t('requests.history.byYou'),
      application: t('requests.history.byApplication'),
    })[by] ?? t('requests.history.byCitizen');

  return (
    <>
      {state?.created && request.confirmed && (
        <Alert tone="success" title={t('requests.page.createdTitle', { reference: request.reference })}>
          <p>{t('requests.page.createdText')}</p>
        </Alert>
      )}
      {state?.followed && request.confirmed && (
        <Alert tone="success" title={t('requests.page.followedTitle')}>
          <p>{t('requests.page.followedText')}</p>
        </Alert>
      )}
      {!request.confirmed && requestKey.kind === 'guest' && (
        <ConfirmEmail orgId={orgId} token={requestKey.token} reference={request.reference} onDone={refresh} />
      )}
      {request.mergedInto && (
        <Alert tone="info" title={t('requests.page.mergedTitle')}>
          <p>{t('requests.page.mergedText', { reference: request.mergedInto.reference })}</p>
        </Alert>
      )}
      <dl className="summary-list">
        <dt>{t('requests.page.reference')}</dt>
        <dd className="req-code">{request.reference}</dd>
        <dt>{t('requests.page.category')}</dt>
        <dd>{bi(request.category.name)}</dd>
        <dt>{t('requests.page.status')}</dt>
        <dd>
          <StatusBadge phase={request.status.phase} label={bi(request.status.label)} />
        </dd>
        <dt>{t('requests.page.submittedAt')}</dt>
        <dd>{formatDateTime(request.createdAt)}</dd>
        <dt>{t('requests.page.place')}</dt>
        <dd>
          {request.address ??
            (request.location.approximate
              ? t('requests.page.approximate')
              : `${request.location.lat}, ${request.location.lon}`)}
        </dd>
        {request.description && (
          <>
            <dt>{t('requests.page.description')}</dt>
            <dd className="req-history__body">{request.description}</dd>
          </>
        )}
        {request.attributes.map((a) => (
          <div key={a.code}>
            <dt>{bi(a.label)}</dt>
            <dd>{bi(a.value)}</dd>
          </div>
        ))}
      </dl>
      {request.photos.length > 0 && (
        <>
          <h2>{t('requests.page.photos')}</h2>
          <ul className="req-photos">
            {request.photos.map((p, i) => (
              <li key={p.id}>
                <a href={p.url}>
                  <img src={p.url} alt={t('requests.page.photoAlt', { n: i + 1, name: p.originalName })} />
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>{t('requests.page.where')}</h2>
      <MapView
        caption={t('requests.page.mapCaption', { reference: request.reference })}
        tiles={tiles}
        height="16rem"
        features={[
          {
            type: 'Feature',
            id: request.id,
            geometry: { type: 'Point', coordinates: [request.location.lon, request.location.lat] },
            properties: { label: `${request.reference} — ${bi(request.category.name)}` },
          },
        ]}
      />
      <h2>{t('requests.page.history')}</h2>
      <ol className="req-history" reversed aria-label={t('requests.page.history')}>
        {history.map((event) => (
          <li key={event.id}>
            <strong>
              {kindLabel(event.kind)}
              {event.status ? ` — ${bi(event.status.label)}` : ''}
            </strong>
            <span className="req-history__meta">
              {formatDateTime(event.at)} · {byLabel(event.by)}
            </span>
            {event.body && <p className="req-history__body">{event.body}</p>}
          </li>
        ))}
      </ol>
      {request.confirmed && !request.mergedInto && (
        <AddInformation orgId={orgId} requestKey={requestKey} onDone={refresh} />
      )}
      {request.canReopen && (
        <Reopen orgId={orgId} requestKey={requestKey} until={request.reopenUntil} onDone={refresh} />
      )}
      {request.role === 'follower' && <Unfollow orgId={orgId} slug={slug} requestKey={requestKey} />}
      <p className="req-back">
        <Link to={`/${slug}/requests`}>{t('requests.page.back')}</Link>
      </p>
    </>
  );
}
