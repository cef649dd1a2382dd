import i18next from 'i18next';
import ICU from 'i18next-icu';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import fr from './locales/fr.json';
import { MODULE_CATALOGUES, type ModuleResources } from './module-catalogues.ts';

/** The two languages of the product; French is the default everywhere. */
export type Language = 'fr' | 'en';
export const LANGUAGES: readonly Language[] = ['fr', 'en'];

type SameShape<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Both catalogues hold the same keys: this fails to compile when one of them lacks a key. */
export const CATALOGUES_MATCH: SameShape<typeof fr, typeof en> = true;

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof fr } & ModuleResources;
    returnNull: false;
  }
}

const STORAGE_KEY = 'civique.language';

function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    if (value === 'fr' || value === 'en') return value;
  } catch {
    // Storage can be refused (private modes); French then.
  }
  return 'fr';
}

/** Remembers the chosen language in this browser. */
export function rememberLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered, still applied.
  }
}

/** The language the interface is shown in now. */
export function currentLanguage(): Language {
  return i18next.language === 'en' ? 'en' : 'fr';
}

/** The BCP 47 locale used for dates and numbers (Quebec formats). */
export function intlLocale(language: Language = currentLanguage()): string {
  return language === 'en' ? 'en-CA' : 'fr-CA';
}

function reflectLanguage(language: string): void {
  document.documentElement.lang = language === 'en' ? 'en' : 'fr';
}

export const i18n = i18next;

/** Starts i18next with both catalogues (ICU message syntax), in the remembered language. */
export async function initI18n(): Promise<void> {
  i18next.on('languageChanged', reflectLanguage);
  await i18next
    .use(new ICU({ parseLngForICU: (lng) => intlLocale(lng === 'en' ? 'en' : 'fr') }))
    .use(initReactI18next)
    .init({
      resources: {
        fr: {
          translation: fr,
          ...Object.fromEntries(
            Object.entries(MODULE_CATALOGUES as Record<string, { fr: object; en: object }>).map(([ns, c]) => [
              ns,
              c.fr,
            ]),
          ),
        },
        en: {
          translation: en,
          ...Object.fromEntries(
            Object.entries(MODULE_CATALOGUES as Record<string, { fr: object; en: object }>).map(([ns, c]) => [
              ns,
              c.en,
            ]),
          ),
        },
      },
      lng: storedLanguage(),
      fallbackLng: 'fr',
      supportedLngs: ['fr', 'en'],
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  reflectLanguage(i18next.language);
}
