import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Uuid } from '../../../platform/http/schemas.ts';
import { queueCookieName } from '../waiting-room/queue-token.ts';
import { cancelRegistration } from './cancel-registration.ts';
import { checkEligibility } from './check-eligibility.ts';
import { checkOut } from './check-out.ts';
import { listMyRegistrations } from './list-my-registrations.ts';
import './messages.ts';
import { acceptOffer, declineOffer, payHeld } from './respond-to-offer.ts';
import {
  CheckoutBody,
  CheckoutResultSchema,
  MyRegistrationSchema,
  PriceCategorySchema,
  RegistrationSchema,
  StaffRegistrationSchema,
} from './schemas.ts';
import { staffRegistrationRoutes } from './staff-routes.ts';

const err = { $ref: 'Error#' };
const OrgParams = Type.Object({ orgId: Uuid });
const RegistrationParams = Type.Object({ orgId: Uuid, registrationId: Uuid });
const CancellationSchema = Type.Object({
  registrations: Type.Array(Type.Ref('CitizenRegistration')),
  refundCents: Type.Integer(),
  refunded: Type.Boolean(),
});

/** Registrations of the signed-in household: cart checkout, offers, cancellations; then staff routes. */
export const registrationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addSchema(RegistrationSchema);
  app.addSchema(MyRegistrationSchema);
  app.addSchema(StaffRegistrationSchema);
  app.addSchema(CheckoutResultSchema);
  const { database, jobs, config } = app.deps;
  const db = database.db;
  const tags = ['citizen: registrations'];

  app.get(
    '/citizen/orgs/:orgId/eligibility',
    {
      schema: {
        tags,
        summary:
          'Admissibilité et prix pour un membre du ménage / Eligibility and price for a household member',
        params: OrgParams,
        querystring: Type.Object({ activityId: Uuid, personId: Uuid }),
        response: {
          200: Type.Object({
            category: PriceCategorySchema,
            listPriceCents: Type.Integer(),
            placesLeft: Type.Integer(),
            problems: Type.Array(Type.Object({ code: Type.String(), message: Type.String() })),
          }),
          401: err,
          403: err,
          404: err,
        },
      },
    },
    async (request) =>
      checkEligibility({
        db,
        auth: request.auth,
        orgId: request.params.orgId,
        locale: request.locale,
        input: request.query,
      }),
  );

  app.post(
    '/citizen/orgs/:orgId/checkout',
    {
      schema: {
        tags,
        summary:
          'Inscrire le panier (places prises à la confirmation) / Register the cart (places taken on confirmation)',
        description:
          'Accepte Idempotency-Key. Salle d’attente : billet dans le témoin civique_queue_<saison> ou l’en-tête X-Queue-Token. / Accepts Idempotency-Key. Waiting room: ticket in the civique_queue_<season> cookie or the X-Queue-Token header.',
        params: OrgParams,
        body: CheckoutBody,
        response: {
          201: Type.Ref('CitizenCheckoutResult'),
          400: err,
          401: err,
          403: err,
          404: err,
          409: err,
          422: err,
          429: err,
        },
      },
    },
    async (request, reply) => {
      const header = request.headers['x-queue-token'];
      const result = await checkOut({
        db,
        jobs,
        auth: request.auth,
        orgId: request.params.orgId,
        locale: request.locale,
        queueTokenFor: (seasonId) =>
          request.cookies[queueCookieName(seasonId)] ?? (Array.isArray(header) ? header[0] : header),
        input: request.body,
      });
      return reply.status(201).send(result);
    },
  );

  app.get(
    '/citizen/me/registrations',
    {
      schema: {
        tags,
        summary: 'Inscriptions de mon ménage / My household’s registrations',
        querystring: Type.Object({ orgId: Type.Optional(Uuid) }),
        response: { 200: Type.Array(Type.Ref('CitizenMyRegistration')), 401: err },
      },
    },
    async (request) => listMyRegistrations({ db, auth: request.auth, orgId: request.query.orgId }),
  );

  app.post(
    '/citizen/orgs/:orgId/registrations/:registrationId/cancel',
    {
      schema: {
        tags,
        summary: 'Annuler une inscription / Cancel a registration',
        params: RegistrationParams,
        response: { 200: CancellationSchema, 401: err, 404: err, 409: err },
      },
    },
    async (request) =>
      cancelRegistration({
        db,
        jobs,
        stripeConfig: config.stripe,
        auth: request.auth,
        ip: request.ip,
        locale: request.locale,
        ...request.params,
      }),
  );

  app.post(
    '/citizen/orgs/:orgId/registrations/:registrationId/accept-offer',
    {
      schema: {
        tags,
        summary: 'Accepter une place offerte / Accept an offered place',
        params: RegistrationParams,
        response: {
          200: Type.Object({
            registration: Type.Ref('CitizenRegistration'),
            orderId: Type.Union([Type.String(), Type.Null()]),
          }),
          401: err,
          404: err,
          409: err,
        },
      },
    },
    async (request) => acceptOffer({ db, auth: request.auth, ...request.params }),
  );

  app.post(
    '/citizen/orgs/:orgId/registrations/:registrationId/decline-offer',
    {
      schema: {
        tags,
        summary: 'Refuser une place offerte / Decline an offered place',
        params: RegistrationParams,
        response: { 200: Type.Ref('CitizenRegistration'), 401: err, 404: err, 409: err },
      },
    },
    async (request) => declineOffer({ db, jobs, auth: request.auth, ...request.params }),
  );

  app.post(
    '/citizen/orgs/:orgId/registrations/pay-held',
    {
      schema: {
        tags,
        summary:
          'Commande des inscriptions retenues sans commande / Order for held registrations without one',
        params: OrgParams,
        body: Type.Object(
          { registrationIds: Type.Array(Uuid, { minItems: 1, maxItems: 20 }) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ orderId: Type.String() }), 401: err, 404: err, 409: err },
      },
    },
    async (request) =>
      payHeld({
        db,
        auth: request.auth,
        orgId: request.params.orgId,
        registrationIds: request.body.registrationIds,
      }),
  );

  await app.register(staffRegistrationRoutes);
};
