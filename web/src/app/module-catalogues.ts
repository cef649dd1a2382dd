// Each module's own catalogues, one i18next namespace per module (`useTranslation('citizen')`), so that
// modules never edit the shell's catalogue. A module adds its two JSON imports and one entry below, e.g.
//   import citizenEn from '../modules/citizen/locales/en.json';
//   import citizenFr from '../modules/citizen/locales/fr.json';
//   citizen: { fr: citizenFr, en: citizenEn },
import citizenEn from '../modules/citizen/locales/en.json';
import citizenFr from '../modules/citizen/locales/fr.json';
import portalEn from '../modules/portal/locales/en.json';
import portalFr from '../modules/portal/locales/fr.json';

type Catalogue = Record<string, unknown>;

/** Module namespaces: name → { fr, en }; keys are typed from the French catalogue. */
export const MODULE_CATALOGUES = {
  citizen: { fr: citizenFr, en: citizenEn },
  portal: { fr: portalFr, en: portalEn },
} satisfies Record<string, { fr: Catalogue; en: Catalogue }>;

/** The i18next resource types of the module namespaces. */
export type ModuleResources = { [K in keyof typeof MODULE_CATALOGUES]: (typeof MODULE_CATALOGUES)[K]['fr'] };
