import './requests.css';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { api, call } from '../../../app/api.ts';
import { useSession } from '../../../app/session.tsx';
import { Alert } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { ErrorSummary } from '../../../ui/ErrorSummary.tsx';
import { fieldError } from '../../../ui/errors.ts';
import { TextAreaField, TextField } from '../../../ui/Field.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { Loadable, Loading } from '../../../ui/Loadable.tsx';
import { MapView, useMapTiles } from '../../../ui/map/index.ts';
import { Page } from '../../../ui/Page.tsx';
import { PhotoPicker, type PickedPhoto } from './PhotoPicker.tsx';
import { type CitizenRequest, StatusBadge, useBilingual, useTownFromPath } from './shared.tsx';

type Key = { kind: 'account'; id: string } | { kind: 'guest'; token: string };

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

function ConfirmEmail({
  orgId,
  token,
  reference,
  onDone,
}: {
  orgId: string;
  token: string;
  reference: string;
  onDone: () => void;
}) {
  const { t } = useTranslation('citizen');
  const [params] = useSearchParams();
  const [code, setCode] = useState(params.get('code') ?? '');
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState(false);
  const [pending, setPending] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      await call(
        api.POST('/api/orgs/{orgId}/requests/guest/{token}/confirm', {
          params: { path: { orgId, token } },
          body: { code },
        }),
      );
      onDone();
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  };
  const resend = async () => {
    setError(null);
    try {
      await call(
        api.POST('/api/orgs/{orgId}/requests/guest/{token}/resend', { params: { path: { orgId, token } } }),
      );
      setSent(true);
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <section className="req-panel" aria-labelledby="req-confirm-title">
      <h2 id="req-confirm-title">{t('requests.confirm.title')}</h2>
      <p>{t('requests.confirm.text', { reference })}</p>
      <form onSubmit={submit} noValidate className="form">
        <ErrorSummary
          error={error}
          fields={{ code: { id: 'req-code', label: t('requests.confirm.code') } }}
        />
        <TextField
          id="req-code"
          label={t('requests.confirm.code')}
          inputSize="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          value={code}
          error={fieldError(error, 'code')}
          onChange={(event) => setCode(event.target.value)}
        />
        <div className="btn-row">
          <Button type="submit" busy={pending}>
            {t('requests.confirm.submit')}
          </Button>
          <Button variant="link" onClick={() => void resend()}>
            {t('requests.confirm.resend')}
          </Button>
        </div>
        {sent && <p role="status">{t('requests.confirm.sent')}</p>}
      </form>
    </section>
  );
}

function AddInformation({
  orgId,
  requestKey,
  onDone,
}: {
  orgId: string;
  requestKey: Key;
  onDone: () => void;
}) {
  const { t } = useTranslation('citizen');
  const [body, setBody] = useState('');
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const [done, setDone] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    setDone(false);
    const input = {
      body,
      photos: photos.map((p) => (p.token ? { id: p.id, token: p.token } : { id: p.id })),
    };
    try {
      if (requestKey.kind === 'account')
        await call(
          api.POST('/api/orgs/{orgId}/requests/{id}/information', {
            params: { path: { orgId, id: requestKey.id } },
            body: input,
          }),
        );
      else
        await call(
          api.POST('/api/orgs/{orgId}/requests/guest/{token}/information', {
            params: { path: { orgId, token: requestKey.token } },
            body: input,
          }),
        );
      setBody('');
      setPhotos([]);
      setDone(true);
      onDone();
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  };
  return (
    <section className="req-panel" aria-labelledby="req-info-title">
      <h2 id="req-info-title">{t('requests.information.title')}</h2>
      <form onSubmit={submit} noValidate className="form">
        <ErrorSummary
          error={error}
          fields={{ body: { id: 'req-info', label: t('requests.information.label') } }}
        />
        <TextAreaField
          id="req-info"
          label={t('requests.information.label')}
          hint={t('requests.information.hint')}
          value={body}
          error={fieldError(error, 'body')}
          onChange={(event) => setBody(event.target.value)}
        />
        <PhotoPicker orgId={orgId} photos={photos} onChange={setPhotos} error={fieldError(error, 'photos')} />
        <Button type="submit" busy={pending}>
          {t('requests.information.submit')}
        </Button>
        {done && <p role="status">{t('requests.information.done')}</p>}
      </form>
    </section>
  );
}

function Reopen({
  orgId,
  requestKey,
  until,
  onDone,
}: {
  orgId: string;
  requestKey: Key;
  until: string | null;
  onDone: () => void;
}) {
  const { t } = useTranslation('citizen');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      if (requestKey.kind === 'account')
        await call(
          api.POST('/api/orgs/{orgId}/requests/{id}/reopen', {
            params: { path: { orgId, id: requestKey.id } },
            body: { reason },
          }),
        );
      else
        await call(
          api.POST('/api/orgs/{orgId}/requests/guest/{token}/reopen', {
            params: { path: { orgId, token: requestKey.token } },
            body: { reason },
          }),
        );
      onDone();
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  };
  return (
    <section className="req-panel" aria-labelledby="req-reopen-title">
      <h2 id="req-reopen-title">{t('requests.reopen.title')}</h2>
      <p>{t('requests.reopen.text', { date: formatDateTime(until) })}</p>
      <form onSubmit={submit} noValidate className="form">
        <ErrorSummary error={error} />
        <TextAreaField
          id="req-reopen"
          label={t('requests.reopen.reason')}
          optional
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
        <Button type="submit" variant="secondary" busy={pending}>
          {t('requests.reopen.submit')}
        </Button>
      </form>
    </section>
  );
}

function Unfollow({ orgId, slug, requestKey }: { orgId: string; slug: string; requestKey: Key }) {
  const { t } = useTranslation('citizen');
  const { signedIn } = useSession();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  const stop = async () => {
    try {
      if (requestKey.kind === 'account')
        await call(
          api.DELETE('/api/orgs/{orgId}/requests/{id}/follow', {
            params: { path: { orgId, id: requestKey.id } },
          }),
        );
      else
        await call(
          api.DELETE('/api/orgs/{orgId}/requests/guest/{token}', {
            params: { path: { orgId, token: requestKey.token } },
          }),
        );
      navigate(signedIn ? `/${slug}/requests/mine` : `/${slug}/requests`);
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <div className="btn-row">
      <ErrorSummary error={error} />
      <Button variant="secondary" onClick={() => void stop()}>
        {t('requests.page.unfollow')}
      </Button>
    </div>
  );
}
