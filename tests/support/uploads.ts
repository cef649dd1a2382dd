import sharp from 'sharp';
import type { Role } from '../../src/platform/auth/schema.ts';
import type { TestClient } from './client.ts';
import { createAccount, signInAs } from './factories.ts';
import type { TestContext } from './harness.ts';

/** One file of a multipart form. */
export interface FormFile {
  field?: string;
  name: string;
  type: string;
  content: Buffer | string;
}

/**
 * A multipart/form-data body serialised the way a browser's FormData is (fields first, in order),
 * with its content-type header (boundary included).
 */
export async function multipartForm(
  fields: Record<string, string>,
  files: FormFile[],
): Promise<{ payload: Buffer; headers: Record<string, string> }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const f of files) {
    const bytes = typeof f.content === 'string' ? Buffer.from(f.content) : f.content;
    form.append(f.field ?? 'file', new Blob([new Uint8Array(bytes)], { type: f.type }), f.name);
  }
  const response = new Response(form);
  const payload = Buffer.from(await response.arrayBuffer());
  return { payload, headers: { 'content-type': response.headers.get('content-type') ?? '' } };
}

/** A small PNG. */
export function pngBytes(width = 8, height = 8): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#2a6f97' } })
    .png()
    .toBuffer();
}

/** A minimal PDF: enough for magic-number detection (`%PDF-`). */
export function pdfBytes(text = 'Civique'): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
  );
}

/** A 64×48 JPEG rotated by its EXIF orientation (6) and carrying a GPS position near Joliette. */
export function jpegWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: '#c0392b' } })
    .withMetadata({ orientation: 6 })
    .withExifMerge({
      IFD0: { Make: 'Civique', Model: 'Test camera' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '46/1 1/1 30/1',
        GPSLongitudeRef: 'W',
        GPSLongitude: '73/1 26/1 0/1',
      },
    })
    .jpeg()
    .toBuffer();
}

/** A stored file as the upload route answers it. */
export interface StoredFileReply {
  id: string;
  orgId: string;
  purpose: string;
  originalName: string;
  mime: string;
  sizeBytes: number;
  sha256: string;
  scanStatus: string;
}

/** The API's error body. */
export interface ErrorReply {
  error: { code: string; message: string };
}

/** A client signed in as a new account (a citizen, or staff when roles are given). */
export async function signedIn(
  ctx: TestContext,
  options: { locale?: 'fr' | 'en'; roles?: Array<{ orgId: string; role: Role }> } = {},
): Promise<{ client: TestClient; id: string }> {
  const account = await createAccount(ctx.db, { roles: options.roles });
  const client = ctx.client({ locale: options.locale });
  await signInAs(ctx.db, client, account);
  return { client, id: account.id };
}

/** Posts one file (and a purpose field before it, unless undefined) to `/api/files/<orgId>`. */
export async function uploadFile(
  client: TestClient,
  orgId: string,
  purpose: string | undefined,
  file: FormFile,
) {
  const form = await multipartForm(purpose === undefined ? {} : { purpose }, [file]);
  return client.post<StoredFileReply & ErrorReply>(`/api/files/${orgId}`, form.payload, form.headers);
}

/** Asks for a download link. */
export function fileLink(client: TestClient, orgId: string, fileId: string) {
  return client.get<{ url: string; expiresAt: string } & ErrorReply>(`/api/files/${orgId}/${fileId}/link`);
}

/** Follows a download link with no session (the link is the permission), keeping the raw bytes. */
export async function follow(ctx: TestContext, url: string, locale: 'fr' | 'en' = 'fr') {
  const res = await ctx.app.inject({ method: 'GET', url, headers: { 'accept-language': locale } });
  const json = res.headers['content-type']?.toString().startsWith('application/json');
  return {
    status: res.statusCode,
    headers: res.headers,
    bytes: res.rawPayload,
    body: (json ? res.json() : undefined) as ErrorReply,
  };
}
