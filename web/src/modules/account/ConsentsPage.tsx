import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiData, api, call } from '../../app/api.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { errorMessage } from '../../ui/errors.ts';
import { formatDateTime } from '../../ui/format.ts';
import { Loadable } from '../../ui/Loadable.tsx';
import { Page } from '../../ui/Page.tsx';
import { Table } from '../../ui/Table.tsx';

type Consents = ApiData<'/api/me/consents', 'get'>;
type Purpose = Consents['purposes'][number];
const KEY = ['me', 'consents'];

function ConsentsView({ consents }: { consents: Consents }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [message, setMessage] = useState('');
  const toggle = useMutation({
    mutationFn: (purpose: Purpose) =>
      call(
        api.POST('/api/me/consents', {
          body: { purpose: purpose.purpose, granted: !purpose.granted, version: purpose.version },
        }),
      ),
    onSuccess: async (_data, purpose) => {
      setMessage(
        purpose.granted
          ? t('consents.withdrawn', { title: purpose.title })
          : t('consents.granted', { title: purpose.title }),
      );
      await client.invalidateQueries({ queryKey: KEY });
    },
  });
  const titleOf = (purpose: string) => consents.purposes.find((p) => p.purpose === purpose)?.title ?? purpose;

  return (
    <>
      {message && <Alert tone="success">{message}</Alert>}
      {toggle.error && <Alert tone="error">{errorMessage(toggle.error, t)}</Alert>}
      {consents.purposes.length === 0 && <p>{t('consents.none')}</p>}
      {consents.purposes.map((purpose) => (
        <section key={purpose.purpose} className="consent" aria-labelledby={`consent-${purpose.purpose}`}>
          <h2 id={`consent-${purpose.purpose}`}>{purpose.title}</h2>
          <p>{purpose.text}</p>
          <p>
            <strong>{t('consents.status')}</strong>{' '}
            {purpose.granted
              ? t('consents.grantedOn', { date: formatDateTime(purpose.at) })
              : purpose.at
                ? t('consents.withdrawnOn', { date: formatDateTime(purpose.at) })
                : t('consents.notGranted')}
          </p>
          <Button
            variant={purpose.granted ? 'secondary' : 'primary'}
            busy={toggle.isPending && toggle.variables?.purpose === purpose.purpose}
            onClick={() => toggle.mutate(purpose)}
          >
            {purpose.granted
              ? t('consents.withdraw', { title: purpose.title })
              : t('consents.grant', { title: purpose.title })}
          </Button>
        </section>
      ))}
      {consents.history.length > 0 && (
        <>
          <h2>{t('consents.historyTitle')}</h2>
          <Table
            caption={t('consents.historyCaption')}
            captionHidden
            rows={consents.history}
            rowKey={(row) => `${row.purpose}-${row.at}`}
            columns={[
              {
                key: 'at',
                nowrap: true,
                header: t('consents.date'),
                render: (row) => formatDateTime(row.at),
              },
              { key: 'purpose', header: t('consents.purpose'), render: (row) => titleOf(row.purpose) },
              {
                key: 'decision',
                header: t('consents.decision'),
                render: (row) =>
                  row.granted ? t('consents.decisionGranted') : t('consents.decisionWithdrawn'),
              },
              { key: 'version', header: t('consents.version'), render: (row) => row.version },
            ]}
          />
        </>
      )}
    </>
  );
}

/** The consent ledger: each purpose with the exact text shown, granted or withdrawn at will. */
export function ConsentsPage() {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: KEY, queryFn: () => call(api.GET('/api/me/consents')) });
  return (
    <Page title={t('account.consents')}>
      <p>{t('consents.intro')}</p>
      <Loadable query={query}>{(consents) => <ConsentsView consents={consents} />}</Loadable>
    </Page>
  );
}
