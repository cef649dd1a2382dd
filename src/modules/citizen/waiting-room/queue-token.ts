import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Executor } from '../../../platform/db/client.ts';
import { installationSecret } from '../../../platform/db/secrets.ts';

/** A place in a season's opening-day queue: who, which position, and from when they are admitted. */
export interface QueueTicket {
  seasonId: string;
  accountId: string;
  position: number;
  /** Milliseconds since the epoch. */
  admitAt: number;
}

/** How long an admitted person may keep registering before taking a new place in the queue. */
export const ADMISSION_MINUTES = 30;

const secretOf = (db: Executor) => installationSecret(db, 'citizen.queue_token');

function mac(secret: string, payload: string): Buffer {
  return createHmac('sha256', secret).update(payload).digest();
}

/**
 * Signs a ticket. The ticket is the person's place: kept by the browser (cookie and local storage), it
 * survives a dropped connection or a closed tab, and the server keeps no per-person state to lose.
 */
export async function signTicket(db: Executor, ticket: QueueTicket): Promise<string> {
  const payload = Buffer.from(
    JSON.stringify([ticket.seasonId, ticket.accountId, ticket.position, ticket.admitAt]),
  ).toString('base64url');
  return `${payload}.${mac(await secretOf(db), payload).toString('base64url')}`;
}

/** The ticket a token carries, or null when it was not signed here or is malformed. */
export async function readTicket(
  db: Executor,
  token: string | undefined | null,
): Promise<QueueTicket | null> {
  if (!token || token.length > 500) return null;
  const [payload, signature] = token.split('.');
  if (!payload || !signature) return null;
  const expected = mac(await secretOf(db), payload);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 4) return null;
    const [seasonId, accountId, position, admitAt] = value as unknown[];
    if (typeof seasonId !== 'string' || typeof accountId !== 'string') return null;
    if (typeof position !== 'number' || typeof admitAt !== 'number') return null;
    return { seasonId, accountId, position, admitAt };
  } catch {
    return null;
  }
}

/** The cookie that keeps a season's ticket in the browser. */
export function queueCookieName(seasonId: string): string {
  return `civique_queue_${seasonId}`;
}
