import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, call } from '../../app/api.ts';
import { Loadable } from '../../ui/Loadable.tsx';
import { Page } from '../../ui/Page.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { useStaff } from './context.ts';
import { OutboxTable } from './OutboxTable.tsx';

/** The e-mail outbox of an organisation: what was sent (or held, without SMTP) in its name. */
export function OutboxPage() {
  const { t } = useTranslation();
  const { org, base } = useStaff();
  const [params] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const query = useQuery({
    queryKey: ['outbox', org.id, page],
    queryFn: () =>
      call(api.GET('/api/orgs/{orgId}/outbox', { params: { path: { orgId: org.id }, query: { page } } })),
    placeholderData: keepPreviousData,
  });
  return (
    <Page title={t('staff.outbox')}>
      <p>{t('outbox.intro')}</p>
      <Loadable query={query}>
        {(result) =>
          result.items.length === 0 ? (
            <p>{t('outbox.none')}</p>
          ) : (
            <>
              <OutboxTable
                items={result.items}
                caption={t('outbox.caption', { page: result.page, total: result.total })}
                hrefOf={(item) => `${base}/outbox/${item.id}`}
              />
              <Pagination
                page={result.page}
                perPage={result.perPage}
                total={result.total}
                hrefFor={(p) => `${base}/outbox?page=${p}`}
              />
            </>
          )
        }
      </Loadable>
    </Page>
  );
}
