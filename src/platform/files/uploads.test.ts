import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import exifr from 'exifr';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../../tests/support/client.ts';
import { createOrg } from '../../../tests/support/factories.ts';
import { createTestContext, type TestContext } from '../../../tests/support/harness.ts';
import {
  type ErrorReply,
  type FormFile,
  fileLink,
  follow,
  jpegWithGps,
  multipartForm,
  pdfBytes,
  pngBytes,
  signedIn,
  uploadFile,
} from '../../../tests/support/uploads.ts';
import { registerFilePurpose } from './purposes.ts';
import { files } from './schema.ts';

let ctx: TestContext;
let orgId: string;

beforeAll(async () => {
  // A small limit keeps the oversized upload small.
  ctx = await createTestContext({ UPLOAD_MAX_BYTES: String(64 * 1024) });
  orgId = (await createOrg(ctx.db)).id;
});
afterAll(async () => ctx?.close());

const citizen = (locale: 'fr' | 'en' = 'fr') => signedIn(ctx, { locale });
const upload = (client: TestClient, purpose: string | undefined, file: FormFile, org = orgId) =>
  uploadFile(client, org, purpose, file);
const download = (client: TestClient, fileId: string, org = orgId) => fileLink(client, org, fileId);

function storedFiles(): string[] {
  const root = join(ctx.config.dataDir, 'files');
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('uploads', () => {
  it('stores a PDF under a server-generated name, keeping the sanitised original name as metadata', async () => {
    const { client, id } = await citizen();
    const content = pdfBytes('plan');
    const res = await upload(client, 'document', {
      name: '../../etc/Plan d’implantation — cour arrière\u202e.pdf',
      type: 'application/pdf',
      content,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      orgId,
      purpose: 'document',
      originalName: 'Plan d’implantation — cour arrière.pdf',
      mime: 'application/pdf',
      sizeBytes: content.length,
      scanStatus: 'not_scanned',
    });
    const [row] = await ctx.db
      .select()
      .from(files)
      .where(and(eq(files.orgId, orgId), eq(files.id, res.body.id)));
    expect(row?.ownerAccountId).toBe(id);
    expect(row?.storageKey).toMatch(new RegExp(`^${orgId}/\\d{4}/\\d{2}/${res.body.id}\\.pdf$`));
    const onDisk = storedFiles().find((path) => path.endsWith(`${res.body.id}.pdf`));
    expect(onDisk).toBeDefined();
    expect(onDisk).not.toContain('implantation');
  });

  it('refuses a file over the size limit with 413 in both languages, storing nothing', async () => {
    const before = storedFiles().length;
    const big = Buffer.concat([pdfBytes(), Buffer.alloc(64 * 1024, 0x20)]);
    for (const [locale, message] of [
      ['fr', 'Le fichier dépasse la taille maximale permise de 64 ko. Réduisez-le et réessayez.'],
      ['en', 'The file is larger than the 64 KB limit. Make it smaller and try again.'],
    ] as const) {
      const { client } = await citizen(locale);
      const res = await upload(client, 'document', {
        name: 'big.pdf',
        type: 'application/pdf',
        content: big,
      });
      expect(res.status).toBe(413);
      expect(res.body.error).toEqual({ code: 'files.too_large', message });
    }
    expect(storedFiles().length).toBe(before);
  });

  it('refuses a PDF declared and named as a PNG (415), and a PDF where only images are accepted', async () => {
    const { client } = await citizen('en');
    const spoofed = await upload(client, 'image', {
      name: 'photo.png',
      type: 'image/png',
      content: pdfBytes(),
    });
    expect(spoofed.status).toBe(415);
    expect(spoofed.body.error.code).toBe('files.type_mismatch');
    expect(spoofed.body.error.message).toContain('“photo.png”');

    const wrongPurpose = await upload(client, 'image', {
      name: 'plan.pdf',
      type: 'application/pdf',
      content: pdfBytes(),
    });
    expect(wrongPurpose.status).toBe(415);
    expect(wrongPurpose.body.error).toEqual({
      code: 'files.type_not_allowed',
      message: 'This type of file is not accepted here. Accepted formats: JPEG, PNG, WebP.',
    });

    // A real PNG declared as a JPEG is refused too: the declared type must match.
    const declaredWrong = await upload(client, 'image', {
      name: 'photo.png',
      type: 'image/jpeg',
      content: await pngBytes(),
    });
    expect(declaredWrong.status).toBe(415);
  });

  it('accepts CSV and GeoJSON only when they are clean UTF-8 text of the right kind', async () => {
    const { client } = await citizen();
    const csv = await upload(client, 'data', {
      name: 'comptages.csv',
      type: 'text/csv',
      content: 'rue,débit\nboulevard Manseau,12040\n',
    });
    expect(csv.status).toBe(201);
    expect(csv.body.mime).toBe('text/csv');

    const withNul = await upload(client, 'data', {
      name: 'comptages.csv',
      type: 'text/csv',
      content: Buffer.from('rue,débit\n\0\0\0binary', 'utf8'),
    });
    expect(withNul.status).toBe(415);
    const latin1 = await upload(client, 'data', {
      name: 'comptages.csv',
      type: 'text/csv',
      content: Buffer.from('rue,débit\n', 'latin1'),
    });
    expect(latin1.status).toBe(415);

    const geojson = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: { type: 'Point', coordinates: [-73.43, 46.02] }, properties: {} },
      ],
    });
    const geo = await upload(client, 'data', {
      name: 'points.geojson',
      type: 'application/octet-stream',
      content: geojson,
    });
    expect(geo.status).toBe(201);
    expect(geo.body.mime).toBe('application/geo+json');
    const notGeo = await upload(client, 'data', {
      name: 'points.geojson',
      type: 'application/geo+json',
      content: '{"hello": "world"}',
    });
    expect(notGeo.status).toBe(415);
  });

  it('strips the GPS position and other EXIF from images, applying the orientation', async () => {
    const { client } = await citizen();
    const original = await jpegWithGps();
    expect(await exifr.gps(original)).toMatchObject({ latitude: expect.closeTo(46.025, 3) });

    const res = await upload(client, 'image', {
      name: 'nid-de-poule.jpg',
      type: 'image/jpeg',
      content: original,
    });
    expect(res.status).toBe(201);
    expect(res.body.mime).toBe('image/jpeg');
    const link = await download(client, res.body.id);
    const file = await follow(ctx, link.body.url);
    expect(file.status).toBe(200);
    const bytes = file.bytes;
    expect(bytes.length).toBe(res.body.sizeBytes);
    expect(await exifr.parse(bytes)).toBeUndefined();
    expect(await exifr.gps(bytes)).toBeUndefined();
    const meta = await sharp(bytes).metadata();
    expect(meta.exif).toBeUndefined();
    // Orientation 6 (rotate 90°) was applied to the pixels: 64×48 became 48×64.
    expect([meta.width, meta.height]).toEqual([48, 64]);
  });

  it('answers 400 for an unknown or missing purpose, 401 without a session, 404 for an unknown organisation', async () => {
    const { client } = await citizen('en');
    const file = { name: 'plan.pdf', type: 'application/pdf', content: pdfBytes() };
    const unknown = await upload(client, 'nothing-here', file);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('files.purpose_unknown');
    const missing = await upload(client, undefined, file);
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe('files.purpose_missing');
    const anonymous = await upload(ctx.client(), 'document', file);
    expect(anonymous.status).toBe(401);
    const nowhere = await upload(client, 'document', file, '01900000-0000-7000-8000-000000000000');
    expect(nowhere.status).toBe(404);
    const notMultipart = await client.post<ErrorReply>(`/api/files/${orgId}`, { purpose: 'document' });
    expect(notMultipart.status).toBe(415);
  });

  it('takes one file per request: a second file is refused and neither is stored', async () => {
    const { client } = await citizen();
    const before = storedFiles().length;
    const form = await multipartForm({ purpose: 'document' }, [
      { name: 'a.pdf', type: 'application/pdf', content: pdfBytes('a') },
      { name: 'b.pdf', type: 'application/pdf', content: pdfBytes('b') },
    ]);
    const res = await client.post<ErrorReply>(`/api/files/${orgId}`, form.payload, form.headers);
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('files.too_many');
    expect(storedFiles().length).toBe(before);
  });

  it('needs the CSRF token like every browser POST', async () => {
    const { client } = await citizen();
    client.sendCsrf = false;
    const res = await upload(client, 'document', {
      name: 'a.pdf',
      type: 'application/pdf',
      content: pdfBytes(),
    });
    expect(res.status).toBe(403);
  });

  it('refuses a file over its purpose’s own lower limit, also over a real HTTP connection', async () => {
    registerFilePurpose('test.small', { types: ['pdf'], maxBytes: 1024 });
    const { client } = await citizen('en');
    const token = await client.refreshCsrf();
    const cookie = ['__Host-civique_session', '__Host-civique_csrf']
      .map((name) => `${name}=${client.cookie(name)}`)
      .join('; ');
    const address = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    const form = new FormData();
    form.append('purpose', 'test.small');
    const big = Buffer.concat([pdfBytes(), Buffer.alloc(48 * 1024, 0x20)]);
    form.append('file', new Blob([new Uint8Array(big)], { type: 'application/pdf' }), 'big.pdf');
    const res = await fetch(`${address}/api/files/${orgId}`, {
      method: 'POST',
      body: form,
      headers: { cookie, 'x-csrf-token': token, 'accept-language': 'en' },
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({
      error: {
        code: 'files.too_large',
        message: 'The file is larger than the 1 KB limit. Make it smaller and try again.',
      },
    });
  });
});
