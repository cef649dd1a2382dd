import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, call } from '../../../app/api.ts';
import { Alert } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { errorMessage } from '../../../ui/errors.ts';
import { Page } from '../../../ui/Page.tsx';

/** Accepting an invitation to act for a company (the link in the invitation e-mail). */
export function JoinCompanyPage() {
  const { t } = useTranslation('attraction');
  const { t: common } = useTranslation();
  const { orgId = '' } = useParams();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const accept = useMutation({
    mutationFn: () =>
      call(
        api.POST('/api/orgs/{orgId}/attraction/invitations/accept', {
          params: { path: { orgId } },
          body: { token },
        }),
      ),
  });
  return (
    <Page title={t('employer.join')}>
      <p>{t('employer.joinExplain')}</p>
      {accept.isSuccess ? (
        <Alert tone="success">
          {t('employer.joined')} <Link to={`/arrimage/${orgId}/employeur`}>{t('nav.employer')}</Link>
        </Alert>
      ) : (
        <Button busy={accept.isPending} onClick={() => accept.mutate()}>
          {t('employer.accept')}
        </Button>
      )}
      {accept.error && <Alert tone="error">{errorMessage(accept.error, common)}</Alert>}
    </Page>
  );
}
