import { execFileSync } from 'node:child_process';
import {
  createDecipheriv,
  createECDH,
  createHmac,
  createPublicKey,
  type ECDH,
  randomBytes,
  verify,
} from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../../tests/support/client.ts';
import { createAccount, signInAs } from '../../../tests/support/factories.ts';
import { createTestContext, type TestContext } from '../../../tests/support/harness.ts';
import { defineNotification } from './notification-templates.ts';
import { notify, PUSH_QUEUE } from './notify.ts';
import { notificationMessages, pushSubscriptions } from './schema.ts';

const ARRIVAL = defineNotification<{ minutes: number }>('test.push_arrival', {
  subject: (_p, l) => (l === 'fr' ? 'Votre taxibus arrive' : 'Your taxibus is coming'),
  text: (p, l) =>
    l === 'fr' ? `Il sera là dans ${p.minutes} minutes.` : `It will be there in ${p.minutes} minutes.`,
  url: () => '/transport/reservations',
});

interface PushRequest {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A push service on loopback over TLS (web-push speaks only https): accepts, or says a device is gone. */
async function startPushService(dir: string) {
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  const cert = readFileSync(join(dir, 'cert.pem'));
  const received: PushRequest[] = [];
  const server = https.createServer({ key: readFileSync(join(dir, 'key.pem')), cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
      res.statusCode = req.url?.endsWith('/gone') ? 410 : 201;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  return {
    received,
    cert,
    origin: `https://127.0.0.1:${port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** A browser's side of a subscription: its P-256 key pair and auth secret. */
function browserKeys() {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const auth = randomBytes(16);
  return {
    ecdh,
    auth,
    keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: auth.toString('base64url') },
  };
}

const hmac = (key: Buffer, data: Buffer) => createHmac('sha256', key).update(data).digest();

/** Decrypts an aes128gcm Web Push message (RFC 8291, RFC 8188) as the browser would. */
function decryptPush(body: Buffer, ecdh: ECDH, authSecret: Buffer): string {
  const salt = body.subarray(0, 16);
  const idlen = body.readUInt8(20);
  const serverPublic = body.subarray(21, 21 + idlen);
  const ciphertext = body.subarray(21 + idlen);
  const keyInfo = Buffer.concat([
    Buffer.from('WebPush: info\0'),
    ecdh.getPublicKey(),
    serverPublic,
    Buffer.from([1]),
  ]);
  const ikm = hmac(hmac(authSecret, ecdh.computeSecret(serverPublic)), keyInfo);
  const prk = hmac(salt, ikm);
  const cek = hmac(prk, Buffer.from('Content-Encoding: aes128gcm\0\x01', 'binary')).subarray(0, 16);
  const nonce = hmac(prk, Buffer.from('Content-Encoding: nonce\0\x01', 'binary')).subarray(0, 12);
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
  const plain = Buffer.concat([
    decipher.update(ciphertext.subarray(0, ciphertext.length - 16)),
    decipher.final(),
  ]);
  let end = plain.length - 1;
  while (end > 0 && plain[end] === 0) end--;
  expect(plain[end]).toBe(2); // the last record's padding delimiter
  return plain.subarray(0, end).toString('utf8');
}

/** Checks a VAPID JWT's ES256 signature with the installation's public key; returns its claims. */
function verifyVapid(token: string, publicKey: string): { aud: string; sub: string; exp: number } {
  const [header = '', payload = '', signature = ''] = token.split('.');
  const point = Buffer.from(publicKey, 'base64url');
  const key = createPublicKey({
    key: {
      kty: 'EC',
      crv: 'P-256',
      x: point.subarray(1, 33).toString('base64url'),
      y: point.subarray(33).toString('base64url'),
    },
    format: 'jwk',
  });
  const ok = verify(
    'sha256',
    Buffer.from(`${header}.${payload}`),
    { key, dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature, 'base64url'),
  );
  expect(ok).toBe(true);
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
}

let ctx: TestContext;
let push: Awaited<ReturnType<typeof startPushService>>;
let dir: string;
const previousCa = https.globalAgent.options.ca;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'civique-push-'));
  push = await startPushService(dir);
  // web-push uses Node's default https agent: let it trust this test's own certificate.
  https.globalAgent.options.ca = [push.cert];
  ctx = await createTestContext({ PUBLIC_URL: 'https://civique.example.ca' });
});
afterAll(async () => {
  https.globalAgent.options.ca = previousCa;
  await ctx?.close();
  await push?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function citizen() {
  const account = await createAccount(ctx.db);
  const client = ctx.client();
  await signInAs(ctx.db, client, account);
  await client.put('/api/me/notification-preferences', {
    preferences: { transit: { email: false, sms: false, push: true, inapp: false } },
  });
  return { account, client };
}

async function subscribe(client: TestClient, device: string, keys: { p256dh: string; auth: string }) {
  return client.post<{ id: string; label: string; endpointOrigin: string }>(
    '/api/me/push-subscriptions',
    { endpoint: `${push.origin}/push/${device}`, keys },
    { 'user-agent': 'Mozilla/5.0 (Android 14; Mobile; rv:128.0) Gecko/128.0 Firefox/128.0' },
  );
}

describe('web push with VAPID', () => {
  it('keeps one VAPID key pair for the installation', async () => {
    const a = await ctx.client().get<{ publicKey: string }>('/api/notify/push/public-key');
    const b = await ctx.client().get<{ publicKey: string }>('/api/notify/push/public-key');
    expect(a.status).toBe(200);
    expect(Buffer.from(a.body.publicKey, 'base64url')).toHaveLength(65);
    expect(b.body.publicKey).toBe(a.body.publicKey);
  });

  it('sends an encrypted payload with a VAPID Authorization header to each device', async () => {
    const { publicKey } = (await ctx.client().get<{ publicKey: string }>('/api/notify/push/public-key')).body;
    const { account, client } = await citizen();
    const browser = browserKeys();
    const saved = await subscribe(client, 'phone-1', browser.keys);
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({ label: 'Firefox · Android', endpointOrigin: push.origin });

    const { messages } = await notify(ctx, {
      accountId: account.id,
      category: 'transit',
      template: ARRIVAL,
      params: { minutes: 4 },
    });
    expect(messages.map((m) => m.channel)).toEqual(['push']);
    await ctx.jobs.runPending([PUSH_QUEUE]);

    const request = push.received.find((r) => r.path === '/push/phone-1');
    expect(request).toBeDefined();
    if (!request) return;
    expect(request.headers['content-encoding']).toBe('aes128gcm');
    expect(request.headers.ttl).toBe('86400');
    expect(request.headers.urgency).toBe('normal');
    const authorization = String(request.headers.authorization);
    const match = /^vapid t=([\w-]+\.[\w-]+\.[\w-]+), k=([\w-]+)$/.exec(authorization);
    expect(match?.[2]).toBe(publicKey);
    const claims = verifyVapid(match?.[1] ?? '', publicKey);
    expect(claims).toMatchObject({ aud: push.origin, sub: 'https://civique.example.ca' });
    expect(claims.exp * 1000).toBeGreaterThan(Date.now());

    // Nothing readable on the wire; the browser's keys open it.
    expect(request.body.toString('latin1')).not.toContain('taxibus');
    const payload = JSON.parse(decryptPush(request.body, browser.ecdh, browser.auth));
    expect(payload).toMatchObject({
      title: 'Votre taxibus arrive',
      url: 'https://civique.example.ca/transport/reservations',
      lang: 'fr',
      tag: messages[0]?.id,
      unsubscribeLabel: 'Se désabonner',
    });
    expect(payload.body).toContain('Il sera là dans 4 minutes.');
    expect(payload.unsubscribeUrl).toMatch(/\/api\/notify\/unsubscribe\/[A-Za-z0-9_-]{43}$/);

    const [row] = await ctx.db
      .select()
      .from(notificationMessages)
      .where(eq(notificationMessages.id, messages[0]?.id ?? ''));
    expect(row).toMatchObject({ status: 'sent', transport: 'webpush', attempts: 1 });
    const [device] = await ctx.db
      .select()
      .from(pushSubscriptions)
      .where(eq(pushSubscriptions.id, saved.body.id));
    expect(device?.lastSuccessAt).not.toBeNull();
  });

  it('removes a device the push service says is gone (410), and bounces a message left with no device', async () => {
    const { account, client } = await citizen();
    const saved = await subscribe(client, 'gone', browserKeys().keys);
    const { messages } = await notify(ctx, {
      accountId: account.id,
      category: 'transit',
      template: ARRIVAL,
      params: { minutes: 2 },
    });
    await ctx.jobs.runPending([PUSH_QUEUE]);
    expect(push.received.some((r) => r.path === '/push/gone')).toBe(true);
    expect(
      await ctx.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.id, saved.body.id)),
    ).toEqual([]);
    const [row] = await ctx.db
      .select()
      .from(notificationMessages)
      .where(eq(notificationMessages.id, messages[0]?.id ?? ''));
    expect(row).toMatchObject({ status: 'bounced', transport: 'webpush' });
    expect((await client.get<unknown[]>('/api/me/push-subscriptions')).body).toEqual([]);
  });
});

describe('push subscriptions belong to their person', () => {
  it('lists, shows and deletes one’s own devices only', async () => {
    const alice = await citizen();
    const bob = await citizen();
    const mine = await subscribe(alice.client, 'alice-laptop', browserKeys().keys);
    const list = await alice.client.get<Array<{ id: string }>>('/api/me/push-subscriptions');
    expect(list.body.map((d) => d.id)).toEqual([mine.body.id]);
    expect((await alice.client.get(`/api/me/push-subscriptions/${mine.body.id}`)).status).toBe(200);

    expect((await bob.client.get<unknown[]>('/api/me/push-subscriptions')).body).toEqual([]);
    expect((await bob.client.get(`/api/me/push-subscriptions/${mine.body.id}`)).status).toBe(404);
    expect((await bob.client.delete(`/api/me/push-subscriptions/${mine.body.id}`)).status).toBe(404);
    expect((await ctx.client().get('/api/me/push-subscriptions')).status).toBe(401);

    expect((await alice.client.delete(`/api/me/push-subscriptions/${mine.body.id}`)).status).toBe(200);
    expect((await alice.client.get<unknown[]>('/api/me/push-subscriptions')).body).toEqual([]);
  });

  it('refuses an endpoint that is not https and keys that are not a P-256 point', async () => {
    const { client } = await citizen();
    const keys = browserKeys().keys;
    const plain = await client.post('/api/me/push-subscriptions', {
      endpoint: 'http://push.example/abc',
      keys,
    });
    expect(plain.status).toBe(400);
    const bad = await client.post<{ error: { code: string } }>('/api/me/push-subscriptions', {
      endpoint: `${push.origin}/push/x`,
      keys: { p256dh: 'AAAA', auth: keys.auth },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('notify.push_keys_invalid');
  });
});
