import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiData, api, call } from '../../../app/api.ts';
import { Alert } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { ConfirmDialog } from '../../../ui/Dialog.tsx';
import { errorMessage } from '../../../ui/errors.ts';
import { formatDateTime } from '../../../ui/format.ts';
import { Loadable } from '../../../ui/Loadable.tsx';
import { Page } from '../../../ui/Page.tsx';
import { Table } from '../../../ui/Table.tsx';
import { describeDevice } from '../device.ts';
import {
  PushError,
  pushPermission,
  pushSupported,
  removeDevice,
  subscribeThisDevice,
  thisDeviceId,
} from './push.ts';

type Device = ApiData<'/api/me/push-subscriptions', 'get'>[number];
const KEY = ['me', 'push-subscriptions'];

/** Devices that receive notifications: subscribe this browser (service worker + VAPID), list and remove. */
export function DevicesPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [message, setMessage] = useState('');
  const [removing, setRemoving] = useState<Device | null>(null);
  const [mine, setMine] = useState(thisDeviceId);
  const supported = pushSupported();
  const query = useQuery({ queryKey: KEY, queryFn: () => call(api.GET('/api/me/push-subscriptions')) });
  const refresh = async () => {
    await client.invalidateQueries({ queryKey: KEY });
    await client.invalidateQueries({ queryKey: ['me', 'notification-preferences'] });
  };

  const subscribe = useMutation({
    mutationFn: () => {
      const d = describeDevice(navigator.userAgent);
      const label = d
        ? t('sessions.device', { browser: d.browser, system: d.system })
        : t('sessions.unknownDevice');
      return subscribeThisDevice(label);
    },
    onSuccess: async (id) => {
      setMine(id);
      setMessage(t('devices.subscribed'));
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (device: Device) => removeDevice(device.id),
    onSuccess: async (_data, device) => {
      setRemoving(null);
      if (device.id === mine) setMine(null);
      setMessage(t('devices.removed', { label: device.label }));
      await refresh();
    },
  });

  const problem = subscribe.error instanceof PushError ? subscribe.error.problem : null;
  const subscribedHere = query.data?.some((d) => d.id === mine) ?? false;

  return (
    <Page title={t('account.devices')}>
      <p>{t('devices.intro')}</p>
      <div aria-live="polite">{message && <Alert tone="success">{message}</Alert>}</div>
      {problem && <Alert tone="error">{t(`devices.problems.${problem}`)}</Alert>}
      {subscribe.error && !problem && <Alert tone="error">{errorMessage(subscribe.error, t)}</Alert>}
      {remove.error && <Alert tone="error">{errorMessage(remove.error, t)}</Alert>}

      <h2>{t('devices.thisDevice')}</h2>
      {!supported ? (
        <Alert tone="info" title={t('devices.unsupportedTitle')}>
          <p>{t('devices.unsupportedText')}</p>
        </Alert>
      ) : subscribedHere ? (
        <p>{t('devices.alreadySubscribed')}</p>
      ) : pushPermission() === 'denied' ? (
        <Alert tone="warning" title={t('devices.blockedTitle')}>
          <p>{t('devices.problems.denied')}</p>
        </Alert>
      ) : (
        <>
          <p>{t('devices.subscribeText')}</p>
          <Button busy={subscribe.isPending} onClick={() => subscribe.mutate()}>
            {t('devices.subscribe')}
          </Button>
        </>
      )}

      <h2>{t('devices.listTitle')}</h2>
      <Loadable query={query}>
        {(devices) =>
          devices.length === 0 ? (
            <p>{t('devices.none')}</p>
          ) : (
            <Table
              caption={t('devices.caption', { count: devices.length })}
              captionHidden
              rows={devices}
              rowKey={(d) => d.id}
              columns={[
                {
                  key: 'label',
                  header: t('devices.device'),
                  rowHeader: true,
                  render: (d) => (
                    <>
                      {d.label}{' '}
                      {d.id === mine && <span className="badge badge--ok">{t('devices.thisOne')}</span>}
                    </>
                  ),
                },
                { key: 'service', header: t('devices.service'), render: (d) => d.endpointOrigin },
                {
                  key: 'created',
                  header: t('devices.createdAt'),
                  nowrap: true,
                  render: (d) => formatDateTime(d.createdAt),
                },
                {
                  key: 'last',
                  header: t('devices.lastSuccessAt'),
                  nowrap: true,
                  render: (d) => (d.lastSuccessAt ? formatDateTime(d.lastSuccessAt) : t('devices.never')),
                },
                {
                  key: 'action',
                  header: t('common.actions'),
                  render: (d) => (
                    <Button
                      variant="secondary"
                      onClick={() => setRemoving(d)}
                      aria-label={t('devices.removeNamed', { label: d.label })}
                    >
                      {t('devices.remove')}
                    </Button>
                  ),
                },
              ]}
            />
          )
        }
      </Loadable>
      <ConfirmDialog
        open={removing !== null}
        title={t('devices.removeTitle')}
        confirmLabel={t('devices.remove')}
        danger
        busy={remove.isPending}
        onConfirm={() => removing && remove.mutate(removing)}
        onCancel={() => setRemoving(null)}
      >
        <p>{removing && t('devices.removeText', { label: removing.label })}</p>
      </ConfirmDialog>
    </Page>
  );
}
