import './notifications.css';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { type ApiData, api, call } from '../../../app/api.ts';
import { Alert } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { errorMessage } from '../../../ui/errors.ts';
import { formatDateTime } from '../../../ui/format.ts';
import { Loadable } from '../../../ui/Loadable.tsx';
import { Page } from '../../../ui/Page.tsx';
import { Pagination } from '../../../ui/Pagination.tsx';
import { UNREAD_KEY } from './unread.ts';

type Item = ApiData<'/api/me/inbox', 'get'>['items'][number];
const PER_PAGE = 20;

/** The in-app inbox: unread messages first, each marked read on demand, or all at once. */
export function InboxPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [params] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [message, setMessage] = useState('');
  const query = useQuery({
    queryKey: ['me', 'inbox', 'list', page],
    queryFn: () => call(api.GET('/api/me/inbox', { params: { query: { page, perPage: PER_PAGE } } })),
    placeholderData: keepPreviousData,
  });
  const refresh = async () => {
    await client.invalidateQueries({ queryKey: ['me', 'inbox'] });
    await client.invalidateQueries({ queryKey: UNREAD_KEY });
  };
  const readOne = useMutation({
    mutationFn: (item: Item) =>
      call(api.POST('/api/me/inbox/{id}/read', { params: { path: { id: item.id } } })),
    onSuccess: async (_data, item) => {
      setMessage(t('inbox.markedRead', { title: item.title }));
      await refresh();
    },
  });
  const readAll = useMutation({
    mutationFn: () => call(api.POST('/api/me/inbox/read-all')),
    onSuccess: async (data) => {
      setMessage(t('inbox.allRead', { count: data.updated }));
      await refresh();
    },
  });
  const failure = readOne.error ?? readAll.error;

  return (
    <Page title={t('account.inbox')}>
      <p>{t('inbox.intro')}</p>
      <div aria-live="polite">{message && <Alert tone="success">{message}</Alert>}</div>
      {failure && <Alert tone="error">{errorMessage(failure, t)}</Alert>}
      <Loadable query={query}>
        {(result) => (
          <>
            <p>
              <strong>{t('inbox.unreadCount', { count: result.unread })}</strong>{' '}
              {result.unread > 0 && (
                <Button variant="secondary" busy={readAll.isPending} onClick={() => readAll.mutate()}>
                  {t('inbox.readAll')}
                </Button>
              )}
            </p>
            {result.items.length === 0 ? (
              <p>{t('inbox.none')}</p>
            ) : (
              <ul className="plain-list inbox" aria-label={t('inbox.listLabel')}>
                {result.items.map((item) => (
                  <li
                    key={item.id}
                    className={item.readAt ? 'inbox__item' : 'inbox__item inbox__item--unread'}
                  >
                    <article aria-labelledby={`inbox-${item.id}`}>
                      <h2 id={`inbox-${item.id}`} className="inbox__title">
                        {!item.readAt && <span className="badge badge--new">{t('inbox.unread')}</span>}{' '}
                        {item.title}
                      </h2>
                      <p className="muted">
                        {formatDateTime(item.createdAt)} · {categoryName(t, item.category)}
                      </p>
                      <p className="inbox__body">{item.body}</p>
                      <p className="btn-row">
                        {item.url && (
                          <a
                            href={item.url}
                            onClick={() => {
                              if (!item.readAt) readOne.mutate(item);
                            }}
                          >
                            {t('inbox.open', { title: item.title })}
                          </a>
                        )}
                        {!item.readAt && (
                          <Button
                            variant="secondary"
                            busy={readOne.isPending && readOne.variables?.id === item.id}
                            onClick={() => readOne.mutate(item)}
                            aria-label={t('inbox.markReadNamed', { title: item.title })}
                          >
                            {t('inbox.markRead')}
                          </Button>
                        )}
                        {item.unsubscribeUrl && (
                          <a href={item.unsubscribeUrl}>
                            {t('inbox.unsubscribe', { category: categoryName(t, item.category) })}
                          </a>
                        )}
                      </p>
                    </article>
                  </li>
                ))}
              </ul>
            )}
            {result.total > 0 && (
              <Pagination
                page={result.page}
                perPage={result.perPage}
                total={result.total}
                hrefFor={(p) => `/account/inbox?page=${p}`}
              />
            )}
          </>
        )}
      </Loadable>
    </Page>
  );
}

const CATEGORY_KEYS = {
  account: 'notifications.categories.account',
  emergency: 'notifications.categories.emergency',
  recreation: 'notifications.categories.recreation',
  requests: 'notifications.categories.requests',
  transit: 'notifications.categories.transit',
  jobs: 'notifications.categories.jobs',
  newsletters: 'notifications.categories.newsletters',
  payments: 'notifications.categories.payments',
  participation: 'notifications.categories.participation',
} as const;

/** A category's name (the server's code when the web app does not know it yet). */
export function categoryName(t: TFunction, category: string): string {
  const key = CATEGORY_KEYS[category as keyof typeof CATEGORY_KEYS];
  return key ? t(key) : category;
}
