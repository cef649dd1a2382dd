// Each module's own catalogues, one i18next namespace per module (`useTranslation('citizen')`), so that
// modules never edit the shell's catalogue. A module adds its two JSON imports and one entry below, e.g.
//   import citizenEn from '../modules/citizen/locales/en.json';
//   import citizenFr from '../modules/citizen/locales/fr.json';
//   citizen: { fr: citizenFr, en: citizenEn },
import attractionEn from '../modules/attraction/jobs/locales/en.json';
import attractionFr from '../modules/attraction/jobs/locales/fr.json';
import regionEn from '../modules/attraction/site/locales/en.json';
import regionFr from '../modules/attraction/site/locales/fr.json';
import citizenEn from '../modules/citizen/locales/en.json';
import citizenFr from '../modules/citizen/locales/fr.json';
import participationEn from '../modules/citizen/participation/locales/en.json';
import participationFr from '../modules/citizen/participation/locales/fr.json';
import callbackEn from '../modules/operations/callback/locales/en.json';
import callbackFr from '../modules/operations/callback/locales/fr.json';
import operationsEn from '../modules/operations/locales/en.json';
import operationsFr from '../modules/operations/locales/fr.json';
import portalEn from '../modules/portal/locales/en.json';
import portalFr from '../modules/portal/locales/fr.json';
import transitEn from '../modules/transit/locales/en.json';
import transitFr from '../modules/transit/locales/fr.json';

type Catalogue = Record<string, unknown>;

/** Module namespaces: name → { fr, en }; keys are typed from the French catalogue. */
export const MODULE_CATALOGUES = {
  attraction: { fr: attractionFr, en: attractionEn },
  citizen: { fr: citizenFr, en: citizenEn },
  callback: { fr: callbackFr, en: callbackEn },
  operations: { fr: operationsFr, en: operationsEn },
  participation: { fr: participationFr, en: participationEn },
  portal: { fr: portalFr, en: portalEn },
  region: { fr: regionFr, en: regionEn },
  transit: { fr: transitFr, en: transitEn },
} satisfies Record<string, { fr: Catalogue; en: Catalogue }>;

/** The i18next resource types of the module namespaces. */
export type ModuleResources = { [K in keyof typeof MODULE_CATALOGUES]: (typeof MODULE_CATALOGUES)[K]['fr'] };
