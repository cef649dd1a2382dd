import { createHash, randomBytes } from 'node:crypto';

// An API key reads `o311_<prefix>_<secret>`: the prefix finds the row, the SHA-256 of the whole key is
// what is stored. A leaked table holds no usable key.

const KEY = /^o311_([0-9a-f]{16})_([A-Za-z0-9_-]{32})$/;

/** A new key and what is stored of it. */
export function newApiKey(): { key: string; prefix: string; hash: string } {
  const prefix = randomBytes(8).toString('hex');
  const key = `o311_${prefix}_${randomBytes(24).toString('base64url')}`;
  return { key, prefix, hash: hashApiKey(key) };
}

/** The stored hash of a key. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** The prefix of a well-formed key, or null. */
export function prefixOf(key: string): string | null {
  return KEY.exec(key)?.[1] ?? null;
}
