import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiData, api, call } from '../../app/api.ts';
import { rememberLanguage } from '../../app/i18n.ts';
import { type Session, useSession } from '../../app/session.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { Loadable } from '../../ui/Loadable.tsx';
import { Page } from '../../ui/Page.tsx';
import { useForm } from '../../ui/useForm.ts';

type Profile = ApiData<'/api/me/profile', 'get'>;

function ProfileForm({ profile, onSaved }: { profile: Profile; onSaved: (saved: boolean) => void }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const form = useForm('profile', {
    givenName: profile.givenName,
    familyName: profile.familyName,
    phone: profile.phone ?? '',
    locale: profile.locale as string,
  });

  const submit = form.handleSubmit(async (values) => {
    onSaved(false);
    const locale = values.locale === 'en' ? 'en' : 'fr';
    const updated = await call(
      api.PATCH('/api/me/profile', {
        body: {
          givenName: values.givenName,
          familyName: values.familyName,
          phone: values.phone.trim() === '' ? null : values.phone.trim(),
          locale,
        },
      }),
    );
    client.setQueryData(['me', 'profile'], updated);
    client.setQueryData<Session>(['session'], (old) =>
      old?.account
        ? {
            ...old,
            account: { ...old.account, givenName: updated.givenName, familyName: updated.familyName, locale },
          }
        : old,
    );
    if (locale !== i18n.language) {
      rememberLanguage(locale);
      await i18n.changeLanguage(locale);
    }
    onSaved(true);
  });

  return (
    <form className="form" onSubmit={submit} noValidate>
      <ErrorSummary error={form.error} fields={form.summaryFields()} />
      <TextField {...form.field('givenName', t('profile.givenName'))} autoComplete="given-name" />
      <TextField {...form.field('familyName', t('profile.familyName'))} autoComplete="family-name" />
      <TextField
        {...form.field('phone', t('profile.phone'))}
        type="tel"
        autoComplete="tel"
        optional
        hint={t('profile.phoneHint')}
      />
      <SelectField {...form.field('locale', t('profile.locale'))} hint={t('profile.localeHint')}>
        <option value="fr">Français</option>
        <option value="en">English</option>
      </SelectField>
      <Button type="submit" busy={form.pending}>
        {t('common.save')}
      </Button>
    </form>
  );
}

/** The person's name, phone and language. */
export function ProfilePage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const [saved, setSaved] = useState(false);
  const query = useQuery({ queryKey: ['me', 'profile'], queryFn: () => call(api.GET('/api/me/profile')) });
  return (
    <Page title={t('account.profile')}>
      <dl className="summary-list">
        <dt>{t('auth.email')}</dt>
        <dd>{session.account?.email}</dd>
      </dl>
      {saved && <Alert tone="success">{t('profile.saved')}</Alert>}
      {/* The language can also change from the header: the form starts again from the saved profile. */}
      <Loadable query={query}>
        {(profile) => <ProfileForm key={profile.locale} profile={profile} onSaved={setSaved} />}
      </Loadable>
    </Page>
  );
}
