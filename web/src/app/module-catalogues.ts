// Each module's own catalogues, one i18next namespace per module (`useTranslation('citizen')`), so that
// modules never edit the shell's catalogue. They are not in the first JavaScript chunk: each language of
// each namespace is its own small chunk, fetched when a page of the module is opened (with the page's own
// chunk, see App.tsx) and only in the language in use (i18n.ts). A module adds one entry below, e.g.
//   citizen: {
//     fr: () => import('../modules/citizen/locales/fr.json'),
//     en: () => import('../modules/citizen/locales/en.json'),
//   },

type Catalogue = Record<string, unknown>;
type Load<C extends Catalogue> = () => Promise<{ default: C }>;

/** Module namespaces: name → { fr, en } loaders; keys are typed from the French catalogue. */
export const MODULE_CATALOGUES = {
  attraction: {
    fr: () => import('../modules/attraction/jobs/locales/fr.json'),
    en: () => import('../modules/attraction/jobs/locales/en.json'),
  },
  citizen: {
    fr: () => import('../modules/citizen/locales/fr.json'),
    en: () => import('../modules/citizen/locales/en.json'),
  },
  callback: {
    fr: () => import('../modules/operations/callback/locales/fr.json'),
    en: () => import('../modules/operations/callback/locales/en.json'),
  },
  operations: {
    fr: () => import('../modules/operations/locales/fr.json'),
    en: () => import('../modules/operations/locales/en.json'),
  },
  participation: {
    fr: () => import('../modules/citizen/participation/locales/fr.json'),
    en: () => import('../modules/citizen/participation/locales/en.json'),
  },
  portal: {
    fr: () => import('../modules/portal/locales/fr.json'),
    en: () => import('../modules/portal/locales/en.json'),
  },
  region: {
    fr: () => import('../modules/attraction/site/locales/fr.json'),
    en: () => import('../modules/attraction/site/locales/en.json'),
  },
  transit: {
    fr: () => import('../modules/transit/locales/fr.json'),
    en: () => import('../modules/transit/locales/en.json'),
  },
} satisfies Record<string, { fr: Load<Catalogue>; en: Load<Catalogue> }>;

/** The name of a module's namespace. */
export type ModuleNamespace = keyof typeof MODULE_CATALOGUES;

/** The i18next resource types of the module namespaces. */
export type ModuleResources = {
  [K in ModuleNamespace]: Awaited<ReturnType<(typeof MODULE_CATALOGUES)[K]['fr']>>['default'];
};
