import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import { sessionCookieName, sessionIdOf, setSessionCookie } from './context.ts';
import { type SessionBody, sessionBody } from './session-body.ts';
import type { SessionOrigin, SignedIn } from './start-session.ts';

/**
 * Per-address limits of the routes people could hammer (on top of the per-address failure count).
 * Generous enough for a town hall's shared connection, tight enough to make guessing slow.
 */
export const ROUTE_LIMITS = {
  signIn: { max: 20, timeWindow: '1 minute' },
  signUp: { max: 10, timeWindow: '10 minutes' },
  codeRequest: { max: 10, timeWindow: '5 minutes' },
  codeCheck: { max: 20, timeWindow: '5 minutes' },
  totp: { max: 10, timeWindow: '1 minute' },
} as const;

/** The stored id of the session cookie the browser sent (valid or not), or null. */
export function cookieSessionId(request: FastifyRequest, config: Config): string | null {
  const token = request.cookies[sessionCookieName(config.secureCookies)];
  return token ? sessionIdOf(token) : null;
}

/** Where a sign-in request comes from. */
export function sessionOrigin(request: FastifyRequest, config: Config): SessionOrigin {
  return {
    ip: request.ip,
    userAgent: request.headers['user-agent'] ?? null,
    previousSessionId: cookieSessionId(request, config),
    ttlHours: config.sessionTtlHours,
  };
}

/** Hands the new session's cookie to the browser and answers with the session body. */
export function replySignedIn(reply: FastifyReply, config: Config, signedIn: SignedIn): SessionBody {
  setSessionCookie(reply, signedIn.token, {
    secure: config.secureCookies,
    maxAgeSeconds: signedIn.maxAgeSeconds,
  });
  return sessionBody(signedIn.auth);
}
