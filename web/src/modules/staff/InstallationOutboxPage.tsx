import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, call } from '../../app/api.ts';
import { Loadable } from '../../ui/Loadable.tsx';
import { Page } from '../../ui/Page.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { OutboxTable } from './OutboxTable.tsx';

/** The installation's outbox: every message, including sign-up codes and password resets. */
export function InstallationOutboxPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const query = useQuery({
    queryKey: ['admin-outbox', page],
    queryFn: () => call(api.GET('/api/admin/outbox', { params: { query: { page } } })),
    placeholderData: keepPreviousData,
  });
  return (
    <Page title={t('staff.installationOutbox')}>
      <p>{t('outbox.installationIntro')}</p>
      <Loadable query={query}>
        {(result) =>
          result.items.length === 0 ? (
            <p>{t('outbox.none')}</p>
          ) : (
            <>
              <OutboxTable
                items={result.items}
                caption={t('outbox.caption', { page: result.page, total: result.total })}
                hrefOf={(item) => `/admin/outbox/${item.id}`}
              />
              <Pagination
                page={result.page}
                perPage={result.perPage}
                total={result.total}
                hrefFor={(p) => `/admin/outbox?page=${p}`}
              />
            </>
          )
        }
      </Loadable>
    </Page>
  );
}
