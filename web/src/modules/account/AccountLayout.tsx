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
              { to: '/account/orders', label: t('account.orders') },
              { to: '/account/sessions', label: t('account.sessions') },
              { to: '/account/security', label: t('account.security') },
              { to: '/account/consents', label: t('account.consents') },
              { to: '/account/data', label: t('account.data') },
            ],
          },
          {
            title: t('account.messagesGroup'),
            links: [
              { to: '/account/inbox', label: t('account.inbox') },
              { to: '/account/notifications', label: t('account.notifications') },
              { to: '/account/devices', label: t('account.devices') },
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
