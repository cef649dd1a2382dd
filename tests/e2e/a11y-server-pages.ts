// The server-rendered pages for the accessibility sweep: their address patterns are read from the route
// files of the server (every `'/region/…'` and `'/emplois/…'` GET route), and the pages themselves come
// from the regional site's sitemap and the job board, one page per pattern and language.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from './support.ts';

const MRC = 'mrc-kamouraska';
/** Server routes that are not HTML pages (files, feeds) or only redirect. */
const NOT_PAGES = [
  '/region/:org',
  '/region/:org/sitemap.xml',
  '/region/:org/images/:fileId',
  '/region/:org/rendez-vous/:file',
];

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

function patternsFromSource(): string[] {
  const found = new Set<string>();
  for (const file of routeFiles(join(ROOT, 'src/modules'))) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/app\.get\(\s*'(\/(?:region|emplois)\/[^']*)'/g)) {
      if (match[1]) found.add(match[1]);
    }
  }
  if (found.size === 0) throw new Error(`no server page route found under ${relative(ROOT, 'src/modules')}`);
  return [...found].filter((p) => !NOT_PAGES.includes(p));
}

const toRegExp = (pattern: string) => new RegExp(`^${pattern.replace(/:[A-Za-z]+/g, '[^/?]+')}(\\?.*)?$`);
const staticSegments = (pattern: string) => pattern.split('/').filter((s) => s && !s.startsWith(':')).length;

const PATTERNS = patternsFromSource().sort((a, b) => staticSegments(b) - staticSegments(a));
/** Every server page pattern, as regular expressions on a path. */
export const SERVER_PAGE_PATTERNS: RegExp[] = PATTERNS.map(toRegExp);

/** One demo page per server page pattern and language. */
export async function serverPages(base: string): Promise<string[]> {
  const sitemap = await (await fetch(`${base}/region/${MRC}/sitemap.xml`)).text();
  const candidates = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1] ?? '').pathname);
  const jobs = await (await fetch(`${base}/emplois/${MRC}`)).text();
  const offer = new RegExp(`href="(/emplois/${MRC}/[^"?#]+)"`).exec(jobs)?.[1];
  // Pages the sitemap does not list (the job-fair kit is linked from the event pages only).
  candidates.push(`/region/${MRC}/fr/trousse-salon`, `/region/${MRC}/en/trousse-salon`);
  candidates.push(`/emplois/${MRC}`, `/emplois/${MRC}?lang=en`);
  if (offer) candidates.push(offer, `${offer}?lang=en`);

  const chosen = new Map<string, string>();
  for (const path of candidates) {
    // The most specific pattern a page answers to (a listing before the generic /:slug page).
    const pattern = PATTERNS.find((p) => toRegExp(p).test(path));
    if (!pattern) continue;
    const language = /\/en(\/|$)|lang=en/.test(path) ? 'en' : 'fr';
    const key = `${pattern} ${language}`;
    if (!chosen.has(key)) chosen.set(key, path);
  }
  return [...chosen.values()];
}
