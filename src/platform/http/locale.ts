/** The two languages of the product; French is the default everywhere. */
export type Locale = 'fr' | 'en';
export const LOCALES: readonly Locale[] = ['fr', 'en'];

/** Picks fr or en from an Accept-Language header, honouring q-values; French when nothing matches. */
export function localeFromHeader(header: string | undefined): Locale {
  if (!header) return 'fr';
  let best: { locale: Locale; q: number } | undefined;
  for (const part of header.split(',')) {
    const [tag = '', ...params] = part.trim().split(';');
    const lang = tag.trim().toLowerCase().slice(0, 2);
    if (lang !== 'fr' && lang !== 'en') continue;
    const qParam = params.find((p) => p.trim().startsWith('q='));
    const q = qParam ? Number.parseFloat(qParam.trim().slice(2)) : 1;
    if (Number.isNaN(q) || q <= 0) continue;
    if (!best || q > best.q) best = { locale: lang, q };
  }
  return best?.locale ?? 'fr';
}

/** A text in both languages. */
export interface Bilingual {
  fr: string;
  en: string;
}
