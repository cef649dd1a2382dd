// The S3 adapter against s3rver, an S3-compatible server (npm, pure JavaScript) that implements the S3 REST
// API over HTTP and keeps objects on disk: buckets, path-style keys, PutObject/HeadObject/GetObject/
// DeleteObject with S3's XML errors. MinIO, Garage or Ceph cannot run here (neither Debian nor npm ships
// them). Limit: s3rver checks the access key id but does not verify Signature V4 itself (the request
// signatures are checked in s3-storage.test.ts's header assertions instead).
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createOrg, signInAs } from '../../../tests/support/factories.ts';
import { createTestContext, type TestContext } from '../../../tests/support/harness.ts';
import { multipartForm, pdfBytes } from '../../../tests/support/uploads.ts';
import { S3Storage } from './s3-storage.ts';
import { storageKeyFor } from './storage.ts';

// s3rver's one account.
const ACCESS_KEY = 'S3RVER';
const SECRET = 'S3RVER';
let server: S3rver;
let endpoint: string;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'civique-s3rver-'));
  server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: join(dir, 'buckets'),
    configureBuckets: [
      { name: 'civique-test', configs: [] },
      { name: 'civique-files', configs: [] },
    ],
  });
  const address = (await server.run()) as AddressInfo;
  endpoint = `http://127.0.0.1:${address.port}`;
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const storageWith = (secretAccessKey: string, bucket = 'civique-test') =>
  new S3Storage({
    endpoint,
    bucket,
    accessKeyId: ACCESS_KEY,
    secretAccessKey,
    region: 'us-east-1',
    forcePathStyle: true,
  });

describe('S3 storage against an S3-compatible server (s3rver)', () => {
  it('puts, heads, gets and deletes an object, bytes and type intact', async () => {
    const storage = storageWith(SECRET);
    const key = storageKeyFor(
      '0190f000-0000-7000-8000-000000000001',
      '0190f000-0000-7000-8000-000000000002',
      'pdf',
    );
    const source = join(dir, 'source.pdf');
    const content = pdfBytes('stockage S3');
    writeFileSync(source, content);

    await storage.put(key, { path: source, size: content.length, contentType: 'application/pdf' });
    expect(await storage.exists(key)).toBe(true);
    const body = await storage.get(key);
    expect(body && (await buffer(body)).equals(content)).toBe(true);

    await storage.delete(key);
    expect(await storage.exists(key)).toBe(false);
    expect(await storage.get(key)).toBeUndefined();
  });

  it('is refused by the server with an unknown access key, with S3’s error code', async () => {
    const source = join(dir, 'refused.pdf');
    const content = pdfBytes('refusé');
    writeFileSync(source, content);
    const stranger = new S3Storage({
      endpoint,
      bucket: 'civique-test',
      accessKeyId: 'UNKNOWNKEY',
      secretAccessKey: SECRET,
      region: 'us-east-1',
      forcePathStyle: true,
    });
    await expect(
      stranger.put('refused.pdf', { path: source, size: content.length, contentType: 'application/pdf' }),
    ).rejects.toMatchObject({ name: 'InvalidAccessKeyId', $metadata: { httpStatusCode: 403 } });
    expect(await storageWith(SECRET).exists('refused.pdf')).toBe(false);
  });

  it('a missing bucket: a HEAD cannot tell it from a missing object, a write says NoSuchBucket', async () => {
    await expect(storageWith(SECRET, 'no-such-bucket').exists('x.pdf')).resolves.toBe(false);
    const source = join(dir, 'nobucket.pdf');
    writeFileSync(source, pdfBytes('x'));
    await expect(
      storageWith(SECRET, 'no-such-bucket').put('x.pdf', {
        path: source,
        size: pdfBytes('x').length,
        contentType: 'application/pdf',
      }),
    ).rejects.toMatchObject({ name: 'NoSuchBucket' });
  });

  describe('uploads through the application', () => {
    let ctx: TestContext;
    beforeAll(async () => {
      ctx = await createTestContext({
        S3_ENDPOINT: endpoint,
        S3_BUCKET: 'civique-files',
        S3_ACCESS_KEY_ID: ACCESS_KEY,
        S3_SECRET_ACCESS_KEY: SECRET,
        S3_REGION: 'us-east-1',
      });
    });
    afterAll(async () => ctx?.close());

    it('stores the upload in the bucket, not on local disk, and serves it back through a link', async () => {
      const org = await createOrg(ctx.db);
      const account = await createAccount(ctx.db);
      const client = ctx.client();
      await signInAs(ctx.db, client, account);
      const content = pdfBytes('permis');
      const form = await multipartForm({ purpose: 'document' }, [
        { name: 'permis.pdf', type: 'application/pdf', content },
      ]);
      const stored = await client.post<{ id: string }>(`/api/files/${org.id}`, form.payload, form.headers);
      expect(stored.status).toBe(201);
      expect(existsSync(join(ctx.config.dataDir, 'files'))).toBe(false);

      const link = await client.get<{ url: string }>(`/api/files/${org.id}/${stored.body.id}/link`);
      const res = await ctx.app.inject({ method: 'GET', url: link.body.url });
      expect(res.statusCode).toBe(200);
      expect(res.rawPayload.equals(content)).toBe(true);
    });
  });
});
