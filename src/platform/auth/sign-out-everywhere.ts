import { eq } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { auditAccountEvent } from './accounts.ts';
import type { AuthContext } from './context.ts';
import { requireAccount } from './policies.ts';
import { sessions } from './schema.ts';

/** Ends every session of the signed-in account, this one included. */
export async function signOutEverywhere(options: {
  db: Database;
  auth: AuthContext | null;
  ip: string;
}): Promise<void> {
  const who = requireAccount(options.auth);
  const ended = await options.db
    .delete(sessions)
    .where(eq(sessions.accountId, who.account.id))
    .returning({ id: sessions.id });
  await auditAccountEvent(options.db, {
    accountId: who.account.id,
    action: 'auth.sign_out_everywhere',
    ip: options.ip,
    details: { sessions: ended.length },
  });
}
