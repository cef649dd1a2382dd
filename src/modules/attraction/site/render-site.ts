// The HTML frame of the public regional site: readable without JavaScript, with every tag search engines and
// link previews read (title, description, canonical, hreflang, Open Graph) and JSON-LD blocks.
import type { Region } from './policies.ts';

export type Lang = 'fr' | 'en';

/** Escapes text for HTML content and attribute values. */
export const esc = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/** The words of the frame in both languages. */
export const T = {
  fr: {
    skip: 'Aller au contenu',
    menu: 'Menu principal',
    home: 'Accueil',
    map: 'Carte du territoire',
    employers: 'Employeurs',
    contacts: 'Personnes-ressources',
    news: 'Actualités',
    events: 'Événements',
    other: 'English',
    otherLang: 'en',
    footer: 'Site régional d’attractivité',
    jobs: 'Offres d’emploi',
    noJs: 'Cette page fonctionne sans JavaScript.',
  },
  en: {
    skip: 'Skip to content',
    menu: 'Main menu',
    home: 'Home',
    map: 'Map of the territory',
    employers: 'Employers',
    contacts: 'Resource people',
    news: 'News',
    events: 'Events',
    other: 'Français',
    otherLang: 'fr',
    footer: 'Regional attraction site',
    jobs: 'Job offers',
    noJs: 'This page works without JavaScript.',
  },
} as const;

/** A menu entry (top-level page with its sub-pages). */
export interface MenuEntry {
  title: string;
  path: string;
  children: Array<{ title: string; path: string }>;
}

/** Everything the frame needs about one page. */
export interface PageFrame {
  region: Region;
  locale: Lang;
  publicUrl: string;
  title: string;
  description: string;
  /** The page's path in each language (hreflang alternates); the current one is canonical. */
  paths: { fr: string; en: string };
  body: string;
  menu: MenuEntry[];
  jsonLd?: string[];
  ogType?: 'website' | 'article';
  imageUrl?: string | null;
  noindex?: boolean;
  banner?: string;
}

const STYLE = `:root{--brand:#5b2c6f;--ink:#1a1a1a;--muted:#4a4a4a;--line:#d0d0d0}*{box-sizing:border-box}body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:var(--ink);line-height:1.55;overflow-wrap:anywhere}a{color:#004b87}a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible{outline:3px solid #e67e22;outline-offset:2px}.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:10}header{background:var(--brand);color:#fff;padding:.75rem 1rem}header a{color:#fff}.brand{font-weight:700;font-size:1.2rem;text-decoration:none}.lang{float:right}nav ul{list-style:none;margin:.5rem 0 0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}nav ul ul{display:flex;flex-wrap:wrap;gap:.25rem .75rem;margin:0;font-size:.9rem}nav a,.lang,.brand{display:inline-block;min-height:1.75rem;padding:.2rem 0}main{max-width:50rem;margin:0 auto;padding:1rem}img{max-width:100%;height:auto}.cards{list-style:none;padding:0;display:grid;gap:1rem;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr))}.cards li{border:1px solid var(--line);border-radius:.4rem;padding:.75rem}.meta{color:var(--muted);font-size:.95rem}form.filters{display:flex;flex-wrap:wrap;gap:.5rem;align-items:end;margin:1rem 0}form.filters label{display:flex;flex-direction:column;font-size:.9rem}input,select,button,textarea{font:inherit;padding:.4rem;min-height:2.5rem}button{background:var(--brand);color:#fff;border:0;border-radius:.3rem;padding:.4rem 1rem}.banner{background:#fff3cd;border:2px solid #8a6d00;padding:.5rem 1rem}footer{border-top:1px solid var(--line);margin-top:2rem;padding:1rem;text-align:center;color:var(--muted)}dt{font-weight:600}dd{margin:0 0 .5rem}form.stack label{display:block;font-weight:600}form.stack .check label{display:inline;font-weight:400}form.stack input:not([type=checkbox]),form.stack textarea{width:100%}form.stack input[type=checkbox]{min-height:1.5rem;width:1.5rem;height:1.5rem;vertical-align:middle}.error{display:block;color:#a00000}.form-errors{border:2px solid #a00000;padding:.25rem 1rem;margin:1rem 0}.hp{position:absolute;left:-9999px}`;

function nav(f: PageFrame): string {
  const t = T[f.locale];
  const base = `/region/${f.region.slug}/${f.locale}`;
  const fixed = [
    { title: t.map, path: `${base}/lieux` },
    { title: t.employers, path: `${base}/employeurs` },
    { title: t.contacts, path: `${base}/personnes-ressources` },
    { title: t.news, path: `${base}/actualites` },
    { title: t.events, path: `${base}/evenements` },
  ];
  const items = [
    ...f.menu.map(
      (m) =>
        `<li><a href="${esc(m.path)}">${esc(m.title)}</a>${m.children.length ? `<ul>${m.children.map((c) => `<li><a href="${esc(c.path)}">${esc(c.title)}</a></li>`).join('')}</ul>` : ''}</li>`,
    ),
    ...fixed.map((x) => `<li><a href="${esc(x.path)}">${esc(x.title)}</a></li>`),
  ];
  return `<nav aria-label="${t.menu}"><ul>${items.join('')}</ul></nav>`;
}

/** The whole HTML document of a public page. */
export function renderFrame(f: PageFrame): string {
  const t = T[f.locale];
  const abs = (p: string) => `${f.publicUrl}${p}`;
  const canonical = abs(f.paths[f.locale]);
  const description = f.description.replace(/\s+/g, ' ').trim().slice(0, 300);
  const other = f.locale === 'fr' ? 'en' : 'fr';
  const siteName = f.region.name[f.locale];
  return `<!doctype html>
<html lang="${f.locale}-CA">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(f.title)} — ${esc(siteName)}</title>
<meta name="description" content="${esc(description)}">
${f.noindex ? '<meta name="robots" content="noindex, nofollow">\n' : ''}<link rel="canonical" href="${esc(canonical)}">
<link rel="alternate" hreflang="fr-CA" href="${esc(abs(f.paths.fr))}">
<link rel="alternate" hreflang="en-CA" href="${esc(abs(f.paths.en))}">
<link rel="alternate" hreflang="x-default" href="${esc(abs(f.paths.fr))}">
<meta property="og:type" content="${f.ogType ?? 'website'}">
<meta property="og:site_name" content="${esc(siteName)}">
<meta property="og:title" content="${esc(f.title)}">
<meta property="og:description" content="${esc(description)}">
<meta property="og:url" content="${esc(canonical)}">
<meta property="og:locale" content="${f.locale === 'fr' ? 'fr_CA' : 'en_CA'}">
<meta property="og:locale:alternate" content="${f.locale === 'fr' ? 'en_CA' : 'fr_CA'}">
${f.imageUrl ? `<meta property="og:image" content="${esc(f.imageUrl.startsWith('http') ? f.imageUrl : abs(f.imageUrl))}">\n` : ''}<meta name="twitter:card" content="${f.imageUrl ? 'summary_large_image' : 'summary'}">
<style>${STYLE}</style>
${(f.jsonLd ?? []).join('\n')}
</head>
<body>
<a class="skip" href="#contenu">${t.skip}</a>
<header>
<a class="lang" href="${esc(f.paths[other])}" hreflang="${other}-CA" lang="${other}-CA">${t.other}</a>
<a class="brand" href="/region/${esc(f.region.slug)}/${f.locale}">${esc(siteName)}</a>
${nav(f)}
</header>
${f.banner ? `<p class="banner" role="status">${esc(f.banner)}</p>` : ''}
<main id="contenu" tabindex="-1">
${f.body}
</main>
<footer><p>${esc(siteName)} — ${t.footer}. <a href="/emplois/${esc(f.region.slug)}">${t.jobs}</a></p></footer>
</body>
</html>`;
}

/** Formats a date-time in Quebec's zone for people. */
export function formatWhen(d: Date, locale: Lang, withTime = true): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-CA' : 'en-CA', {
    timeZone: 'America/Toronto',
    dateStyle: 'long',
    ...(withTime ? { timeStyle: 'short' } : {}),
  }).format(d);
}
