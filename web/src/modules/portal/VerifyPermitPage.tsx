import './portal.css';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, call } from '../../app/api.ts';
import { Alert } from '../../ui/Alert.tsx';
import { formatDate } from '../../ui/format.ts';
import { Loadable, Loading } from '../../ui/Loadable.tsx';
import { Page } from '../../ui/Page.tsx';
import { useBilingual, useTown } from './shared.tsx';

/** What a permit's QR code leads to: whether it is genuine and valid (public, no holder shown). */
export function VerifyPermitPage() {
  const { t } = useTranslation('portal');
  const { orgSlug, token } = useParams();
  const { town, loading } = useTown(orgSlug);
  const bi = useBilingual();
  const orgId = town?.id ?? '';
  const verified = useQuery({
    queryKey: ['portal', orgId, 'verify', token],
    queryFn: () =>
      call(
        api.GET('/api/orgs/{orgId}/portal/permits/verify/{token}', {
          params: { path: { orgId, token: token ?? '' } },
        }),
      ),
    enabled: !!orgId && !!token,
  });
  if (loading || !town) return <Loading />;
  return (
    <Page title={t('verify.title')}>
      <Loadable query={verified}>
        {(v) => (
          <>
            <Alert
              tone={v.valid ? 'success' : 'warning'}
              title={v.valid ? t('verify.valid') : t('verify.notValid')}
            >
              <p>{t('verify.statusIs', { status: bi(v.statusText) })}</p>
            </Alert>
            <dl className="portal-facts">
              <dt>{t('verify.number')}</dt>
              <dd>{v.number}</dd>
              <dt>{t('permits.type')}</dt>
              <dd>{bi(v.type)}</dd>
              <dt>{t('permits.address')}</dt>
              <dd>{v.address ?? '—'}</dd>
              <dt>{t('verify.issuedOn')}</dt>
              <dd>{formatDate(v.issuedOn)}</dd>
              <dt>{t('verify.expiresOn')}</dt>
              <dd>{formatDate(v.expiresOn)}</dd>
              <dt>{t('verify.conditions')}</dt>
              <dd>{v.conditions ?? '—'}</dd>
            </dl>
          </>
        )}
      </Loadable>
    </Page>
  );
}
