// The web app's index page for a given address, naming in its <head> the chunks that address's page will load
// (<link rel="modulepreload">, from dist/.vite/route-preloads.json written by web/route-preloads.ts): the
// browser then fetches the page's code and catalogue alongside the entry rather than after running it.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** One page's files (web/route-preloads.ts writes them). */
export interface RoutePreload {
  path: string;
  scripts: string[];
  styles: string[];
}

/** Whether a router path (`/:orgSlug/activities`) matches an address path (`/joliette/activities`). */
export function routeMatches(pattern: string, path: string): boolean {
  const want = pattern.split('/').filter(Boolean);
  const have = path.split('/').filter(Boolean);
  return want.length === have.length && want.every((part, i) => part.startsWith(':') || part === have[i]);
}

/** The page of an address: of the matching routes, the one with the fewest parameters (React Router's pick). */
export function preloadFor(preloads: readonly RoutePreload[], path: string): RoutePreload | undefined {
  const params = (p: RoutePreload) => p.path.split('/').filter((part) => part.startsWith(':')).length;
  return preloads.filter((p) => routeMatches(p.path, path)).sort((a, b) => params(a) - params(b))[0];
}

const SAFE_URL = /^\/assets\/[\w.-]+$/;

/**
 * The index page with the page's chunks named before </head> (only build file names are written). They are
 * asked for at low priority: the entry and the stylesheet, which the first paint needs, go first.
 */
export function withPreloads(html: string, preload: RoutePreload): string {
  const links = [
    ...preload.scripts
      .filter((u) => SAFE_URL.test(u))
      .map((u) => `<link rel="modulepreload" fetchpriority="low" crossorigin href="${u}">`),
    ...preload.styles
      .filter((u) => SAFE_URL.test(u))
      .map((u) => `<link rel="preload" as="style" fetchpriority="low" crossorigin href="${u}">`),
  ];
  return links.length ? html.replace('</head>', `    ${links.join('\n    ')}\n  </head>`) : html;
}

/**
 * The index page to send for an address, or undefined to send index.html as it is (no build, or a build
 * without route-preloads.json). Both files are read again when index.html changes (a new build).
 */
export function webIndex(dist: string): (path: string) => string | undefined {
  const indexFile = join(dist, 'index.html');
  const preloadsFile = join(dist, '.vite/route-preloads.json');
  let loaded: { mtime: number; html: string; preloads: RoutePreload[] } | undefined;
  return (path) => {
    if (!existsSync(indexFile) || !existsSync(preloadsFile)) return undefined;
    const mtime = statSync(indexFile).mtimeMs;
    if (loaded?.mtime !== mtime) {
      loaded = {
        mtime,
        html: readFileSync(indexFile, 'utf8'),
        preloads: JSON.parse(readFileSync(preloadsFile, 'utf8')) as RoutePreload[],
      };
    }
    const preload = preloadFor(loaded.preloads, path);
    return preload ? withPreloads(loaded.html, preload) : undefined;
  };
}
