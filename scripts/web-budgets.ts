#!/usr/bin/env node
// JavaScript budget per page of the web app, after `npm run build:web`: the gzip size of the entry chunk
// plus the lazy chunks of each route (read from Vite's manifest, web/dist/.vite/manifest.json), checked
// against web/budgets.json, printed as a table. It also checks that code-splitting per module holds: a
// page loads no module chunk other than its own (a citizen page never loads transit or operations code).
// Exits 1 when a budget is exceeded, splitting is broken, or budgets.json names a route that is gone.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { catalogueFiles, webRoutes } from './web-routes.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'web/dist');
const MANIFEST = join(DIST, '.vite/manifest.json');

interface Chunk {
  file: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  css?: string[];
}
interface Budgets {
  /** KiB of gzip JavaScript allowed on a page without its own entry. */
  defaultJsGzipKiB: number;
  /** Exceptions keyed by the router path (`/:orgSlug/map`), or a prefix ending in `*`; the longest key wins. */
  routes: Record<string, number>;
}

export interface RouteSize {
  path: string;
  jsGzip: number;
  cssGzip: number;
  files: string[];
  budgetKiB: number;
  foreignModules: string[];
}

const matches = (key: string, path: string) =>
  key.endsWith('*') ? path.startsWith(key.slice(0, -1)) : key === path;

function budgetOf(budgets: Budgets, path: string): number {
  const keys = Object.keys(budgets.routes).filter((key) => matches(key, path));
  const best = keys.sort((a, b) => b.length - a.length)[0];
  return best === undefined ? budgets.defaultJsGzipKiB : (budgets.routes[best] ?? budgets.defaultJsGzipKiB);
}

const gzipped = new Map<string, number>();
function gzipSize(file: string): number {
  let size = gzipped.get(file);
  if (size === undefined) {
    size = gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length;
    gzipped.set(file, size);
  }
  return size;
}

/** Sizes of every route of the router, from the manifest of the last build. */
export function measure(budgets: Budgets): RouteSize[] {
  if (!existsSync(MANIFEST)) throw new Error(`${MANIFEST} is missing: run npm run build:web first`);
  const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Record<string, Chunk>;
  const entryKey = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  if (!entryKey) throw new Error('no entry chunk in the manifest');
  const moduleChunks = new Map(
    Object.entries(manifest)
      .filter(([, chunk]) => chunk.isDynamicEntry)
      .map(([key, chunk]) => [chunk.file, key]),
  );

  // A chunk and everything it imports statically: what the browser fetches before running it.
  const closure = (key: string, into: Set<string>) => {
    if (into.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`the manifest has no ${key}`);
    into.add(key);
    for (const imported of chunk.imports ?? []) closure(imported, into);
  };

  const catalogues = catalogueFiles();
  return webRoutes().map((route) => {
    const keys = new Set<string>();
    closure(entryKey, keys);
    // The page's code, and the French catalogue of its module (loaded with it; English pages load theirs).
    const frenchCatalogues = route.catalogues.map((namespace) => catalogues[namespace]?.fr ?? namespace);
    for (const module of [...route.lazyModules, ...frenchCatalogues]) {
      const key = module.replace(/^web\//, '');
      if (!manifest[key]) throw new Error(`${route.path}: ${key} is not in the manifest`);
      closure(key, keys);
    }
    const own = new Set([...route.lazyModules, ...frenchCatalogues].map((m) => m.replace(/^web\//, '')));
    const files = [...keys].map((key) => manifest[key]?.file ?? key);
    const css = new Set([...keys].flatMap((key) => manifest[key]?.css ?? []));
    return {
      path: route.path,
      jsGzip: files.reduce((sum, file) => sum + gzipSize(file), 0),
      cssGzip: [...css].reduce((sum, file) => sum + gzipSize(file), 0),
      files,
      budgetKiB: budgetOf(budgets, route.path),
      foreignModules: files
        .map((file) => moduleChunks.get(file))
        .filter((key): key is string => key !== undefined && !own.has(key)),
    };
  });
}

const kib = (bytes: number) => (bytes / 1024).toFixed(1);

if (import.meta.url === `file://${process.argv[1]}`) {
  const budgets = JSON.parse(readFileSync(join(ROOT, 'web/budgets.json'), 'utf8')) as Budgets;
  const sizes = measure(budgets);
  const problems: string[] = [];
  for (const key of Object.keys(budgets.routes))
    if (!sizes.some((s) => matches(key, s.path)))
      problems.push(`web/budgets.json names ${key}, which matches no route of the router`);

  const width = Math.max(...sizes.map((s) => s.path.length));
  const line = (cells: string[]) =>
    `${cells[0]?.padEnd(width)}  ${cells
      .slice(1)
      .map((c) => c.padStart(9))
      .join('  ')}`;
  process.stdout.write(`${line(['route', 'JS gzip', 'budget', 'CSS gzip', 'chunks', ''])}\n`);
  for (const size of sizes) {
    const over = size.jsGzip > size.budgetKiB * 1024;
    if (over)
      problems.push(`${size.path}: ${kib(size.jsGzip)} KiB of JavaScript, budget ${size.budgetKiB} KiB`);
    if (size.foreignModules.length)
      problems.push(`${size.path} loads the chunks of other modules: ${size.foreignModules.join(', ')}`);
    process.stdout.write(
      `${line([size.path, `${kib(size.jsGzip)} KiB`, `${size.budgetKiB} KiB`, `${kib(size.cssGzip)} KiB`, String(size.files.length), over || size.foreignModules.length ? '✗' : '✓'])}\n`,
    );
  }
  const largest = Math.max(...sizes.map((s) => s.jsGzip));
  process.stdout.write(
    `\n${sizes.length} routes, JavaScript per route (gzip) from ${kib(Math.min(...sizes.map((s) => s.jsGzip)))} to ${kib(largest)} KiB\n`,
  );
  for (const problem of problems) process.stdout.write(`✗ ${problem}\n`);
  process.stdout.write(problems.length ? 'budgets: FAILED\n' : 'budgets: all routes within budget\n');
  process.exit(problems.length ? 1 : 0);
}
