import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createOrg, signInAs } from '../../../tests/support/factories.ts';
import { createTestContext, type TestContext } from '../../../tests/support/harness.ts';
import { type FormFile, multipartForm, pdfBytes, pngBytes } from '../../../tests/support/uploads.ts';
import { scanFile } from './clamd.ts';
import { files } from './schema.ts';

// Debian's clamav-daemon; the test runs its own clamd on a free port with signatures it writes.
const CLAMD = '/usr/sbin/clamd';
const hasClamd = existsSync(CLAMD);
if (!hasClamd) console.warn(`ClamAV tests skipped: ${CLAMD} is absent (apt-get install -y clamav-daemon)`);

// The EICAR anti-virus test string (harmless by design; every scanner detects it).
const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';
const CUSTOM = pdfBytes('Civique: a document flagged by a signature the test writes');

interface ErrorReply {
  error: { code: string; message: string };
}

function hdbLine(content: Buffer | string, name: string): string {
  const bytes = Buffer.from(content);
  return `${createHash('md5').update(bytes).digest('hex')}:${bytes.length}:${name}\n`;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    let reply = '';
    socket.on('connect', () => socket.write('zPING\0'));
    socket.on('data', (data: Buffer) => {
      reply += data.toString();
    });
    socket.on('close', () => resolve(reply.startsWith('PONG')));
    socket.on('error', () => resolve(false));
  });
}

let dir: string;
let clamd: ChildProcess | undefined;
let clamdLog = '';
let port: number;
let ctx: TestContext;
let orgId: string;

beforeAll(async () => {
  if (!hasClamd) return;
  dir = mkdtempSync(join(tmpdir(), 'civique-clamd-'));
  const database = join(dir, 'db');
  mkdirSync(database);
  // Only the test's own signatures: no ClamAV database is downloaded.
  writeFileSync(
    join(database, 'civique-test.hdb'),
    hdbLine(EICAR, 'Civique.Test.EICAR') + hdbLine(CUSTOM, 'Civique.Test.Custom'),
  );
  port = await freePort();
  const config = join(dir, 'clamd.conf');
  writeFileSync(
    config,
    [
      'Foreground yes',
      `TCPSocket ${port}`,
      'TCPAddr 127.0.0.1',
      `DatabaseDirectory ${database}`,
      `PidFile ${join(dir, 'clamd.pid')}`,
      'LogFile /dev/null',
    ].join('\n'),
  );
  clamd = spawn(CLAMD, [`--config-file=${config}`], { stdio: ['ignore', 'ignore', 'pipe'] });
  clamd.stderr?.on('data', (data: Buffer) => {
    clamdLog += data.toString();
  });
  // Ready once it answers PING; loading two signatures takes well under a second.
  for (let attempt = 0; attempt < 300 && !(await ping(port)); attempt++) {
    if (clamd.exitCode !== null) throw new Error(`clamd exited: ${clamdLog}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (!(await ping(port))) throw new Error(`clamd did not start: ${clamdLog}`);

  ctx = await createTestContext({ CLAMAV_HOST: '127.0.0.1', CLAMAV_PORT: String(port) });
  orgId = (await createOrg(ctx.db)).id;
}, 60_000);

afterAll(async () => {
  await ctx?.close();
  clamd?.kill('SIGTERM');
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function uploadAs(locale: 'fr' | 'en', purpose: string, file: FormFile) {
  const account = await createAccount(ctx.db);
  const client = ctx.client({ locale });
  await signInAs(ctx.db, client, account);
  const form = await multipartForm({ purpose }, [file]);
  return client.post<{ id: string; scanStatus: string } & ErrorReply>(
    `/api/files/${orgId}`,
    form.payload,
    form.headers,
  );
}

async function storedCount(): Promise<number> {
  return (await ctx.db.select({ id: files.id }).from(files).where(eq(files.orgId, orgId))).length;
}

describe('virus scan with clamd (INSTREAM)', () => {
  it.skipIf(!hasClamd)('speaks INSTREAM: clean bytes are OK, EICAR is FOUND', async () => {
    const clean = join(dir, 'clean.txt');
    writeFileSync(clean, 'Bonjour Joliette');
    expect(await scanFile({ host: '127.0.0.1', port }, clean)).toEqual({ infected: false });
    const eicar = join(dir, 'eicar.txt');
    writeFileSync(eicar, EICAR);
    expect(await scanFile({ host: '127.0.0.1', port }, eicar)).toEqual({
      infected: true,
      signature: expect.stringMatching(/^Civique\.Test\.EICAR/),
    });
  });

  it.skipIf(!hasClamd)('rejects the EICAR string with 422 in both languages and stores nothing', async () => {
    const before = await storedCount();
    const fr = await uploadAs('fr', 'data', { name: 'liste.csv', type: 'text/csv', content: EICAR });
    expect(fr.status).toBe(422);
    expect(fr.body.error.code).toBe('files.infected');
    expect(fr.body.error.message).toMatch(
      /^Ce fichier contient un logiciel malveillant \(Civique\.Test\.EICAR[^)]*\); il n’a pas été enregistré\.$/,
    );
    const en = await uploadAs('en', 'data', { name: 'liste.csv', type: 'text/csv', content: EICAR });
    expect(en.status).toBe(422);
    expect(en.body.error.message).toMatch(
      /^This file contains malware \(Civique\.Test\.EICAR[^)]*\); it was not stored\.$/,
    );
    expect(await storedCount()).toBe(before);
  });

  it.skipIf(!hasClamd)('rejects a document matching the signature file written by the test', async () => {
    const res = await uploadAs('en', 'document', {
      name: 'avis.pdf',
      type: 'application/pdf',
      content: CUSTOM,
    });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toContain('Civique.Test.Custom');
  });

  it.skipIf(!hasClamd)('stores clean files marked as scanned', async () => {
    const pdf = await uploadAs('fr', 'document', {
      name: 'avis.pdf',
      type: 'application/pdf',
      content: pdfBytes('a clean notice'),
    });
    expect(pdf.status).toBe(201);
    expect(pdf.body.scanStatus).toBe('clean');
    const png = await uploadAs('fr', 'image', {
      name: 'photo.png',
      type: 'image/png',
      content: await pngBytes(),
    });
    expect(png.status).toBe(201);
    expect(png.body.scanStatus).toBe('clean');
  });

  it('fails closed with 503 when clamd cannot be reached', async () => {
    const closed = await freePort();
    const down = await createTestContext({ CLAMAV_HOST: '127.0.0.1', CLAMAV_PORT: String(closed) });
    try {
      const org = await createOrg(down.db);
      const account = await createAccount(down.db);
      const client = down.client({ locale: 'en' });
      await signInAs(down.db, client, account);
      const form = await multipartForm({ purpose: 'document' }, [
        { name: 'avis.pdf', type: 'application/pdf', content: pdfBytes() },
      ]);
      const res = await client.post<ErrorReply>(`/api/files/${org.id}`, form.payload, form.headers);
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe('files.scan_unavailable');
      expect((await down.db.select().from(files)).length).toBe(0);
    } finally {
      await down.close();
    }
  });
});
