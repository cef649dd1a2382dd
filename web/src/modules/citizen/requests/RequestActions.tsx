import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { api, call } from '../../../app/api.ts';
import { useSession } from '../../../app/session.tsx';
import { Button } from '../../../ui/Button.tsx';
import { ErrorSummary } from '../../../ui/ErrorSummary.tsx';
import { fieldError } from '../../../ui/errors.ts';
import { TextAreaField, TextField } from '../../../ui/Field.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { PhotoPicker, type PickedPhoto } from './PhotoPicker.tsx';

// What a citizen does on a request's page: confirm their address, add information, reopen, stop following.

/** How the page names the request: by id for a signed-in follower, by the token of a guest's link. */
export type RequestKey = { kind: 'account'; id: string } | { kind: 'guest'; token: string };
type Key = RequestKey;

/** The code that confirms a guest’s address (filled in from the e-mailed link), and a new one on request. */
export function ConfirmEmail({
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

/** Adds information (text and photos) for staff. */
export function AddInformation({
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

/** Reopens a resolved request within the delay. */
export function Reopen({
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

/** Stops following (followers only; reporters choose their channels instead). */
export function Unfollow({ orgId, slug, requestKey }: { orgId: string; slug: string; requestKey: Key }) {
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
