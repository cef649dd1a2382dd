import { and, desc, eq, gt, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import type { AuthContext } from './context.ts';
import { requireAccount } from './policies.ts';
import { sessions } from './schema.ts';

/** Length of a session's public id: a prefix of the stored id, useless to forge a cookie. */
export const PUBLIC_SESSION_ID_LENGTH = 16;

/** A session as its owner sees it. */
export interface SessionSummary {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  ip: string | null;
  userAgent: string | null;
  current: boolean;
}

/** The public id of a stored session id. */
export function publicSessionId(storedId: string): string {
  return storedId.slice(0, PUBLIC_SESSION_ID_LENGTH);
}

/** The signed-in person's active sessions, most recently used first. */
export async function listSessions(options: {
  db: Executor;
  auth: AuthContext | null;
}): Promise<SessionSummary[]> {
  const who = requireAccount(options.auth);
  const rows = await options.db
    .select()
    .from(sessions)
    .where(and(eq(sessions.accountId, who.account.id), gt(sessions.expiresAt, sql`now()`)))
    .orderBy(desc(sessions.lastSeenAt));
  return rows.map((s) => ({
    id: publicSessionId(s.id),
    createdAt: s.createdAt.toISOString(),
    lastSeenAt: s.lastSeenAt.toISOString(),
    ip: s.ip,
    userAgent: s.userAgent,
    current: s.id === who.sessionId,
  }));
}
