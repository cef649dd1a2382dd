import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { useSession } from '../../app/session.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { Page } from '../../ui/Page.tsx';
import { SectionNav } from '../../ui/SectionNav.tsx';

/** The installation administrators' area: every organisation's outbox, audit log, privacy requests and background jobs. */
export function InstallationLayout() {
  const { t } = useTranslation();
  const { session } = useSession();
  if (!session.account?.isInstallationAdmin) {
    return (
      <Page title={t('staff.forbiddenTitle')}>
        <p>{t('staff.installationOnly')}</p>
      </Page>
    );
  }
  return (
    <div className="with-sidebar">
      <SectionNav
        label={t('installation.nav')}
        groups={[
          {
            title: t('staff.installation'),
            links: [
              { to: '/admin/deletion-requests', label: t('installation.deletionRequests') },
              { to: '/admin/audit', label: t('staff.audit') },
              { to: '/admin/outbox', label: t('staff.outbox') },
              { to: '/admin/jobs', label: t('installation.jobs') },
            ],
          },
        ]}
      />
      <div>
        {!session.mfa && (
          <Alert tone="warning" title={t('staff.mfaTitle')}>
            <p>
              {session.account.totpEnabled ? t('staff.mfaSignInAgain') : t('staff.mfaEnrol')}{' '}
              <Link to="/account/security">{t('account.security')}</Link>
            </p>
          </Alert>
        )}
        <Outlet />
      </div>
    </div>
  );
}
