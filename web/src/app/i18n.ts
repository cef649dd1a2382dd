import i18next, { type BackendModule } from 'i18next';
import ICU from 'i18next-icu';
import { initReactI18next } from 'react-i18next';
import type en from './locales/en.json';
import fr from './locales/fr.json';
import { MODULE_CATALOGUES, type ModuleNamespace, type ModuleResources } from './module-catalogues.ts';

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

/**
 * Where each catalogue not in the first chunk comes from: the shell's English one and every module's (see
 * module-catalogues.ts), each language its own chunk. The shell's French catalogue is bundled: French is the
 * default language and the fallback of English, so it is always needed.
 */
const LAZY_CATALOGUES: Record<string, Partial<Record<Language, () => Promise<{ default: object }>>>> = {
  translation: { en: () => import('./locales/en.json') },
  ...MODULE_CATALOGUES,
};

/** An i18next backend that reads a namespace in one language from its chunk. */
const catalogueChunks: BackendModule = {
  type: 'backend',
  callbackApi: true,
  init() {},
  read(language, namespace, callback) {
    const load = LAZY_CATALOGUES[namespace]?.[language === 'en' ? 'en' : 'fr'];
    if (!load) {
      callback(new Error(`no catalogue ${namespace} in ${language}`), false);
      return;
    }
    load().then(
      (catalogue) => callback(null, catalogue.default as Record<string, unknown>),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), true),
    );
  },
};

/**
 * Fetches module catalogues in the language in use (and French, the fallback), e.g. alongside a page's chunk
 * so that the page does not wait for them after it has loaded. Languages chosen later load them again.
 */
export function loadCatalogues(namespaces: readonly ModuleNamespace[]): Promise<void> {
  return namespaces.length ? i18next.loadNamespaces([...namespaces]) : Promise.resolve();
}

/**
 * Starts i18next (ICU message syntax) in the remembered language, with the shell's catalogue; module
 * catalogues are fetched by namespace when first used (`useTranslation('citizen')` waits for its own).
 */
export async function initI18n(): Promise<void> {
  i18next.on('languageChanged', reflectLanguage);
  await i18next
    .use(new ICU({ parseLngForICU: (lng) => intlLocale(lng === 'en' ? 'en' : 'fr') }))
    .use(initReactI18next)
    .use(catalogueChunks)
    .init({
      resources: { fr: { translation: fr } },
      // The bundled French shell catalogue above, and everything else from catalogueChunks.
      partialBundledLanguages: true,
      ns: ['translation'],
      defaultNS: 'translation',
      lng: storedLanguage(),
      fallbackLng: 'fr',
      supportedLngs: ['fr', 'en'],
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  reflectLanguage(i18next.language);
}
