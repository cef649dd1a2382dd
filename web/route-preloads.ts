// A build step (Vite plugin) that lists, for each page of the router, the chunks it loads after the entry:
// its area's code, their CSS and the French catalogue of its module (French is the default language and the
// fallback of English, so always fetched). The server names them in the page's HTML (<link rel=modulepreload>,
// src/platform/http/web-index.ts), so the browser fetches them with the entry instead of after it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Plugin, Rolldown } from 'vite';
import { catalogueFiles, webRoutes } from '../scripts/web-routes.ts';

/** One page's files, as written to dist/.vite/route-preloads.json and read by the server. */
export interface RoutePreload {
  /** Router path, e.g. `/:orgSlug/activities`. */
  path: string;
  /** Absolute URLs of its JavaScript chunks, not counting the entry's. */
  scripts: string[];
  /** Absolute URLs of their stylesheets. */
  styles: string[];
}

type OutputChunk = Rolldown.OutputChunk;

export const ROUTE_PRELOADS = '.vite/route-preloads.json';

export function routePreloads(repositoryRoot: string): Plugin {
  return {
    name: 'civique-route-preloads',
    apply: 'build',
    writeBundle(options, bundle) {
      const chunks = Object.values(bundle).filter((item): item is OutputChunk => item.type === 'chunk');
      const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
      const bySource = new Map(
        chunks
          .filter((chunk) => chunk.facadeModuleId)
          .map((chunk) => [
            relative(repositoryRoot, chunk.facadeModuleId ?? '').replaceAll('\\', '/'),
            chunk,
          ]),
      );
      const closure = (chunk: OutputChunk, into: Set<string>, skip: Set<string>) => {
        if (into.has(chunk.fileName) || skip.has(chunk.fileName)) return;
        into.add(chunk.fileName);
        for (const file of chunk.imports) {
          const imported = byFile.get(file);
          if (imported) closure(imported, into, skip);
        }
      };
      const entry = chunks.find((chunk) => chunk.isEntry);
      if (!entry) throw new Error('route-preloads: no entry chunk');
      const inEntry = new Set<string>();
      closure(entry, inEntry, new Set());

      const catalogues = catalogueFiles();
      const source = (file: string | undefined, what: string) => {
        const chunk = file ? bySource.get(file) : undefined;
        if (!chunk) throw new Error(`route-preloads: no chunk for ${what} (${file})`);
        return chunk;
      };
      const preloads: RoutePreload[] = webRoutes()
        // Every page, even one with nothing to preload: the server picks the most specific route (`/towns`
        // rather than `/:orgSlug`) among all of them.
        .filter((route) => !route.catchAll)
        .map((route) => {
          const files = new Set<string>();
          for (const module of route.lazyModules) closure(source(module, route.path), files, inEntry);
          for (const namespace of route.catalogues)
            closure(source(catalogues[namespace]?.fr, `catalogue ${namespace}`), files, inEntry);
          const styles = [...files].flatMap((file) => [
            ...(byFile.get(file)?.viteMetadata?.importedCss ?? []),
          ]);
          return {
            path: route.path,
            scripts: [...files].map((file) => `/${file}`),
            styles: [...new Set(styles)].map((file) => `/${file}`),
          };
        });
      const out = join(options.dir ?? '', ROUTE_PRELOADS);
      mkdirSync(join(out, '..'), { recursive: true });
      writeFileSync(out, `${JSON.stringify(preloads, null, 1)}\n`);
    },
  };
}
