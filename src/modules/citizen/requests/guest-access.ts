import { createHash, createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import type { Executor } from '../../../platform/db/client.ts';
import { installationSecret } from '../../../platform/db/secrets.ts';

// People without an account follow a request through a link carrying a token: the follower's id and an
// HMAC of it. Nothing secret is stored (the link can be rebuilt for every e-mail), and removing the
// follower row revokes it. Photos uploaded before a guest's request exists carry a token of the same kind.

const SECRET = 'requests.guest_key';

async function key(db: Executor): Promise<Buffer> {
  return Buffer.from(await installationSecret(db, SECRET), 'base64url');
}

function uuidBytes(id: string): Buffer {
  return Buffer.from(id.replace(/-/g, ''), 'hex');
}

function uuidOf(bytes: Buffer): string {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function mac(secret: Buffer, purpose: string, id: Buffer): Buffer {
  return createHmac('sha256', secret)
    .update(`civique-request-${purpose}\0`)
    .update(id)
    .digest()
    .subarray(0, 18);
}

async function sign(db: Executor, purpose: string, id: string): Promise<string> {
  const bytes = uuidBytes(id);
  return `${bytes.toString('base64url')}.${mac(await key(db), purpose, bytes).toString('base64url')}`;
}

async function verify(db: Executor, purpose: string, token: string): Promise<string | null> {
  const [encoded, signature, extra] = token.split('.');
  if (!encoded || !signature || extra !== undefined) return null;
  const bytes = Buffer.from(encoded, 'base64url');
  if (bytes.length !== 16) return null;
  const expected = mac(await key(db), purpose, bytes);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return uuidOf(bytes);
}

/** The token of a guest follower's link. */
export function guestToken(db: Executor, followerId: string): Promise<string> {
  return sign(db, 'guest', followerId);
}

/** The follower id a guest token names, or null when it is forged or malformed. */
export function followerIdOf(db: Executor, token: string): Promise<string | null> {
  return verify(db, 'guest', token);
}

/** The token proving who uploaded a photo without an account. */
export function photoToken(db: Executor, fileId: string): Promise<string> {
  return sign(db, 'photo', fileId);
}

/** Whether a photo token names this file. */
export async function photoTokenValid(db: Executor, fileId: string, token: string): Promise<boolean> {
  return (await verify(db, 'photo', token)) === fileId;
}

/** A fresh 6-digit confirmation code. */
export function newCode(): string {
  return randomInt(0, 1_000_000).toString().padStart(6, '0');
}

/** The stored hash of a code, bound to one follower so it serves nowhere else. */
export function hashCode(followerId: string, code: string): string {
  return createHash('sha256').update(`${followerId}:${code.trim()}`).digest('hex');
}

/** How long a confirmation code stays valid, and how many tries it allows. */
export const CODE_TTL_HOURS = 48;
export const CODE_MAX_ATTEMPTS = 5;
export const CODE_MAX_SENDS = 5;
