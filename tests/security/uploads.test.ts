/**
 * Uploads (issue 14): every route that takes a file is one whose checks are known. The checks themselves
 * live next to the code and are not repeated here: type sniffing against the declared type and extension
 * (415), the size limit (413), one file per request, CSRF, and the EICAR test file refused when clamd is
 * configured, fail-closed 503 when it cannot be reached — src/platform/files/uploads.test.ts,
 * file-checks.test.ts and clamav.test.ts. This suite makes sure no route takes files some other way.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../support/harness.ts';

/** The routes that take a file (multipart, or the file itself as the body), with where it is checked. */
const UPLOAD_ROUTES: Record<string, string> = {
  'POST /api/files/:orgId': 'src/platform/files/uploads.test.ts, clamav.test.ts (every purpose, EICAR)',
  'POST /api/orgs/:orgId/portal/roll/imports': 'src/modules/portal/roll (MAMH XML through singleUpload)',
  'POST /api/orgs/:orgId/requests/photos': 'src/modules/citizen/requests (images through singleUpload)',
  'POST /api/orgs/:orgId/addresses/imports': 'src/platform/geo (CSV or GeoJSON body, own size limit)',
  'POST /api/orgs/:orgId/operations/stations/:stationId/imports': 'src/modules/operations/data (CSV body)',
};

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx?.close();
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

describe('uploads', () => {
  it('only the listed routes take files', () => {
    const uploads = ctx.app.routeTable
      .filter((r) => {
        const consumes = (r.schema.consumes as string[] | undefined) ?? [];
        return consumes.some((type) => type === 'multipart/form-data' || /csv|geo\+json|xml/.test(type));
      })
      .map((r) => `${r.method} ${r.url}`);
    expect(uploads.sort()).toEqual(Object.keys(UPLOAD_ROUTES).sort());
  });

  it('every file is read through the one checked reader (platform/files/multipart.ts)', () => {
    // Reading parts directly would skip the size limit, the type sniffing and the virus scan.
    const direct = sourceFiles('src').filter((file) => {
      if (file.endsWith(join('platform', 'files', 'multipart.ts'))) return false;
      return /\.(parts|file|files|saveRequestFiles)\(/.test(readFileSync(file, 'utf8'));
    });
    expect(direct).toEqual([]);
  });
});
