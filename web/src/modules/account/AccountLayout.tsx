import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { SectionNav } from '../../ui/SectionNav.tsx';

/** The account area: its sections on the side, the current one beside them. */
export function AccountLayout() {
  const { t } = useTranslation();
  return (
    <div className="with-sidebar">
      <SectionNav
        label={t('account.nav')}
        groups={[
          {
            title: t('account.title'),
            links: [
              { to: '/account', label: t('account.profile'), end: true },
              { to: '/account/household', label: t('account.household') },
              { to: '/account/sessions', label: t('account.sessions') },
              { to: '/account/security', label: t('account.security') },
              { to: '/account/consents', label: t('account.consents') },
              { to: '/account/data', label: t('account.data') },
            ],
          },
        ]}
      />
      <div>
        <Outlet />
      </div>
    </div>
  );
}
