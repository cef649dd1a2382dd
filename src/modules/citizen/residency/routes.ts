import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ROUTE_LIMITS, replySignedIn, sessionOrigin } from '../../../platform/auth/http.ts';
import { SessionSchema } from '../../../platform/auth/session-body.ts';
import { Nullable, Uuid } from '../../../platform/http/schemas.ts';
import { completeClaim, sendClaimCode, startClaim } from './claim-household.ts';
import './emails.ts';
import './files.ts';
import './messages.ts';
import { declareMove, getMyResidency, renewResidency } from './my-residency.ts';
import { proveByAddress } from './prove-by-address.ts';
import { ResidencySchema, StandingSchema } from './schemas.ts';
import { staffResidencyRoutes } from './staff-routes.ts';
import { submitProof } from './submit-proof.ts';

const err = { $ref: 'Error#' };
const OrgParams = Type.Object({ orgId: Uuid });
const PostalCode = Type.String({ minLength: 6, maxLength: 8 });
const BirthDate = Type.String({ format: 'date' });

/** Residency: the household's proofs, renewal and move; claiming an imported household; staff checks. */
export const residencyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addSchema(ResidencySchema);
  const { database, jobs, config } = app.deps;
  const db = database.db;
  const tags = ['citizen: residency'];
  const ref = Type.Ref('CitizenResidency');

  app.get(
    '/citizen/orgs/:orgId/residency',
    {
      schema: {
        tags,
        summary: 'Résidence de mon ménage / My household’s residency',
        params: OrgParams,
        response: {
          200: Type.Object({
            standing: StandingSchema,
            residency: Nullable(ref),
            renewalOpensOn: Nullable(Type.String()),
          }),
          401: err,
        },
      },
    },
    async (request) => getMyResidency({ db, auth: request.auth, orgId: request.params.orgId }),
  );

  app.post(
    '/citizen/orgs/:orgId/residency/address',
    {
      schema: {
        tags,
        summary: 'Prouver par le registre des adresses / Prove by the address register',
        params: OrgParams,
        body: Type.Object(
          {
            addressId: Type.Optional(Uuid),
            address: Type.Optional(Type.String({ minLength: 3, maxLength: 200 })),
            postalCode: Type.Optional(PostalCode),
          },
          { additionalProperties: false },
        ),
        response: { 201: ref, 400: err, 401: err, 409: err, 422: err },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await proveByAddress({ db, auth: request.auth, orgId: request.params.orgId, input: request.body }),
        ),
  );

  app.post(
    '/citizen/orgs/:orgId/residency/document',
    {
      schema: {
        tags,
        summary: 'Soumettre une preuve de résidence déposée / Submit an uploaded proof of residency',
        params: OrgParams,
        body: Type.Object(
          { fileId: Uuid, address: Type.String({ minLength: 3, maxLength: 200 }), postalCode: PostalCode },
          { additionalProperties: false },
        ),
        response: { 201: ref, 400: err, 401: err, 409: err, 422: err },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await submitProof({ db, auth: request.auth, orgId: request.params.orgId, input: request.body }),
        ),
  );

  app.post(
    '/citizen/orgs/:orgId/residency/renew',
    {
      schema: {
        tags,
        summary: 'Renouveler / Renew',
        params: OrgParams,
        response: { 200: ref, 401: err, 404: err, 409: err },
      },
    },
    async (request) => renewResidency({ db, auth: request.auth, orgId: request.params.orgId }),
  );

  app.post(
    '/citizen/orgs/:orgId/residency/move',
    {
      schema: {
        tags,
        summary:
          'Déclarer un déménagement (la résidence et les cartes prennent fin) / Declare a move (residency and cards end)',
        params: OrgParams,
        response: { 200: ref, 401: err, 404: err },
      },
    },
    async (request) => declareMove({ db, auth: request.auth, orgId: request.params.orgId }),
  );

  app.post(
    '/citizen/orgs/:orgId/residency/claim',
    {
      config: { rateLimit: ROUTE_LIMITS.codeRequest },
      schema: {
        tags,
        summary:
          'Réclamer le dossier de mon ménage (sans mot de passe) / Claim my household record (no password)',
        params: OrgParams,
        body: Type.Object(
          {
            cardNumber: Type.Optional(Type.String({ maxLength: 30 })),
            address: Type.Optional(Type.String({ maxLength: 200 })),
            postalCode: Type.Optional(PostalCode),
            birthDate: BirthDate,
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            claimId: Type.String(),
            channels: Type.Array(
              Type.Object({
                channel: Type.Union([Type.Literal('email'), Type.Literal('sms')]),
                masked: Type.String(),
              }),
            ),
          }),
          400: err,
          404: err,
          409: err,
          422: err,
          429: err,
        },
      },
    },
    async (request) => startClaim({ db, orgId: request.params.orgId, input: request.body }),
  );

  app.post(
    '/citizen/orgs/:orgId/residency/claim/code',
    {
      config: { rateLimit: ROUTE_LIMITS.codeRequest },
      schema: {
        tags,
        summary:
          'Envoyer le code au courriel ou au téléphone inscrit / Send the code to the e-mail or phone on file',
        params: OrgParams,
        body: Type.Object(
          { claimId: Uuid, channel: Type.Union([Type.Literal('email'), Type.Literal('sms')]) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ sent: Type.Boolean(), minutes: Type.Integer() }),
          400: err,
          404: err,
          409: err,
          422: err,
          429: err,
        },
      },
    },
    async (request) =>
      sendClaimCode({ db, jobs, orgId: request.params.orgId, locale: request.locale, input: request.body }),
  );

  app.post(
    '/citizen/orgs/:orgId/residency/claim/confirm',
    {
      config: { rateLimit: ROUTE_LIMITS.codeCheck },
      schema: {
        tags,
        summary: 'Confirmer avec le code / Confirm with the code',
        params: OrgParams,
        body: Type.Object(
          { claimId: Uuid, code: Type.String({ pattern: '^\\s*\\d{6}\\s*$' }) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ residency: ref, session: Nullable(SessionSchema) }),
          400: err,
          403: err,
          404: err,
          409: err,
          429: err,
        },
      },
    },
    async (request, reply) => {
      const result = await completeClaim({
        db,
        auth: request.auth,
        orgId: request.params.orgId,
        origin: sessionOrigin(request, config),
        locale: request.locale,
        input: request.body,
      });
      return {
        residency: result.residency,
        session: result.signedIn ? replySignedIn(reply, config, result.signedIn) : null,
      };
    },
  );

  await app.register(staffResidencyRoutes);
};
