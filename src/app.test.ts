import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WEB_DIST, webCacheControl } from './app.ts';

describe('webCacheControl', () => {
  it('lets browsers keep the hashed files of the web build for a year', () => {
    for (const file of ['assets/index-BeyRijVl.js', 'assets/index-DB8jFyEY.css', 'assets/fr-BnuQyEEE.js.br'])
      expect(webCacheControl(join(WEB_DIST, file)), file).toBe('public, max-age=31536000, immutable');
  });

  it('leaves index.html and the files at the root (favicon, manifest) to be revalidated', () => {
    for (const file of ['index.html', 'favicon.svg', 'manifest.webmanifest', 'assets'])
      expect(webCacheControl(join(WEB_DIST, file)), file).toBeUndefined();
  });
});
