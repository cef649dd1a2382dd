import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Database } from '../db/client.ts';
import { installationSecret } from '../db/secrets.ts';
import { AppError } from '../http/errors.ts';

/** How long a download link stays valid. */
export const LINK_TTL_MS = 5 * 60_000;

const SECRET_NAME = 'files.link_key';

/** The installation's key for signing download links, generated on first use and kept in the database. */
export async function linkSecret(db: Database): Promise<Buffer> {
  return Buffer.from(await installationSecret(db, SECRET_NAME), 'base64url');
}

/** What a download token carries. */
export interface LinkClaims {
  orgId: string;
  fileId: string;
  /** Expiry, in whole seconds since the epoch. */
  expiresAt: number;
}

// version (1) + organisation id (16) + file id (16) + expiry in seconds (4): the token stays under
// Fastify's 100-character limit for a path parameter.
const VERSION = 1;
const PAYLOAD_BYTES = 37;

function uuidBytes(id: string): Buffer {
  const hex = id.replace(/-/g, '');
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new Error(`not a UUID: ${id}`);
  return Buffer.from(hex, 'hex');
}

function uuidOf(bytes: Buffer): string {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function mac(secret: Buffer, payload: Buffer): Buffer {
  return createHmac('sha256', secret).update('civique-file-link\0').update(payload).digest();
}

/** A token `<payload>.<HMAC-SHA256>` (both base64url) naming one file until an expiry. */
export function signLinkToken(secret: Buffer, claims: LinkClaims): string {
  const payload = Buffer.alloc(PAYLOAD_BYTES);
  payload.writeUInt8(VERSION, 0);
  uuidBytes(claims.orgId).copy(payload, 1);
  uuidBytes(claims.fileId).copy(payload, 17);
  payload.writeUInt32BE(claims.expiresAt, 33);
  return `${payload.toString('base64url')}.${mac(secret, payload).toString('base64url')}`;
}

/**
 * Checks a token's signature, then its expiry: a forged or altered token is 403
 * (`files.link_invalid`), a genuine but expired one is 410 (`files.link_expired`).
 */
export function verifyLinkToken(secret: Buffer, token: string, nowMs = Date.now()): LinkClaims {
  const invalid = new AppError('files.link_invalid', 403);
  const [encoded, signature, extra] = token.split('.');
  if (!encoded || !signature || extra !== undefined) throw invalid;
  const payload = Buffer.from(encoded, 'base64url');
  if (payload.length !== PAYLOAD_BYTES || payload.readUInt8(0) !== VERSION) throw invalid;
  const expected = mac(secret, payload);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid;
  const claims = {
    orgId: uuidOf(payload.subarray(1, 17)),
    fileId: uuidOf(payload.subarray(17, 33)),
    expiresAt: payload.readUInt32BE(33),
  };
  if (claims.expiresAt * 1000 <= nowMs) throw new AppError('files.link_expired', 410);
  return claims;
}
