// The router reader behind the JavaScript budgets and the accessibility sweep: it must see every page of
// App.tsx with its full path, its lazy module and whether it needs a session, and refuse shapes it cannot
// read rather than skip pages.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogueFiles, fillPath, webRoutes } from '../../scripts/web-routes.ts';

function appFile(source: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'civique-routes-')), 'App.tsx');
  writeFileSync(file, source);
  return file;
}

const SAMPLE = `
const transit = () => import('../modules/transit/index.ts');
const staff = () => import('../modules/staff/index.ts');
const TaxiBusPage = page(transit, 'TaxiBusPage');
const StaffLayout = page(staff, 'StaffLayout');
const DispatchBoardPage = page(transit, 'DispatchBoardPage');
export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route path=":orgSlug/transit" element={<TaxiBusPage />} />
        <Route element={<RequireSignIn />}>
          <Route path="staff/:orgSlug" element={<StaffLayout />}>
            <Route path="modules/transit_dispatch" element={<DispatchBoardPage />} />
          </Route>
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}`;

describe('webRoutes', () => {
  it('reads nested routes with their full path, lazy modules and sign-in', () => {
    const routes = webRoutes(appFile(SAMPLE));
    expect(routes.map((r) => r.path)).toEqual([
      '/',
      '/:orgSlug/transit',
      '/staff/:orgSlug/modules/transit_dispatch',
      '/*',
    ]);
    const dispatch = routes.find((r) => r.component === 'DispatchBoardPage');
    expect(dispatch?.signedIn).toBe(true);
    expect(dispatch?.lazyModules).toEqual([
      'web/src/modules/staff/index.ts',
      'web/src/modules/transit/index.ts',
    ]);
    expect(routes.find((r) => r.component === 'TaxiBusPage')?.signedIn).toBe(false);
    expect(routes.find((r) => r.path === '/*')?.catchAll).toBe(true);
  });

  it('gives each page the module catalogues its area loads (the CATALOGUES map)', () => {
    const withCatalogues = SAMPLE.replace(
      'export function App()',
      "const CATALOGUES = new Map([[transit, ['transit', 'citizen']]]);\nexport function App()",
    );
    const routes = webRoutes(appFile(withCatalogues));
    expect(routes.find((r) => r.component === 'TaxiBusPage')?.catalogues).toEqual(['transit', 'citizen']);
    expect(routes.find((r) => r.component === 'DispatchBoardPage')?.catalogues).toEqual([
      'transit',
      'citizen',
    ]);
    expect(routes.find((r) => r.component === 'HomePage')?.catalogues).toEqual([]);
    expect(() =>
      webRoutes(appFile(withCatalogues.replace("[transit, ['transit', 'citizen']]", 'transit'))),
    ).toThrow(/CATALOGUES/);
  });

  it('finds the file of each language of each module catalogue, and the real router uses only those', () => {
    const files = catalogueFiles();
    expect(files.transit).toEqual({
      fr: 'web/src/modules/transit/locales/fr.json',
      en: 'web/src/modules/transit/locales/en.json',
    });
    for (const route of webRoutes())
      for (const namespace of route.catalogues)
        expect(files[namespace], `${route.path}: ${namespace}`).toBeDefined();
    expect(webRoutes().find((r) => r.path === '/:orgSlug/activities')?.catalogues).toEqual(['citizen']);
  });

  it('refuses an element it cannot read inside <Routes>', () => {
    const odd = SAMPLE.replace('<Route index element={<HomePage />} />', '<Fragment />');
    expect(() => webRoutes(appFile(odd))).toThrow(/unexpected <Fragment>/);
  });

  it('reads the real router: every page has a unique path, and town pages lazy-load their module', () => {
    const routes = webRoutes();
    const paths = routes.map((r) => r.path);
    expect(new Set(paths).size).toBe(paths.length);
    expect(routes.find((r) => r.path === '/:orgSlug/transit')?.lazyModules).toEqual([
      'web/src/modules/transit/index.ts',
    ]);
    expect(routes.find((r) => r.path === '/account/household')?.signedIn).toBe(true);
  });

  it('fills parameters and refuses a missing one', () => {
    expect(fillPath('/:orgSlug/activities/:activityId', { orgSlug: 'joliette', activityId: 'a b' })).toBe(
      '/joliette/activities/a%20b',
    );
    expect(() => fillPath('/:orgSlug/roll', {})).toThrow(/:orgSlug/);
  });
});
