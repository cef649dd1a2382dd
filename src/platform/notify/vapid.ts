import webpush from 'web-push';
import type { Executor } from '../db/client.ts';
import { installationSecret } from '../db/secrets.ts';

/** The installation's VAPID key pair (base64url), which push services use to recognise its messages. */
export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

/** The VAPID keys, generated on first use and kept in the database for every process to share. */
export async function vapidKeys(db: Executor): Promise<VapidKeys> {
  const value = await installationSecret(db, 'notify.vapid_keys', () =>
    JSON.stringify(webpush.generateVAPIDKeys()),
  );
  const parsed = JSON.parse(value) as Partial<VapidKeys>;
  if (typeof parsed.publicKey !== 'string' || typeof parsed.privateKey !== 'string')
    throw new Error('stored VAPID keys are malformed');
  return { publicKey: parsed.publicKey, privateKey: parsed.privateKey };
}

/**
 * The VAPID subject push services may contact about abuse: the public address when it is https,
 * else the sender's mailbox (push services accept only https: or mailto:).
 */
export function vapidSubject(publicUrl: string, mailFrom: string): string {
  if (publicUrl.startsWith('https://')) return publicUrl;
  const address = /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom.trim();
  return `mailto:${address}`;
}
