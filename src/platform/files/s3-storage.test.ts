import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createOrg, signInAs } from '../../../tests/support/factories.ts';
import { createTestContext, type TestContext } from '../../../tests/support/harness.ts';
import { multipartForm, pdfBytes } from '../../../tests/support/uploads.ts';
import { S3Storage } from './s3-storage.ts';
import { storageKeyFor } from './storage.ts';

// No S3-compatible server runs here: this is a minimal path-style PutObject/GetObject/HeadObject/
// DeleteObject endpoint, enough to check the requests the adapter sends and the bytes it reads back.
interface Recorded {
  method: string;
  path: string;
  authorization: string;
  contentType: string | undefined;
}
const objects = new Map<string, { body: Buffer; contentType: string }>();
const requests: Recorded[] = [];

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://s3.test').pathname);
  const body = await buffer(req);
  requests.push({
    method: req.method ?? '',
    path,
    authorization: String(req.headers.authorization ?? ''),
    contentType: req.headers['content-type'],
  });
  if (!String(req.headers.authorization ?? '').startsWith('AWS4-HMAC-SHA256 ')) {
    res.writeHead(403).end();
    return;
  }
  const stored = objects.get(path);
  const missing = () => {
    res.writeHead(404, { 'content-type': 'application/xml' });
    res.end(
      req.method === 'HEAD'
        ? undefined
        : '<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>',
    );
  };
  switch (req.method) {
    case 'PUT':
      objects.set(path, { body, contentType: req.headers['content-type'] ?? 'application/octet-stream' });
      res.writeHead(200, { etag: '"test"' }).end();
      return;
    case 'GET':
    case 'HEAD':
      if (!stored) return missing();
      res.writeHead(200, {
        'content-type': stored.contentType,
        'content-length': stored.body.length,
        etag: '"test"',
      });
      res.end(req.method === 'GET' ? stored.body : undefined);
      return;
    case 'DELETE':
      objects.delete(path);
      res.writeHead(204).end();
      return;
    default:
      res.writeHead(405).end();
  }
}

let server: Server;
let endpoint: string;
let dir: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    handle(req, res).catch(() => res.writeHead(500).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  endpoint = `http://127.0.0.1:${address.port}`;
  dir = mkdtempSync(join(tmpdir(), 'civique-s3-'));
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe('S3-compatible storage adapter', () => {
  it('puts, heads, gets and deletes objects with signed path-style requests', async () => {
    const storage = new S3Storage({
      endpoint,
      bucket: 'civique-test',
      accessKeyId: 'TESTKEYID',
      secretAccessKey: 'test-secret',
      region: 'ca-central-1',
      forcePathStyle: true,
    });
    const key = storageKeyFor(
      '0190f000-0000-7000-8000-000000000001',
      '0190f000-0000-7000-8000-000000000002',
      'pdf',
    );
    const source = join(dir, 'source.pdf');
    const content = pdfBytes('stockage S3');
    writeFileSync(source, content);
    requests.length = 0;

    await storage.put(key, { path: source, size: content.length, contentType: 'application/pdf' });
    const put = requests.at(-1);
    expect(put).toMatchObject({
      method: 'PUT',
      path: `/civique-test/${key}`,
      contentType: 'application/pdf',
    });
    expect(put?.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=TESTKEYID\/\d{8}\/ca-central-1\/s3\/aws4_request/,
    );
    expect(objects.get(`/civique-test/${key}`)?.body.equals(content)).toBe(true);

    expect(await storage.exists(key)).toBe(true);
    expect(requests.at(-1)?.method).toBe('HEAD');
    const body = await storage.get(key);
    expect(body).toBeDefined();
    expect(body && (await buffer(body)).equals(content)).toBe(true);

    await storage.delete(key);
    expect(requests.at(-1)).toMatchObject({ method: 'DELETE', path: `/civique-test/${key}` });
    expect(await storage.exists(key)).toBe(false);
    expect(await storage.get(key)).toBeUndefined();
  });
});

describe('uploads stored in S3-compatible storage', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext({
      S3_ENDPOINT: endpoint,
      S3_BUCKET: 'civique-files',
      S3_ACCESS_KEY_ID: 'APPKEY',
      S3_SECRET_ACCESS_KEY: 'app-secret',
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

    const path = [...objects.keys()].find((p) => p.startsWith(`/civique-files/${org.id}/`));
    expect(path).toMatch(new RegExp(`^/civique-files/${org.id}/\\d{4}/\\d{2}/${stored.body.id}\\.pdf$`));
    expect(path && objects.get(path)?.body.equals(content)).toBe(true);
    expect(existsSync(join(ctx.config.dataDir, 'files'))).toBe(false);

    const link = await client.get<{ url: string }>(`/api/files/${org.id}/${stored.body.id}/link`);
    const res = await ctx.app.inject({ method: 'GET', url: link.body.url });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(content)).toBe(true);
  });

  it('refuses a half-configured S3 storage rather than silently using local disk', async () => {
    const { loadConfig } = await import('../../config.ts');
    expect(() => loadConfig({ S3_ENDPOINT: endpoint, S3_BUCKET: 'b' })).toThrow(/S3_ACCESS_KEY_ID/);
    expect(loadConfig({}).s3).toBeUndefined();
  });
});
