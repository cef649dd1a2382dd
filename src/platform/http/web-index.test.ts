import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { preloadFor, type RoutePreload, routeMatches, webIndex, withPreloads } from './web-index.ts';

const HTML = '<html><head><title>Civique</title></head><body></body></html>';
const ROUTES: RoutePreload[] = [
  { path: '/', scripts: [], styles: [] },
  { path: '/towns', scripts: [], styles: [] },
  {
    path: '/:orgSlug/activities',
    scripts: ['/assets/recreation-A1.js', '/assets/fr-B2.js'],
    styles: ['/assets/recreation-C3.css'],
  },
  { path: '/:orgSlug/activities/:activityId', scripts: ['/assets/recreation-A1.js'], styles: [] },
  { path: '/:orgSlug', scripts: ['/assets/town-D4.js'], styles: [] },
];

describe('routeMatches', () => {
  it('matches parameters segment by segment, never across segments', () => {
    expect(routeMatches('/:orgSlug/activities', '/joliette/activities')).toBe(true);
    expect(routeMatches('/:orgSlug/activities', '/joliette/activities/')).toBe(true);
    expect(routeMatches('/:orgSlug/activities', '/joliette/transit')).toBe(false);
    expect(routeMatches('/:orgSlug/activities', '/joliette/activities/12')).toBe(false);
    expect(routeMatches('/', '/')).toBe(true);
  });
});

describe('preloadFor', () => {
  it('picks the route with the fewest parameters, as the router does', () => {
    expect(preloadFor(ROUTES, '/towns')?.path).toBe('/towns');
    expect(preloadFor(ROUTES, '/joliette')?.path).toBe('/:orgSlug');
    expect(preloadFor(ROUTES, '/joliette/activities/42')?.path).toBe('/:orgSlug/activities/:activityId');
    expect(preloadFor(ROUTES, '/a/b/c/d')).toBeUndefined();
  });
});

describe('withPreloads', () => {
  it('names the page chunks and stylesheets before </head>', () => {
    const html = withPreloads(HTML, ROUTES[2] as RoutePreload);
    expect(html).toContain(
      '<link rel="modulepreload" fetchpriority="low" crossorigin href="/assets/recreation-A1.js">',
    );
    expect(html).toContain(
      '<link rel="modulepreload" fetchpriority="low" crossorigin href="/assets/fr-B2.js">',
    );
    expect(html).toContain(
      '<link rel="preload" as="style" fetchpriority="low" crossorigin href="/assets/recreation-C3.css">',
    );
    expect(html.indexOf('recreation-C3.css')).toBeLessThan(html.indexOf('</head>'));
  });

  it('writes nothing that is not a file of the build', () => {
    const odd = {
      path: '/x',
      scripts: ['/assets/a.js"><script>alert(1)</script>', 'https://evil.example/x.js'],
      styles: [],
    };
    expect(withPreloads(HTML, odd)).toBe(HTML);
  });
});

describe('webIndex', () => {
  it('serves the page with its chunks, and reads a new build again', () => {
    const dist = mkdtempSync(join(tmpdir(), 'civique-web-index-'));
    const index = webIndex(dist);
    expect(index('/joliette/activities')).toBeUndefined(); // no build yet
    mkdirSync(join(dist, '.vite'));
    writeFileSync(join(dist, 'index.html'), HTML);
    writeFileSync(join(dist, '.vite/route-preloads.json'), JSON.stringify(ROUTES));
    expect(index('/joliette/activities')).toContain('/assets/recreation-A1.js');
    expect(index('/towns')).toBe(HTML);
    expect(index('/no/such/page/here')).toBeUndefined();

    const next = ROUTES.map((r) =>
      r.path === '/:orgSlug/activities' ? { ...r, scripts: ['/assets/recreation-E5.js'] } : r,
    );
    writeFileSync(join(dist, '.vite/route-preloads.json'), JSON.stringify(next));
    writeFileSync(join(dist, 'index.html'), HTML.replace('Civique', 'Civique 2'));
    utimesSync(join(dist, 'index.html'), new Date(), new Date(Date.now() + 5000));
    const html = index('/joliette/activities');
    expect(html).toContain('Civique 2');
    expect(html).toContain('/assets/recreation-E5.js');
    expect(html).not.toContain('/assets/recreation-A1.js');
  });
});
