// Each module's own catalogues, one i18next namespace per module (`useTranslation('citizen')`), so that
// modules never edit the shell's catalogue. A module adds its two imports and one entry below.
type Catalogue = Record<string, unknown>;

/** Module namespaces: name → { fr, en } (both must hold the same keys; module tests check it). */
export const MODULE_CATALOGUES: Record<string, { fr: Catalogue; en: Catalogue }> = {};
