import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Executor } from '../db/client.ts';
import { installationSecret } from '../db/secrets.ts';
import { AppError } from '../http/errors.ts';
import { CATEGORIES, type Category, CHANNELS, type Channel, UNSUBSCRIBE_EXEMPT } from './categories.ts';

/** Who a link unsubscribes: an account, or an address that has none (kept only as a hash). */
export type UnsubscribeSubject =
  | { kind: 'account'; accountId: string }
  | { kind: 'address'; addressHash: string };

/** What an unsubscribe link names: one person, one category, one channel. */
export interface UnsubscribeClaims {
  subject: UnsubscribeSubject;
  category: Category;
  channel: Channel;
}

const SECRET_NAME = 'notify.unsubscribe_key';
// version (1) + subject kind (1) + subject (16) + category (1) + channel (1), then a MAC truncated to
// 12 bytes (96 bits: guessing one is out of reach, and the link stays short enough for a text message).
const VERSION = 1;
const PAYLOAD_BYTES = 20;
const MAC_BYTES = 12;

/** The installation's key for unsubscribe links, generated on first use and kept in the database. */
export async function unsubscribeSecret(db: Executor): Promise<Buffer> {
  return Buffer.from(await installationSecret(db, SECRET_NAME), 'base64url');
}

/** The stored hash of an address with no account: lower-cased, SHA-256, first 16 bytes in hex. */
export function addressHash(address: string): string {
  return createHash('sha256').update(address.trim().toLowerCase()).digest().subarray(0, 16).toString('hex');
}

function mac(secret: Buffer, payload: Buffer): Buffer {
  return createHmac('sha256', secret)
    .update('civique-unsubscribe\0')
    .update(payload)
    .digest()
    .subarray(0, MAC_BYTES);
}

/** A token `<payload><MAC>` in base64url (43 characters). */
export function signUnsubscribeToken(secret: Buffer, claims: UnsubscribeClaims): string {
  if (UNSUBSCRIBE_EXEMPT.has(claims.category)) throw new Error(`${claims.category} cannot be unsubscribed`);
  const payload = Buffer.alloc(PAYLOAD_BYTES);
  payload.writeUInt8(VERSION, 0);
  const subjectHex =
    claims.subject.kind === 'account'
      ? claims.subject.accountId.replace(/-/g, '')
      : claims.subject.addressHash;
  if (!/^[0-9a-f]{32}$/i.test(subjectHex)) throw new Error('unsubscribe subject must be 16 bytes');
  payload.writeUInt8(claims.subject.kind === 'account' ? 0 : 1, 1);
  Buffer.from(subjectHex, 'hex').copy(payload, 2);
  payload.writeUInt8(CATEGORIES.indexOf(claims.category), 18);
  payload.writeUInt8(CHANNELS.indexOf(claims.channel), 19);
  return Buffer.concat([payload, mac(secret, payload)]).toString('base64url');
}

function uuidOf(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Checks a token's signature and returns what it names; a forged or altered token is 404. */
export function verifyUnsubscribeToken(secret: Buffer, token: string): UnsubscribeClaims {
  const invalid = new AppError('notify.unsubscribe_invalid', 404);
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) throw invalid;
  const raw = Buffer.from(token, 'base64url');
  if (raw.length !== PAYLOAD_BYTES + MAC_BYTES) throw invalid;
  const payload = raw.subarray(0, PAYLOAD_BYTES);
  const given = raw.subarray(PAYLOAD_BYTES);
  if (!timingSafeEqual(given, mac(secret, payload))) throw invalid;
  if (payload.readUInt8(0) !== VERSION) throw invalid;
  const kind = payload.readUInt8(1);
  const hex = payload.subarray(2, 18).toString('hex');
  const category = CATEGORIES[payload.readUInt8(18)];
  const channel = CHANNELS[payload.readUInt8(19)];
  if (!category || !channel || kind > 1 || UNSUBSCRIBE_EXEMPT.has(category)) throw invalid;
  const subject: UnsubscribeSubject =
    kind === 0 ? { kind: 'account', accountId: uuidOf(hex) } : { kind: 'address', addressHash: hex };
  return { subject, category, channel };
}
