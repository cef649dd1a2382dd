import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, call } from '../../../app/api.ts';
import { Alert } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { errorMessage } from '../../../ui/errors.ts';
import { TextField } from '../../../ui/Field.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import type { PickedLocation } from './LocationPicker.tsx';
import { StatusBadge, useBilingual } from './shared.tsx';

/**
 * Before sending, the open requests of the same category around the chosen place: the person may follow
 * one instead of reporting the same problem again (signed in at once; by e-mail with a code otherwise).
 */
export function NearbyRequests({
  orgId,
  slug,
  categoryId,
  location,
  signedIn,
  email,
  onEmail,
}: {
  orgId: string;
  slug: string;
  categoryId: string;
  location: PickedLocation;
  signedIn: boolean;
  email: string;
  onEmail: (email: string) => void;
}) {
  const { t } = useTranslation('citizen');
  const { t: common } = useTranslation();
  const bi = useBilingual();
  const navigate = useNavigate();
  const headingId = useId();
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const query = useQuery({
    queryKey: ['requests', orgId, 'nearby', categoryId, location.lat, location.lon],
    queryFn: () =>
      call(
        api.GET('/api/orgs/{orgId}/requests/nearby', {
          params: { path: { orgId }, query: { categoryId, lat: location.lat, lon: location.lon } },
        }),
      ),
  });
  const items = query.data?.items ?? [];
  if (items.length === 0) return null;

  const followOne = async (id: string) => {
    setProblem(null);
    if (!signedIn && !email.trim()) {
      setProblem(t('requests.nearby.emailNeeded'));
      document.getElementById(`${headingId}-email`)?.focus();
      return;
    }
    setBusy(id);
    try {
      const followed = await call(
        api.POST('/api/orgs/{orgId}/requests/{id}/follow', {
          params: { path: { orgId, id } },
          body: signedIn ? {} : { email: email.trim() },
        }),
      );
      if (signedIn) navigate(`/${slug}/requests/${followed.requestId}`, { state: { followed: true } });
      else if (followed.guestToken)
        navigate(`/${slug}/requests/suivi/${followed.guestToken}`, { state: { followed: true } });
      else setSent(followed.reference);
    } catch (caught) {
      setProblem(errorMessage(caught, common));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="req-nearby" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('requests.nearby.title', { count: items.length })}</h2>
      <p>{t('requests.nearby.intro')}</p>
      {!signedIn && (
        <TextField
          id={`${headingId}-email`}
          label={t('requests.nearby.email')}
          type="email"
          autoComplete="email"
          value={email}
          error={problem && !email.trim() ? problem : undefined}
          onChange={(event) => onEmail(event.target.value)}
        />
      )}
      {problem && email.trim() && <Alert tone="error">{problem}</Alert>}
      {sent && (
        <Alert tone="success" title={t('requests.nearby.checkEmail')}>
          <p>{t('requests.nearby.checkEmailText', { reference: sent })}</p>
        </Alert>
      )}
      <ul>
        {items.map((r) => (
          <li key={r.id}>
            <strong>{r.reference}</strong> <StatusBadge phase="open" label={bi(r.status.label)} />
            <br />
            {r.approximate
              ? t('requests.nearby.distanceApprox', { metres: r.distanceMetres })
              : t('requests.nearby.distance', { metres: r.distanceMetres })}
            {r.address ? ` — ${r.address}` : ''} ·{' '}
            {t('requests.nearby.reported', { date: formatDateTime(r.createdAt) })} ·{' '}
            {t('requests.nearby.followers', { count: r.followers })}
            <br />
            <Button
              variant="secondary"
              busy={busy === r.id}
              onClick={() => void followOne(r.id)}
              aria-label={t('requests.nearby.followNamed', { reference: r.reference })}
            >
              {t('requests.nearby.follow')}
            </Button>
          </li>
        ))}
      </ul>
      <p>{t('requests.nearby.different')}</p>
    </section>
  );
}
