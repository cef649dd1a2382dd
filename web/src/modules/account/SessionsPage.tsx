import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type ApiData, api, call } from '../../app/api.ts';
import { useSignOut } from '../../app/session.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { ConfirmDialog } from '../../ui/Dialog.tsx';
import { errorMessage } from '../../ui/errors.ts';
import { formatDateTime } from '../../ui/format.ts';
import { Loadable } from '../../ui/Loadable.tsx';
import { Page } from '../../ui/Page.tsx';
import { Table } from '../../ui/Table.tsx';
import { describeDevice } from './device.ts';

type SessionRow = ApiData<'/api/auth/sessions', 'get'>[number];
const KEY = ['auth', 'sessions'];

/** The person's open sessions: end one, or sign out everywhere. */
export function SessionsPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const [confirmAll, setConfirmAll] = useState(false);
  const [message, setMessage] = useState('');
  const query = useQuery({ queryKey: KEY, queryFn: () => call(api.GET('/api/auth/sessions')) });

  const end = useMutation({
    mutationFn: (id: string) => call(api.DELETE('/api/auth/sessions/{id}', { params: { path: { id } } })),
    onSuccess: async () => {
      setMessage(t('sessions.ended'));
      await client.invalidateQueries({ queryKey: KEY });
    },
  });

  const device = (row: SessionRow) => {
    const d = describeDevice(row.userAgent);
    return d ? t('sessions.device', { browser: d.browser, system: d.system }) : t('sessions.unknownDevice');
  };

  return (
    <Page title={t('account.sessions')}>
      <p>{t('sessions.intro')}</p>
      {message && <Alert tone="success">{message}</Alert>}
      {end.error && <Alert tone="error">{errorMessage(end.error, t)}</Alert>}
      <Loadable query={query}>
        {(rows) => (
          <Table
            caption={t('sessions.caption', { count: rows.length })}
            rows={rows}
            rowKey={(row) => row.id}
            columns={[
              {
                key: 'device',
                header: t('sessions.deviceColumn'),
                rowHeader: true,
                render: (row) => (
                  <>
                    {device(row)}{' '}
                    {row.current && <span className="badge badge--ok">{t('sessions.current')}</span>}
                  </>
                ),
              },
              { key: 'ip', header: t('sessions.ip'), render: (row) => row.ip ?? '—' },
              {
                key: 'created',
                nowrap: true,
                header: t('sessions.createdAt'),
                render: (row) => formatDateTime(row.createdAt),
              },
              {
                key: 'seen',
                nowrap: true,
                header: t('sessions.lastSeenAt'),
                render: (row) => formatDateTime(row.lastSeenAt),
              },
              {
                key: 'action',
                header: t('common.actions'),
                render: (row) =>
                  row.current ? (
                    <span className="muted">{t('sessions.thisOne')}</span>
                  ) : (
                    <Button
                      variant="secondary"
                      busy={end.isPending && end.variables === row.id}
                      onClick={() => end.mutate(row.id)}
                      aria-label={t('sessions.endNamed', {
                        device: device(row),
                        date: formatDateTime(row.lastSeenAt),
                      })}
                    >
                      {t('sessions.end')}
                    </Button>
                  ),
              },
            ]}
          />
        )}
      </Loadable>
      <h2>{t('sessions.everywhereTitle')}</h2>
      <p>{t('sessions.everywhereText')}</p>
      <Button variant="danger" onClick={() => setConfirmAll(true)}>
        {t('sessions.everywhere')}
      </Button>
      <ConfirmDialog
        open={confirmAll}
        title={t('sessions.everywhereTitle')}
        confirmLabel={t('sessions.everywhere')}
        danger
        busy={signOut.isPending}
        onCancel={() => setConfirmAll(false)}
        onConfirm={() =>
          signOut.mutate('everywhere', {
            onSettled: () => {
              setConfirmAll(false);
              navigate('/', { state: { signedOut: true } });
            },
          })
        }
      >
        <p>{t('sessions.everywhereConfirm')}</p>
      </ConfirmDialog>
    </Page>
  );
}
