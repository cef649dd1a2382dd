import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { AppError } from '../http/errors.ts';
import { auditAccountEvent } from './accounts.ts';
import type { AuthContext } from './context.ts';
import { PUBLIC_SESSION_ID_LENGTH } from './list-sessions.ts';
import { requireAccount } from './policies.ts';
import { sessions } from './schema.ts';

/** Ends one of the signed-in person's own sessions by its public id; says whether it was this one. */
export async function endSession(options: {
  db: Database;
  auth: AuthContext | null;
  ip: string;
  publicId: string;
}): Promise<{ wasCurrent: boolean }> {
  const who = requireAccount(options.auth);
  const ended = await options.db
    .delete(sessions)
    .where(
      and(
        eq(sessions.accountId, who.account.id),
        sql`left(${sessions.id}, ${PUBLIC_SESSION_ID_LENGTH}) = ${options.publicId}`,
      ),
    )
    .returning({ id: sessions.id });
  if (ended.length === 0) throw new AppError('auth.session_not_found', 404);
  await auditAccountEvent(options.db, {
    accountId: who.account.id,
    action: 'auth.session_ended',
    ip: options.ip,
  });
  return { wasCurrent: ended.some((s) => s.id === who.sessionId) };
}
