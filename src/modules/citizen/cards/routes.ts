import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { LocaleSchema, Uuid } from '../../../platform/http/schemas.ts';
import { checkCard, replaceCardAtCounter } from './check-card.ts';
import { issueMyCards, listMyCards, myCardPdf, replaceMyCard } from './my-cards.ts';

const err = { $ref: 'Error#' };
const Bilingual = Type.Object({ fr: Type.String(), en: Type.String() });
const CardSchema = Type.Object(
  {
    id: Type.String(),
    orgId: Type.String(),
    town: Type.Object({ slug: Type.String(), name: Bilingual }),
    personId: Type.String(),
    holder: Type.String(),
    number: Type.String(),
    display: Type.String(),
    issuedOn: Type.String(),
    validUntil: Type.String(),
    status: Type.Union([Type.Literal('active'), Type.Literal('revoked')]),
  },
  { $id: 'CitizenCard' },
);
const CheckSchema = Type.Object({
  number: Type.String(),
  valid: Type.Boolean(),
  reason: Type.Union([
    Type.Literal('revoked'),
    Type.Literal('expired'),
    Type.Literal('residency_ended'),
    Type.Null(),
  ]),
  revokeReason: Type.Union([Type.String(), Type.Null()]),
  holder: Type.Object({ name: Type.String(), birthDate: Type.Union([Type.String(), Type.Null()]) }),
  town: Type.Object({ id: Type.String(), slug: Type.String(), name: Bilingual }),
  cardId: Type.String(),
  validUntil: Type.String(),
  privileges: Type.Union([Type.Literal('resident'), Type.Literal('partner')]),
});
const CardParams = Type.Object({ orgId: Uuid, cardId: Uuid });

/** Citizen cards: the household's cards (mobile and PDF), lost-card replacement, and the counter check. */
export const cardRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addSchema(CardSchema);
  const db = app.deps.database.db;
  const tags = ['citizen: cards'];
  const ref = Type.Ref('CitizenCard');

  app.get(
    '/citizen/me/cards',
    {
      schema: {
        tags,
        summary: 'Cartes de mon ménage / My household’s cards',
        response: { 200: Type.Array(ref), 401: err },
      },
    },
    async (request) => listMyCards({ db, auth: request.auth }),
  );

  app.post(
    '/citizen/orgs/:orgId/cards',
    {
      schema: {
        tags,
        summary: 'Émettre les cartes manquantes du ménage / Issue the household’s missing cards',
        params: Type.Object({ orgId: Uuid }),
        response: { 200: Type.Array(ref), 401: err, 409: err },
      },
    },
    async (request) => issueMyCards({ db, auth: request.auth, orgId: request.params.orgId }),
  );

  app.get(
    '/citizen/orgs/:orgId/cards/:cardId/card.pdf',
    {
      schema: {
        tags,
        summary: 'Carte imprimable (PDF) / Printable card (PDF)',
        params: CardParams,
        querystring: Type.Object({ lang: Type.Optional(LocaleSchema) }),
        response: { 200: Type.Unknown({ description: 'application/pdf' }), 401: err, 404: err, 409: err },
      },
    },
    async (request, reply) => {
      const file = await myCardPdf({
        db,
        auth: request.auth,
        ...request.params,
        locale: request.query.lang ?? request.locale,
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${file.fileName}"`)
        .send(file.pdf);
    },
  );

  app.post(
    '/citizen/orgs/:orgId/cards/:cardId/replace',
    {
      schema: {
        tags,
        summary:
          'Remplacer une carte perdue (l’ancien numéro est annulé) / Replace a lost card (the old number is revoked)',
        params: CardParams,
        response: { 200: ref, 401: err, 403: err, 404: err, 409: err },
      },
    },
    async (request) => replaceMyCard({ db, auth: request.auth, ...request.params }),
  );

  app.post(
    '/citizen/orgs/:orgId/staff/card-checks',
    {
      schema: {
        tags,
        summary: 'Vérifier une carte au comptoir (journalisé) / Check a card at the counter (logged)',
        params: Type.Object({ orgId: Uuid }),
        body: Type.Object(
          { number: Type.String({ minLength: 1, maxLength: 40 }) },
          { additionalProperties: false },
        ),
        response: { 200: CheckSchema, 400: err, 401: err, 403: err, 404: err },
      },
    },
    async (request) =>
      checkCard({ db, auth: request.auth, ip: request.ip, orgId: request.params.orgId, input: request.body }),
  );

  app.post(
    '/citizen/orgs/:orgId/staff/cards/:cardId/replace',
    {
      schema: {
        tags,
        summary: 'Remplacer une carte perdue au comptoir / Replace a lost card at the counter',
        params: CardParams,
        response: { 200: ref, 401: err, 403: err, 404: err, 409: err },
      },
    },
    async (request) => replaceCardAtCounter({ db, auth: request.auth, ip: request.ip, ...request.params }),
  );
};
