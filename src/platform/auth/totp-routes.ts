import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { disableTotp } from './disable-totp.ts';
import { enableTotp } from './enable-totp.ts';
import { ROUTE_LIMITS, replySignedIn, sessionOrigin } from './http.ts';
import { sessionBody } from './session-body.ts';
import { setUpTotp } from './set-up-totp.ts';
import { verifyTotp } from './verify-totp.ts';

const CodeBody = Type.Object(
  { code: Type.String({ pattern: '^[0-9]{6}$' }) },
  { additionalProperties: false },
);
const err = { $ref: 'Error#' };
const session = Type.Ref('Session');

/** TOTP: enrolment, the second step of sign-in, and turning it off (never for administrators). */
export const totpRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { config } = app.deps;
  const db = app.deps.database.db;
  const tags = ['auth'];
  const rateLimit = ROUTE_LIMITS.totp;

  app.post(
    '/auth/totp/setup',
    {
      config: { rateLimit },
      schema: {
        tags,
        summary: 'Préparer la double authentification / Set up TOTP',
        response: {
          200: Type.Object({ secret: Type.String(), otpauthUri: Type.String(), qrDataUrl: Type.String() }),
          401: err,
          403: err,
        },
      },
    },
    async (request) => setUpTotp({ db, auth: request.auth }),
  );

  app.post(
    '/auth/totp/enable',
    {
      config: { rateLimit },
      schema: {
        tags,
        summary: 'Activer la double authentification / Turn TOTP on',
        body: CodeBody,
        response: { 200: session, 400: err, 401: err, 403: err, 409: err, 429: err },
      },
    },
    async (request) =>
      sessionBody(await enableTotp({ db, auth: request.auth, ip: request.ip, input: request.body })),
  );

  app.post(
    '/auth/totp/verify',
    {
      config: { rateLimit },
      schema: {
        tags,
        summary: 'Entrer le code d’authentification / Enter the TOTP code',
        body: CodeBody,
        response: { 200: session, 400: err, 401: err, 409: err, 429: err },
      },
    },
    async (request, reply) =>
      replySignedIn(
        reply,
        config,
        await verifyTotp({
          db,
          auth: request.auth,
          origin: sessionOrigin(request, config),
          input: request.body,
        }),
      ),
  );

  app.post(
    '/auth/totp/disable',
    {
      config: { rateLimit },
      schema: {
        tags,
        summary: 'Désactiver la double authentification / Turn TOTP off',
        body: CodeBody,
        response: { 204: Type.Null(), 400: err, 401: err, 403: err, 409: err, 429: err },
      },
    },
    async (request, reply) => {
      await disableTotp({ db, auth: request.auth, ip: request.ip, input: request.body });
      return reply.status(204).send(null);
    },
  );
};
