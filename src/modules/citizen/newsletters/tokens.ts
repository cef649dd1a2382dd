import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Executor } from '../../../platform/db/client.ts';
import { installationSecret } from '../../../platform/db/secrets.ts';

const SECRET = 'citizen.newsletter_unsubscribe_key';
const UUID = /^[0-9a-f]{32}$/;

/** A random confirmation token (e-mailed once) and the hash kept in the database. */
export function newConfirmToken(): { token: string; hash: string } {
  const token = randomBytes(24).toString('base64url');
  return { token, hash: hashToken(token) };
}

/** SHA-256 of a token, as stored. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

async function key(db: Executor): Promise<Buffer> {
  return Buffer.from(await installationSecret(db, SECRET), 'base64url');
}

function mac(secret: Buffer, hex: string): Buffer {
  return createHmac('sha256', secret).update(`newsletter-unsubscribe\0${hex}`).digest().subarray(0, 12);
}

/** The one-click unsubscribe token of a subscription: its id and a MAC (nothing to store, nothing to guess). */
export async function unsubscribeToken(db: Executor, subscriptionId: string): Promise<string> {
  const hex = subscriptionId.replace(/-/g, '');
  return Buffer.concat([Buffer.from(hex, 'hex'), mac(await key(db), hex)]).toString('base64url');
}

/** The subscription a token names, or null when forged. */
export async function readUnsubscribeToken(db: Executor, token: string): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{38}$/.test(token)) return null;
  const raw = Buffer.from(token, 'base64url');
  if (raw.length !== 28) return null;
  const hex = raw.subarray(0, 16).toString('hex');
  if (!UUID.test(hex) || !timingSafeEqual(raw.subarray(16), mac(await key(db), hex))) return null;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
