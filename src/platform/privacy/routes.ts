import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Page, PageQuery } from '../http/pagination.ts';
import { adminPrivacyRoutes, DeletionRequestSchema } from './admin-routes.ts';
import { exportPersonalData } from './export-personal-data.ts';
import { listConsents } from './list-consents.ts';
import { listOwnDeletionRequests } from './list-own-deletion-requests.ts';
import { personalDataCsv } from './personal-data-csv.ts';
import { recordConsent } from './record-consent.ts';
import { requestDeletion } from './request-deletion.ts';
import './emails.ts';
import './messages.ts';

const ConsentEntrySchema = Type.Object({
  purpose: Type.String(),
  granted: Type.Boolean(),
  version: Type.String(),
  text: Type.String(),
  locale: Type.String(),
  at: Type.String({ format: 'date-time' }),
});
const PurposeStateSchema = Type.Object({
  purpose: Type.String(),
  title: Type.String(),
  text: Type.String(),
  version: Type.String(),
  granted: Type.Boolean(),
  at: Type.Union([Type.String(), Type.Null()]),
});
const ConsentInput = Type.Object(
  {
    purpose: Type.String({ minLength: 1, maxLength: 60 }),
    granted: Type.Boolean(),
    version: Type.String({ minLength: 1, maxLength: 40 }),
  },
  { additionalProperties: false },
);
const DeletionInput = Type.Object(
  { reason: Type.Optional(Type.String({ maxLength: 2000 })) },
  { additionalProperties: false },
);
const err = { $ref: 'Error#' };

/** The person's privacy: consents, data download and deletion requests; and their handling by administrators. */
export const privacyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { database, jobs } = app.deps;
  const db = database.db;
  const tags = ['privacy'];

  app.get(
    '/me/consents',
    {
      schema: {
        tags,
        summary: 'Mes consentements / My consents',
        response: {
          200: Type.Object({
            purposes: Type.Array(PurposeStateSchema),
            history: Type.Array(ConsentEntrySchema),
          }),
          401: err,
        },
      },
    },
    async (request) => listConsents({ db, auth: request.auth, locale: request.locale }),
  );
  app.post(
    '/me/consents',
    {
      schema: {
        tags,
        summary: 'Donner ou retirer un consentement / Give or withdraw a consent',
        body: ConsentInput,
        response: { 201: ConsentEntrySchema, 400: err, 401: err, 409: err },
      },
    },
    async (request, reply) => {
      const entry = await recordConsent({
        db,
        auth: request.auth,
        locale: request.locale,
        input: request.body,
      });
      return reply.status(201).send(entry);
    },
  );
  app.get(
    '/me/export',
    {
      schema: {
        tags,
        summary: 'Télécharger mes données (JSON ou CSV) / Download my data (JSON or CSV)',
        querystring: Type.Object(
          {
            format: Type.Optional(
              Type.Union([Type.Literal('json'), Type.Literal('csv')], { default: 'json' }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Unknown({ description: 'Fichier JSON ou CSV / JSON or CSV file' }), 401: err },
      },
    },
    async (request, reply) => {
      const data = await exportPersonalData({ db, auth: request.auth });
      const day = data.exportedAt.slice(0, 10);
      const name = request.locale === 'fr' ? 'mes-donnees-civique' : 'my-civique-data';
      // Personal data must not linger in shared caches.
      reply.header('cache-control', 'no-store');
      if (request.query.format === 'csv') {
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${name}-${day}.csv"`)
          .send(personalDataCsv(data));
      }
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}-${day}.json"`)
        .send(JSON.stringify(data, null, 2));
    },
  );
  app.post(
    '/me/deletion-requests',
    {
      schema: {
        tags,
        summary: 'Demander la suppression de mes données / Ask for my data to be deleted',
        body: DeletionInput,
        response: { 201: DeletionRequestSchema, 400: err, 401: err, 409: err },
      },
    },
    async (request, reply) => {
      const created = await requestDeletion({ db, jobs, auth: request.auth, input: request.body ?? {} });
      return reply.status(201).send(created);
    },
  );
  app.get(
    '/me/deletion-requests',
    {
      schema: {
        tags,
        summary: 'Mes demandes de suppression / My deletion requests',
        querystring: PageQuery,
        response: { 200: Page(DeletionRequestSchema), 401: err },
      },
    },
    async (request) => listOwnDeletionRequests({ db, auth: request.auth, query: request.query }),
  );

  await app.register(adminPrivacyRoutes);
};
