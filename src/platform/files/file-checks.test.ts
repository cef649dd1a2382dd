import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { pdfBytes, pngBytes } from '../../../tests/support/uploads.ts';
import { AppError } from '../http/errors.ts';
import { attachmentDisposition, formatSizeLimit, sanitizeFileName } from './file-names.ts';
import { signLinkToken, verifyLinkToken } from './links.ts';
import { filePurpose } from './purposes.ts';
import { identifyUpload } from './sniff.ts';
import { assertStorageKey, storageKeyFor } from './storage.ts';

const dir = mkdtempSync(join(tmpdir(), 'civique-sniff-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function codeOf(error: unknown): string {
  return error instanceof AppError ? `${error.status} ${error.code}` : String(error);
}

async function identify(content: Buffer | string, name: string, declaredMime: string, purposeName: string) {
  const path = join(dir, randomBytes(6).toString('hex'));
  writeFileSync(path, content);
  const purpose = filePurpose(purposeName);
  if (!purpose) throw new Error(`no purpose ${purposeName}`);
  return identifyUpload({ path, name, declaredMime, purpose }).catch(codeOf);
}

describe('file names', () => {
  it('keeps accents, drops paths, control and bidirectional characters', () => {
    expect(sanitizeFileName('C:\\Users\\marie\\Reçu été.pdf')).toBe('Reçu été.pdf');
    expect(sanitizeFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitizeFileName('fac\u202eture\u0000\n.pdf')).toBe('facture.pdf');
    expect(sanitizeFileName('e\u0301cole.png')).toBe('école.png');
    expect(sanitizeFileName('...')).toBe('fichier');
    expect(sanitizeFileName(undefined)).toBe('fichier');
    const long = sanitizeFileName(`${'a'.repeat(300)}.pdf`);
    expect(long).toHaveLength(180);
    expect(long.endsWith('.pdf')).toBe(true);
  });

  it('never yields a name with a separator, a control character or over 180 characters, nor one that breaks the header', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (raw) => {
        const name = sanitizeFileName(raw);
        expect(name.length).toBeGreaterThan(0);
        expect([...name].length).toBeLessThanOrEqual(180);
        // biome-ignore lint/suspicious/noControlCharactersInRegex: checking they are gone.
        expect(name).not.toMatch(/[/\\\u0000-\u001f\u007f]/);
        expect(attachmentDisposition(name)).toMatch(
          /^attachment; filename="[\x20-\x7e]*"; filename\*=UTF-8''/,
        );
      }),
    );
  });

  it('offers the name back as an attachment with an ASCII fallback and the UTF-8 name', () => {
    expect(attachmentDisposition('Plan "cour" arrière.pdf')).toBe(
      `attachment; filename="Plan _cour_ arriere.pdf"; filename*=UTF-8''Plan%20%22cour%22%20arri%C3%A8re.pdf`,
    );
  });

  it('formats size limits per language', () => {
    expect(formatSizeLimit(10 * 1024 * 1024)).toEqual({ maxFr: '10 Mo', maxEn: '10 MB' });
    expect(formatSizeLimit(1.5 * 1024 * 1024)).toEqual({ maxFr: '1,5 Mo', maxEn: '1.5 MB' });
    expect(formatSizeLimit(64 * 1024)).toEqual({ maxFr: '64 ko', maxEn: '64 KB' });
  });

  it('builds storage keys from server ids only', () => {
    const key = storageKeyFor(
      '0190f000-0000-7000-8000-000000000001',
      '0190f000-0000-7000-8000-000000000002',
      'jpg',
      new Date('2026-03-05T12:00:00Z'),
    );
    expect(key).toBe('0190f000-0000-7000-8000-000000000001/2026/03/0190f000-0000-7000-8000-000000000002.jpg');
    expect(() => assertStorageKey('../0190f000-0000-7000-8000-000000000001/2026/03/x.jpg')).toThrow();
  });
});

describe('type sniffing', () => {
  it('accepts each format only with a matching extension, declared type and content', async () => {
    const png = await pngBytes();
    const webp = await sharp(png).webp().toBuffer();
    const jpeg = await sharp(png).jpeg().toBuffer();
    expect(await identify(png, 'a.png', 'image/png', 'image')).toBe('png');
    expect(await identify(webp, 'a.webp', 'image/webp', 'image')).toBe('webp');
    expect(await identify(jpeg, 'a.JPG', 'image/jpeg', 'image')).toBe('jpeg');
    expect(await identify(pdfBytes(), 'a.pdf', 'application/pdf', 'document')).toBe('pdf');
    expect(await identify('a;b\n1;2\n', 'a.csv', 'application/vnd.ms-excel', 'data')).toBe('csv');
    expect(await identify('{"type":"Point","coordinates":[0,0]}', 'a.json', 'application/json', 'data')).toBe(
      'geojson',
    );

    expect(await identify(jpeg, 'a.png', 'image/png', 'image')).toBe('415 files.type_mismatch');
    expect(await identify(png, 'a.png', 'application/octet-stream', 'image')).toBe('415 files.type_mismatch');
    expect(await identify(png, 'a', 'image/png', 'image')).toBe('415 files.type_not_allowed');
    expect(await identify(pdfBytes(), 'a.csv', 'text/csv', 'data')).toBe('415 files.type_mismatch');
    expect(await identify(png, 'a.csv', 'text/csv', 'data')).toBe('415 files.type_mismatch');
    expect(await identify('<html></html>', 'a.pdf', 'application/pdf', 'document')).toBe(
      '415 files.type_mismatch',
    );
  });
});

describe('download tokens', () => {
  const secret = randomBytes(32);
  const claims = {
    orgId: '0190f000-0000-7000-8000-000000000001',
    fileId: '0190f000-0000-7000-8000-00000000000a',
    expiresAt: 2_000_000_000,
  };

  it('round-trips, fits a path parameter, and expires', () => {
    const token = signLinkToken(secret, claims);
    expect(token.length).toBeLessThanOrEqual(100);
    expect(verifyLinkToken(secret, token, 1_999_999_999_000)).toEqual(claims);
    expect(codeOf(captured(() => verifyLinkToken(secret, token, 2_000_000_000_000)))).toBe(
      '410 files.link_expired',
    );
  });

  it('refuses any altered token and tokens signed with another key', () => {
    const token = signLinkToken(secret, claims);
    expect(codeOf(captured(() => verifyLinkToken(randomBytes(32), token, 0)))).toBe('403 files.link_invalid');
    fc.assert(
      fc.property(fc.nat({ max: token.length - 1 }), fc.constantFrom(...'ABCabc012-_'), (at, char) => {
        const altered = token.slice(0, at) + char + token.slice(at + 1);
        // The same bytes (unchanged, or only an unused low bit of the last base64 digit): no alteration.
        if (bytesOf(altered) === bytesOf(token)) return;
        expect(codeOf(captured(() => verifyLinkToken(secret, altered, 0)))).toBe('403 files.link_invalid');
      }),
    );
  });
});

function bytesOf(token: string): string {
  return token
    .split('.')
    .map((part) => Buffer.from(part, 'base64url').toString('hex'))
    .join('.');
}

function captured(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
}
