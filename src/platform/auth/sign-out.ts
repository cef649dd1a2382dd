import { eq } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { auditAccountEvent } from './accounts.ts';
import type { AuthContext } from './context.ts';
import { sessions } from './schema.ts';

/** Ends this browser's session on the server (the cookie alone would not be enough). */
export async function signOut(options: {
  db: Database;
  auth: AuthContext | null;
  ip: string;
  /** The stored id of the browser's session cookie, even if it has expired. */
  sessionId: string | null;
}): Promise<void> {
  const { db, auth } = options;
  const id = auth?.sessionId ?? options.sessionId;
  if (!id) return;
  await db.delete(sessions).where(eq(sessions.id, id));
  if (auth)
    await auditAccountEvent(db, { accountId: auth.account.id, action: 'auth.sign_out', ip: options.ip });
}
