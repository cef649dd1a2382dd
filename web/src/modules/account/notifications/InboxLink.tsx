import './inbox-link.css';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useUnreadCount } from './unread.ts';

/** The header's link to the inbox, with the number of unread messages as a badge (named for screen readers). */
export function InboxLink() {
  const { t } = useTranslation();
  const unread = useUnreadCount(true);
  return (
    <NavLink to="/account/inbox" className="inbox-link">
      {t('shell.inbox')}
      {unread > 0 && ' '}
      {unread > 0 && (
        <span className="inbox-link__count">
          <span aria-hidden="true">{unread > 99 ? '99+' : unread}</span>
          <span className="visually-hidden">{t('shell.inboxUnread', { count: unread })}</span>
        </span>
      )}
    </NavLink>
  );
}
