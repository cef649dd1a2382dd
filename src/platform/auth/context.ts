import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Database } from '../db/client.ts';
import type { Locale } from '../http/locale.ts';
import { accounts, memberships, type Role, sessions } from './schema.ts';

/** Who is making a request: the session, the account and its roles per organisation. */
export interface AuthContext {
  sessionId: string;
  account: {
    id: string;
    email: string;
    givenName: string;
    familyName: string;
    locale: Locale;
    isInstallationAdmin: boolean;
    totpEnabled: boolean;
    emailVerified: boolean;
  };
  memberships: Array<{ orgId: string; role: Role }>;
  /** The second factor was checked in this session. */
  mfa: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext | null;
  }
}

/** The session cookie's name: `__Host-` prefixed whenever cookies are Secure. */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-civique_session' : 'civique_session';
}

/** A new random session token (what the cookie holds) and its id (what the database keeps). */
export function newSessionToken(): { token: string; id: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, id: sessionIdOf(token) };
}

/** The stored id of a session token: its SHA-256, so a leaked table does not leak live sessions. */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Sets the session cookie on a reply. */
export function setSessionCookie(
  reply: FastifyReply,
  token: string,
  options: { secure: boolean; maxAgeSeconds: number },
) {
  reply.setCookie(sessionCookieName(options.secure), token, {
    path: '/',
    httpOnly: true,
    secure: options.secure,
    sameSite: 'lax',
    maxAge: options.maxAgeSeconds,
  });
}

/** Clears the session cookie on a reply. */
export function clearSessionCookie(reply: FastifyReply, secure: boolean) {
  reply.clearCookie(sessionCookieName(secure), { path: '/', httpOnly: true, secure, sameSite: 'lax' });
}

// The query of every signed-in request: the session, its account and the account's roles in one round
// trip, prepared once per database handle (no query building per request; PostgreSQL plans it once per
// connection).
function authQuery(db: Database) {
  return db
    .select({
      mfaAt: sessions.mfaAt,
      lastSeenAt: sessions.lastSeenAt,
      account: accounts,
      memberships: sql<Array<{ orgId: string; role: Role }>>`coalesce((
        SELECT json_agg(json_build_object('orgId', ${memberships.orgId}, 'role', ${memberships.role}))
        FROM ${memberships} WHERE ${memberships.accountId} = ${accounts.id}), '[]'::json)`,
    })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .where(and(eq(sessions.id, sql.placeholder('id')), gt(sessions.expiresAt, sql`now()`)))
    .prepare('auth_context');
}
const authQueries = new WeakMap<Database, ReturnType<typeof authQuery>>();

/** The session row's last-seen time alongside the context (to touch it only when due). */
async function loadSession(
  db: Database,
  sessionId: string,
): Promise<{ context: AuthContext; lastSeenAt: Date } | null> {
  let query = authQueries.get(db);
  if (!query) {
    query = authQuery(db);
    authQueries.set(db, query);
  }
  const [row] = await query.execute({ id: sessionId });
  if (!row || row.account.disabledAt) return null;
  return {
    lastSeenAt: row.lastSeenAt,
    context: {
      sessionId,
      account: {
        id: row.account.id,
        email: row.account.email,
        givenName: row.account.givenName,
        familyName: row.account.familyName,
        locale: row.account.locale,
        isInstallationAdmin: row.account.isInstallationAdmin,
        totpEnabled: row.account.totpEnabledAt !== null,
        emailVerified: row.account.emailVerifiedAt !== null,
      },
      memberships: typeof row.memberships === 'string' ? JSON.parse(row.memberships) : row.memberships,
      mfa: row.mfaAt !== null,
    },
  };
}

/** Loads the auth context for a session id, or null when the session is unknown or expired. */
export async function loadAuthContext(db: Database, sessionId: string): Promise<AuthContext | null> {
  return (await loadSession(db, sessionId))?.context ?? null;
}

// Sessions are touched at most once a minute so reads stay cheap.
const TOUCH_EVERY_MS = 60_000;

/** Resolves `request.auth` from the session cookie on every request. */
export const authContext = fp(
  async (app: FastifyInstance, opts: { db: Database; secureCookies: boolean }) => {
    const cookieName = sessionCookieName(opts.secureCookies);
    app.decorateRequest('auth', null);
    app.addHook('onRequest', async (request: FastifyRequest) => {
      const token = request.cookies[cookieName];
      if (!token) return;
      const id = sessionIdOf(token);
      const loaded = await loadSession(opts.db, id);
      if (!loaded) return;
      const { context } = loaded;
      request.auth = context;
      // Answers in the person's own language unless the request asks explicitly.
      if (!request.headers['accept-language']) request.locale = context.account.locale;
      // A statement only when the session was last touched over a minute ago (not on every request).
      if (Date.now() - loaded.lastSeenAt.getTime() < TOUCH_EVERY_MS) return;
      void opts.db
        .update(sessions)
        .set({ lastSeenAt: sql`now()` })
        .where(
          and(
            eq(sessions.id, id),
            sql`${sessions.lastSeenAt} < now() - ${`${TOUCH_EVERY_MS} milliseconds`}::interval`,
          ),
        )
        .catch(() => {});
    });
  },
);
