import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { type ApiData, api, call } from '../../app/api.ts';
import { formatDateTime } from '../../ui/format.ts';
import { Loadable } from '../../ui/Loadable.tsx';
import { Page } from '../../ui/Page.tsx';
import { useStaff } from './context.ts';

type Message = ApiData<'/api/orgs/{orgId}/outbox/{id}', 'get'>;

/** One message as its recipient reads it (plain text), with its delivery record. */
function MessageView({ message }: { message: Message }) {
  const { t } = useTranslation();
  return (
    <>
      <dl className="summary-list">
        <dt>{t('outbox.to')}</dt>
        <dd>{message.to}</dd>
        <dt>{t('outbox.createdAt')}</dt>
        <dd>{formatDateTime(message.createdAt)}</dd>
        <dt>{t('outbox.status')}</dt>
        <dd>{t(`outbox.statuses.${message.status}`)}</dd>
        <dt>{t('outbox.sentAt')}</dt>
        <dd>{formatDateTime(message.sentAt)}</dd>
        <dt>{t('outbox.attempts')}</dt>
        <dd>{message.attempts}</dd>
        <dt>{t('outbox.language')}</dt>
        <dd>{message.locale === 'en' ? 'English' : 'Français'}</dd>
        {message.lastError && (
          <>
            <dt>{t('outbox.lastError')}</dt>
            <dd>{message.lastError}</dd>
          </>
        )}
      </dl>
      <h2>{t('outbox.body')}</h2>
      <pre className="message-body" lang={message.locale === 'en' ? 'en' : 'fr'}>
        {message.text}
      </pre>
    </>
  );
}

/** One message of an organisation's outbox. */
export function OutboxMessagePage() {
  const { t } = useTranslation();
  const { org, base } = useStaff();
  const { messageId = '' } = useParams();
  const query = useQuery({
    queryKey: ['outbox', org.id, 'message', messageId],
    queryFn: () =>
      call(api.GET('/api/orgs/{orgId}/outbox/{id}', { params: { path: { orgId: org.id, id: messageId } } })),
  });
  return (
    <Page title={query.data?.subject ?? t('outbox.message')}>
      <p>
        <Link to={`${base}/outbox`}>{t('outbox.back')}</Link>
      </p>
      <Loadable query={query}>{(message) => <MessageView message={message} />}</Loadable>
    </Page>
  );
}

/** One message of the installation's outbox. */
export function InstallationOutboxMessagePage() {
  const { t } = useTranslation();
  const { messageId = '' } = useParams();
  const query = useQuery({
    queryKey: ['admin-outbox', 'message', messageId],
    queryFn: () => call(api.GET('/api/admin/outbox/{id}', { params: { path: { id: messageId } } })),
  });
  return (
    <Page title={query.data?.subject ?? t('outbox.message')}>
      <p>
        <Link to="/admin/outbox">{t('outbox.back')}</Link>
      </p>
      <Loadable query={query}>{(message) => <MessageView message={message} />}</Loadable>
    </Page>
  );
}
