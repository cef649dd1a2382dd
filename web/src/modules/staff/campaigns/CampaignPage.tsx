import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, call } from '../../../app/api.ts';
import { intlLocale } from '../../../app/i18n.ts';
import { formatDateTime } from '../../../ui/format.ts';
import { Loadable } from '../../../ui/Loadable.tsx';
import { Page } from '../../../ui/Page.tsx';
import { categoryName } from '../../account/notifications/InboxPage.tsx';
import { useStaff } from '../context.ts';
import { ProgressBar } from '../ProgressBar.tsx';

/** One mass send: its progress polled every second until every message is delivered or failed. */
export function CampaignPage() {
  const { t } = useTranslation();
  const { org, base } = useStaff();
  const { campaignId = '' } = useParams();
  const query = useQuery({
    queryKey: ['campaign', org.id, campaignId],
    queryFn: () =>
      call(
        api.GET('/api/orgs/{orgId}/notify/campaigns/{id}', {
          params: { path: { orgId: org.id, id: campaignId } },
        }),
      ),
    // Until fanned out and nothing waits for delivery; failed messages are shown, not waited for.
    refetchInterval: (q) => {
      const c = q.state.data;
      if (q.state.error || c?.done) return false;
      return !c || c.processed < c.total || c.queued > 0 ? 1000 : false;
    },
  });
  return (
    <Page title={query.data ? t('campaigns.oneTitle', { title: query.data.title }) : t('staff.campaigns')}>
      <p>
        <Link to={`${base}/campaigns`}>{t('campaigns.back')}</Link>
      </p>
      <Loadable query={query}>
        {(c) => (
          <>
            <dl className="summary-list">
              <dt>{t('campaigns.category')}</dt>
              <dd>{categoryName(t, c.category)}</dd>
              <dt>{t('campaigns.urgency')}</dt>
              <dd>
                {t(
                  `campaigns.urgencies.${c.urgency === 'low' ? 'low' : c.urgency === 'high' ? 'high' : 'normal'}`,
                )}
              </dd>
              <dt>{t('campaigns.createdAt')}</dt>
              <dd>{formatDateTime(c.createdAt)}</dd>
            </dl>
            <h2>{c.done ? t('campaigns.doneTitle') : t('campaigns.progressTitle')}</h2>
            <ProgressBar
              label={t('campaigns.progressLabel')}
              percent={c.percent}
              status={
                c.done
                  ? t('campaigns.doneStatus', { sent: c.sent, messages: c.messages })
                  : t('campaigns.status', {
                      processed: c.processed,
                      total: c.total,
                      sent: c.sent,
                      messages: c.messages,
                    })
              }
            />
            <ul className="figures" aria-label={t('campaigns.figures')}>
              {(
                [
                  ['total', c.total],
                  ['processed', c.processed],
                  ['skipped', c.skipped],
                  ['messages', c.messages],
                  ['queued', c.queued],
                  ['sent', c.sent],
                  ['failed', c.failed],
                  ['bounced', c.bounced],
                ] as const
              ).map(([name, value]) => (
                <li key={name}>
                  <strong>{value.toLocaleString(intlLocale())}</strong>
                  {t(`campaigns.counts.${name}`)}
                </li>
              ))}
            </ul>
            {c.skipped > 0 && <p>{t('campaigns.skippedNote')}</p>}
            {c.failed > 0 && (
              <p>
                {t('campaigns.failedNote')} <Link to={`${base}/outbox`}>{t('staff.outbox')}</Link>
              </p>
            )}
          </>
        )}
      </Loadable>
    </Page>
  );
}
