import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from './api.ts';
import { type Language, rememberLanguage } from './i18n.ts';
import { type Session, useSession } from './session.tsx';

/** The interface language and how to change it: remembered here, and saved to the profile when signed in. */
export function useLanguage() {
  const { i18n } = useTranslation();
  const { signedIn } = useSession();
  const client = useQueryClient();
  const language: Language = i18n.language === 'en' ? 'en' : 'fr';

  const change = useCallback(
    async (next: Language) => {
      rememberLanguage(next);
      await i18n.changeLanguage(next);
      if (signedIn) {
        try {
          await call(api.PATCH('/api/me/profile', { body: { locale: next } }));
          client.setQueryData<Session>(['session'], (old) =>
            old?.account ? { ...old, account: { ...old.account, locale: next } } : old,
          );
        } catch {
          // The interface changed anyway; the profile keeps its language until the next change.
        }
      }
      // Server texts (messages, consent texts) come in the request's language: ask again.
      await client.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'session' });
    },
    [i18n, signedIn, client],
  );

  return { language, change };
}
