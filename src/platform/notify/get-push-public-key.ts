import type { Executor } from '../db/client.ts';
import { vapidKeys } from './vapid.ts';

/** The installation's VAPID public key, which the browser needs to subscribe (public by design). */
export async function getPushPublicKey(options: { db: Executor }): Promise<{ publicKey: string }> {
  return { publicKey: (await vapidKeys(options.db)).publicKey };
}
