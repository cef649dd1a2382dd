import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { routePreloads } from './route-preloads.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

// Brotli and gzip copies of the text files, served by @fastify/static (preCompressed) without compressing
// on each request: uncompressed JavaScript cost seconds of first paint on a phone (Lighthouse).
function precompress(): Plugin {
  return {
    name: 'civique-precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      for (const fileName of Object.keys(bundle)) {
        if (!/\.(js|css|html|svg|json)$/.test(fileName)) continue;
        const file = join(options.dir ?? '', fileName);
        const item = bundle[fileName];
        const body = Buffer.from(item?.type === 'chunk' ? item.code : (item?.source ?? ''));
        if (body.length < 1024) continue;
        writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
      }
    },
  };
}

// The Fastify server serves web/dist; in development Vite serves the app and forwards /api to it.
export default defineConfig({
  root,
  plugins: [react(), precompress(), routePreloads(fileURLToPath(new URL('..', import.meta.url)))],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    // dist/.vite/manifest.json maps each source module to its chunk: scripts/web-budgets.ts reads it.
    manifest: true,
    // The Content-Security-Policy forbids inline scripts and data: scripts.
    assetsInlineLimit: 0,
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
});
