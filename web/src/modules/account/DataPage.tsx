import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../app/api.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { TextAreaField } from '../../ui/Field.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { Loadable } from '../../ui/Loadable.tsx';
import { Page } from '../../ui/Page.tsx';
import { Table } from '../../ui/Table.tsx';
import { useForm } from '../../ui/useForm.ts';

const KEY = ['me', 'deletion-requests'];

function DeletionRequestForm() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useForm('deletion', { reason: '' });
  const submit = form.handleSubmit(async ({ reason }) => {
    await call(api.POST('/api/me/deletion-requests', { body: { reason: reason.trim() } }));
    form.setValues({ reason: '' });
    await client.invalidateQueries({ queryKey: KEY });
  });
  return (
    <form className="form" onSubmit={submit} noValidate>
      <ErrorSummary error={form.error} fields={form.summaryFields()} />
      <TextAreaField {...form.field('reason', t('data.reason'))} optional hint={t('data.reasonHint')} />
      <Button type="submit" variant="danger" busy={form.pending}>
        {t('data.requestDeletion')}
      </Button>
    </form>
  );
}

/** Law 25: download everything held about oneself, and ask for its deletion. */
export function DataPage() {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: KEY, queryFn: () => call(api.GET('/api/me/deletion-requests')) });
  return (
    <Page title={t('account.data')}>
      <h2>{t('data.downloadTitle')}</h2>
      <p>{t('data.downloadText')}</p>
      <ul>
        <li>
          <a href="/api/me/export?format=json" download>
            {t('data.downloadJson')}
          </a>
        </li>
        <li>
          <a href="/api/me/export?format=csv" download>
            {t('data.downloadCsv')}
          </a>
        </li>
      </ul>

      <h2>{t('data.deletionTitle')}</h2>
      <p>{t('data.deletionText')}</p>
      <Loadable query={query}>
        {({ items: requests }) => {
          const open = requests.find((r) => r.status === 'open');
          return (
            <>
              {open ? (
                <Alert tone="info" title={t('data.openTitle')}>
                  <p>
                    {t('data.openText', {
                      date: formatDateTime(open.createdAt),
                      due: formatDateTime(open.dueAt),
                    })}
                  </p>
                </Alert>
              ) : (
                <DeletionRequestForm />
              )}
              {requests.length > 0 && (
                <Table
                  caption={t('data.requestsCaption')}
                  rows={requests}
                  rowKey={(r) => r.id}
                  columns={[
                    {
                      key: 'created',
                      nowrap: true,
                      header: t('data.createdAt'),
                      render: (r) => formatDateTime(r.createdAt),
                    },
                    {
                      key: 'status',
                      header: t('data.status'),
                      render: (r) => t(`data.statuses.${r.status}`),
                    },
                    {
                      key: 'due',
                      nowrap: true,
                      header: t('data.dueAt'),
                      render: (r) => formatDateTime(r.dueAt),
                    },
                    { key: 'response', header: t('data.response'), render: (r) => r.response ?? '—' },
                  ]}
                />
              )}
            </>
          );
        }}
      </Loadable>
    </Page>
  );
}
