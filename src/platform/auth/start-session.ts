import { eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { type AuthContext, loadAuthContext, newSessionToken } from './context.ts';
import { sessions } from './schema.ts';

/** Where a sign-in comes from: the browser's address, agent, current session and the session lifetime. */
export interface SessionOrigin {
  ip: string;
  userAgent: string | null;
  /** The stored id of the session this browser held before, if any: it ends at sign-in. */
  previousSessionId: string | null;
  ttlHours: number;
}

/** A new session: the cookie token to hand to the browser and the resulting auth context. */
export interface SignedIn {
  token: string;
  maxAgeSeconds: number;
  auth: AuthContext;
}

/**
 * Starts a new session for an account, always with a new id (the browser's previous session, if any,
 * is deleted), so a session fixed before sign-in is worthless after it.
 * `mfa` marks the second factor as passed in this session.
 */
export async function startSession(options: {
  db: Database;
  accountId: string;
  origin: SessionOrigin;
  mfa: boolean;
}): Promise<SignedIn> {
  const { db, origin } = options;
  const { token, id } = newSessionToken();
  await db.transaction(async (tx) => {
    if (origin.previousSessionId) await tx.delete(sessions).where(eq(sessions.id, origin.previousSessionId));
    await tx.insert(sessions).values({
      id,
      accountId: options.accountId,
      expiresAt: sql`now() + ${`${origin.ttlHours} hours`}::interval`,
      mfaAt: options.mfa ? sql`now()` : null,
      ip: origin.ip,
      userAgent: origin.userAgent?.slice(0, 400) ?? null,
    });
  });
  const auth = await loadAuthContext(db, id);
  if (!auth) throw new Error('new session could not be loaded');
  return { token, maxAgeSeconds: origin.ttlHours * 3600, auth };
}
