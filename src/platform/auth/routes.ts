import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Email, LocaleSchema } from '../http/schemas.ts';
import './messages.ts';
import { clearSessionCookie } from './context.ts';
import { endSession } from './end-session.ts';
import { cookieSessionId, ROUTE_LIMITS, replySignedIn, sessionOrigin } from './http.ts';
import { listSessions } from './list-sessions.ts';
import { requestCode } from './request-code.ts';
import { resetPassword } from './reset-password.ts';
import { SessionSchema, sessionBody } from './session-body.ts';
import { signIn } from './sign-in.ts';
import { signInWithCode } from './sign-in-with-code.ts';
import { signOut } from './sign-out.ts';
import { signOutEverywhere } from './sign-out-everywhere.ts';
import { signUp } from './sign-up.ts';
import { staffRoutes } from './staff-routes.ts';
import { totpRoutes } from './totp-routes.ts';
import { verifyEmail } from './verify-email.ts';

const Password = Type.String({ minLength: 1, maxLength: 200 });
const Code = Type.String({ pattern: '^[0-9]{6}$' });
const EmailBody = Type.Object({ email: Email }, { additionalProperties: false });
const EmailCodeBody = Type.Object({ email: Email, code: Code }, { additionalProperties: false });
const Accepted = Type.Object({ status: Type.Literal('accepted') });
const err = { $ref: 'Error#' };
const session = Type.Ref('Session');

/** Accounts and access: the session, sign-up, sign-in (password or code), reset, sign-out, sessions. */
export const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addSchema(SessionSchema);
  const { config, jobs } = app.deps;
  const db = app.deps.database.db;
  const tags = ['auth'];

  app.get(
    '/session',
    { schema: { tags, summary: 'Session courante / Current session', response: { 200: session } } },
    async (request) => sessionBody(request.auth),
  );

  app.post(
    '/auth/sign-up',
    {
      config: { rateLimit: ROUTE_LIMITS.signUp },
      schema: {
        tags,
        summary: 'Créer un compte / Sign up',
        body: Type.Object(
          {
            email: Email,
            password: Password,
            givenName: Type.String({ minLength: 1, maxLength: 100 }),
            familyName: Type.String({ minLength: 1, maxLength: 100 }),
            locale: Type.Optional(LocaleSchema),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ status: Type.Literal('verification_sent') }), 400: err, 429: err },
      },
    },
    async (request, reply) => {
      const result = await signUp({ db, jobs, locale: request.locale, input: request.body });
      return reply.status(201).send(result);
    },
  );

  app.post(
    '/auth/verify-email',
    {
      config: { rateLimit: ROUTE_LIMITS.codeCheck },
      schema: {
        tags,
        summary: 'Confirmer son courriel / Verify e-mail',
        body: EmailCodeBody,
        response: { 200: session, 400: err, 403: err, 429: err },
      },
    },
    async (request, reply) =>
      replySignedIn(
        reply,
        config,
        await verifyEmail({ db, origin: sessionOrigin(request, config), input: request.body }),
      ),
  );

  app.post(
    '/auth/sign-in',
    {
      config: { rateLimit: ROUTE_LIMITS.signIn },
      schema: {
        tags,
        summary: 'Se connecter / Sign in',
        body: Type.Object({ email: Email, password: Password }, { additionalProperties: false }),
        response: { 200: session, 400: err, 401: err, 403: err, 429: err },
      },
    },
    async (request, reply) =>
      replySignedIn(
        reply,
        config,
        await signIn({ db, jobs, origin: sessionOrigin(request, config), input: request.body }),
      ),
  );

  app.post(
    '/auth/code/request',
    {
      config: { rateLimit: ROUTE_LIMITS.codeRequest },
      schema: {
        tags,
        summary: 'Recevoir un code de connexion / Get a sign-in code',
        body: EmailBody,
        response: { 202: Accepted, 400: err, 429: err },
      },
    },
    async (request, reply) => {
      await requestCode({ db, jobs, purpose: 'sign_in', input: request.body });
      return reply.status(202).send({ status: 'accepted' as const });
    },
  );

  app.post(
    '/auth/code/sign-in',
    {
      config: { rateLimit: ROUTE_LIMITS.codeCheck },
      schema: {
        tags,
        summary: 'Se connecter avec un code / Sign in with a code',
        body: EmailCodeBody,
        response: { 200: session, 400: err, 403: err, 429: err },
      },
    },
    async (request, reply) =>
      replySignedIn(
        reply,
        config,
        await signInWithCode({ db, origin: sessionOrigin(request, config), input: request.body }),
      ),
  );

  app.post(
    '/auth/password/reset-request',
    {
      config: { rateLimit: ROUTE_LIMITS.codeRequest },
      schema: {
        tags,
        summary: 'Demander la réinitialisation du mot de passe / Ask for a password reset',
        body: EmailBody,
        response: { 202: Accepted, 400: err, 429: err },
      },
    },
    async (request, reply) => {
      await requestCode({ db, jobs, purpose: 'reset_password', input: request.body });
      return reply.status(202).send({ status: 'accepted' as const });
    },
  );

  app.post(
    '/auth/password/reset',
    {
      config: { rateLimit: ROUTE_LIMITS.codeCheck },
      schema: {
        tags,
        summary: 'Choisir un nouveau mot de passe / Reset the password',
        body: Type.Object({ email: Email, code: Code, password: Password }, { additionalProperties: false }),
        response: {
          200: Type.Object({ status: Type.Literal('password_changed') }),
          400: err,
          403: err,
          429: err,
        },
      },
    },
    async (request) =>
      resetPassword({
        db,
        jobs,
        ip: request.ip,
        currentSessionId: cookieSessionId(request, config),
        input: request.body,
      }),
  );

  app.post(
    '/auth/sign-out',
    { schema: { tags, summary: 'Se déconnecter / Sign out', response: { 204: Type.Null() } } },
    async (request, reply) => {
      await signOut({ db, auth: request.auth, ip: request.ip, sessionId: cookieSessionId(request, config) });
      clearSessionCookie(reply, config.secureCookies);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/auth/sign-out-everywhere',
    {
      schema: {
        tags,
        summary: 'Se déconnecter partout / Sign out everywhere',
        response: { 204: Type.Null(), 401: err, 403: err },
      },
    },
    async (request, reply) => {
      await signOutEverywhere({ db, auth: request.auth, ip: request.ip });
      clearSessionCookie(reply, config.secureCookies);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/auth/sessions',
    {
      schema: {
        tags,
        summary: 'Sessions actives / Active sessions',
        response: {
          200: Type.Array(
            Type.Object({
              id: Type.String(),
              createdAt: Type.String({ format: 'date-time' }),
              lastSeenAt: Type.String({ format: 'date-time' }),
              ip: Type.Union([Type.String(), Type.Null()]),
              userAgent: Type.Union([Type.String(), Type.Null()]),
              current: Type.Boolean(),
            }),
          ),
          401: err,
          403: err,
        },
      },
    },
    async (request) => listSessions({ db, auth: request.auth }),
  );

  app.delete(
    '/auth/sessions/:id',
    {
      schema: {
        tags,
        summary: 'Fermer une session / End a session',
        params: Type.Object({ id: Type.String({ pattern: '^[0-9a-f]{16}$' }) }),
        response: { 204: Type.Null(), 401: err, 403: err, 404: err },
      },
    },
    async (request, reply) => {
      const { wasCurrent } = await endSession({
        db,
        auth: request.auth,
        ip: request.ip,
        publicId: request.params.id,
      });
      if (wasCurrent) clearSessionCookie(reply, config.secureCookies);
      return reply.status(204).send(null);
    },
  );

  await app.register(totpRoutes);
  await app.register(staffRoutes);
};
