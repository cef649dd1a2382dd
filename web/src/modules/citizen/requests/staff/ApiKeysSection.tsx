import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../../app/api.ts';
import { Alert } from '../../../../ui/Alert.tsx';
import { Button } from '../../../../ui/Button.tsx';
import { ErrorSummary } from '../../../../ui/ErrorSummary.tsx';
import { TextField } from '../../../../ui/Field.tsx';
import { formatDateTime } from '../../../../ui/format.ts';
import { Table } from '../../../../ui/Table.tsx';

/** Open311 keys of outside applications (administrators): created with a rate, shown once, revoked. */
export function ApiKeysSection({ orgId }: { orgId: string }) {
  const { t } = useTranslation('citizen');
  const keys = useQuery({
    queryKey: ['requests', orgId, 'api-keys'],
    queryFn: () => call(api.GET('/api/orgs/{orgId}/open311/keys', { params: { path: { orgId } } })),
  });
  const [name, setName] = useState('');
  const [rate, setRate] = useState('60');
  const [created, setCreated] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const create = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const key = await call(
        api.POST('/api/orgs/{orgId}/open311/keys', {
          params: { path: { orgId } },
          body: { name, ratePerMinute: Number(rate) || 60 },
        }),
      );
      setCreated(key.key);
      setName('');
      await keys.refetch();
    } catch (caught) {
      setError(caught);
    }
  };
  const revoke = async (id: string) => {
    try {
      await call(api.DELETE('/api/orgs/{orgId}/open311/keys/{id}', { params: { path: { orgId, id } } }));
      await keys.refetch();
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <section aria-labelledby="keys-title">
      <h2 id="keys-title">{t('requests.keys.title')}</h2>
      <p>{t('requests.keys.intro')}</p>
      {created && (
        <Alert tone="success" title={t('requests.keys.created')}>
          <p>{t('requests.keys.once')}</p>
          <p className="req-code">{created}</p>
        </Alert>
      )}
      <ErrorSummary error={error} />
      {(keys.data?.items.length ?? 0) > 0 && (
        <Table
          caption={t('requests.keys.title')}
          captionHidden
          rows={keys.data?.items ?? []}
          rowKey={(k) => k.id}
          columns={[
            { key: 'name', header: t('requests.settings.name'), rowHeader: true, render: (k) => k.name },
            {
              key: 'prefix',
              header: t('requests.keys.prefix'),
              render: (k) => <span className="req-code">{k.prefix}</span>,
            },
            { key: 'rate', header: t('requests.keys.rate'), render: (k) => k.ratePerMinute },
            { key: 'used', header: t('requests.keys.lastUsed'), render: (k) => formatDateTime(k.lastUsedAt) },
            {
              key: 'state',
              header: t('requests.settings.actions'),
              render: (k) =>
                k.revokedAt ? (
                  t('requests.keys.revokedOn', { date: formatDateTime(k.revokedAt) })
                ) : (
                  <Button
                    variant="link"
                    onClick={() => void revoke(k.id)}
                    aria-label={t('requests.keys.revokeNamed', { name: k.name })}
                  >
                    {t('requests.keys.revoke')}
                  </Button>
                ),
            },
          ]}
        />
      )}
      <form className="form req-panel" onSubmit={create} aria-labelledby="keys-new">
        <h3 id="keys-new">{t('requests.keys.new')}</h3>
        <TextField
          id="key-name"
          label={t('requests.keys.name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <TextField
          id="key-rate"
          label={t('requests.keys.rate')}
          inputMode="numeric"
          inputSize="short"
          value={rate}
          onChange={(e) => setRate(e.target.value)}
        />
        <Button type="submit" variant="secondary">
          {t('requests.keys.create')}
        </Button>
      </form>
    </section>
  );
}
