import './notifications.css';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type ApiData, api, call } from '../../../app/api.ts';
import { Alert } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { ErrorSummary } from '../../../ui/ErrorSummary.tsx';
import { Loadable } from '../../../ui/Loadable.tsx';
import { Page } from '../../../ui/Page.tsx';
import { Table } from '../../../ui/Table.tsx';

type Preferences = ApiData<'/api/me/notification-preferences', 'get'>;
type Row = Preferences['categories'][number];
type Channels = Row['channels'];
const CHANNELS = ['email', 'sms', 'push', 'inapp'] as const;
type Channel = (typeof CHANNELS)[number];
const KEY = ['me', 'notification-preferences'];

function PreferencesForm({ preferences }: { preferences: Preferences }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const lang = i18n.language === 'en' ? 'en' : 'fr';
  const [choices, setChoices] = useState<Record<string, Channels>>(() =>
    Object.fromEntries(preferences.categories.map((c) => [c.category, c.channels])),
  );
  // The row where the last channel of an always-on category was about to be unticked.
  const [refused, setRefused] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: () => call(api.PUT('/api/me/notification-preferences', { body: { preferences: choices } })),
    onSuccess: (data) => {
      client.setQueryData(KEY, data);
      setSaved(true);
    },
  });

  const toggle = (row: Row, channel: Channel) => {
    setSaved(false);
    const current = choices[row.category] ?? row.channels;
    const next = { ...current, [channel]: !current[channel] };
    if (row.alwaysOn && !CHANNELS.some((c) => next[c])) {
      setRefused(row.category);
      return;
    }
    setRefused(null);
    setChoices((old) => ({ ...old, [row.category]: next }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    save.mutate();
  };

  const channelName = (channel: Channel) => t(`notifications.channels.${channel}`);

  return (
    <form onSubmit={submit} noValidate>
      {saved && <Alert tone="success">{t('notifications.saved')}</Alert>}
      <ErrorSummary error={save.error} />
      {(!preferences.reachable.sms || !preferences.reachable.push) && (
        <Alert tone="info" title={t('notifications.reachTitle')}>
          <ul>
            {!preferences.reachable.sms && (
              <li>
                {t('notifications.noPhone')} <Link to="/account">{t('account.profile')}</Link>
              </li>
            )}
            {!preferences.reachable.push && (
              <li>
                {t('notifications.noDevice')} <Link to="/account/devices">{t('account.devices')}</Link>
              </li>
            )}
          </ul>
        </Alert>
      )}
      <Table
        caption={t('notifications.caption')}
        rows={preferences.categories}
        rowKey={(row) => row.category}
        columns={[
          {
            key: 'category',
            header: t('notifications.category'),
            rowHeader: true,
            render: (row) => (
              <>
                <span id={`pref-${row.category}`}>{row.label[lang]}</span>
                {row.alwaysOn && (
                  <span className="pref-note" id={`pref-${row.category}-why`}>
                    {t(
                      row.category === 'emergency'
                        ? 'notifications.whyEmergency'
                        : 'notifications.whyAccount',
                    )}
                  </span>
                )}
                {refused === row.category && (
                  <span className="field__error" role="alert">
                    {t('notifications.keepOne', { category: row.label[lang] })}
                  </span>
                )}
              </>
            ),
          },
          ...CHANNELS.map((channel) => ({
            key: channel,
            header: channelName(channel),
            render: (row: Row) => {
              const checked = (choices[row.category] ?? row.channels)[channel];
              return (
                <input
                  type="checkbox"
                  className="pref-check"
                  checked={checked}
                  onChange={() => toggle(row, channel)}
                  aria-label={t('notifications.checkboxLabel', {
                    category: row.label[lang],
                    channel: channelName(channel),
                  })}
                  aria-describedby={row.alwaysOn ? `pref-${row.category}-why` : undefined}
                />
              );
            },
          })),
        ]}
      />
      <Button type="submit" busy={save.isPending}>
        {t('common.save')}
      </Button>
    </form>
  );
}

/** Per category and channel, what the person receives; emergency and account messages keep one channel. */
export function NotificationPreferencesPage() {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: KEY,
    queryFn: () => call(api.GET('/api/me/notification-preferences')),
  });
  return (
    <Page title={t('account.notifications')}>
      <p>{t('notifications.intro')}</p>
      <p>{t('notifications.unsubscribeNote')}</p>
      <Loadable query={query}>{(preferences) => <PreferencesForm preferences={preferences} />}</Loadable>
    </Page>
  );
}
