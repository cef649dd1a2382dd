import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Page, PageQuery } from '../http/pagination.ts';
import { Uuid } from '../http/schemas.ts';
import { completeDeletionRequest } from './complete-deletion-request.ts';
import { listDeletionRequests } from './list-deletion-requests.ts';
import { refuseDeletionRequest } from './refuse-deletion-request.ts';

const Status = Type.Union([Type.Literal('open'), Type.Literal('completed'), Type.Literal('refused')]);
const NullableString = Type.Union([Type.String(), Type.Null()]);

/** A deletion request as its author sees it. */
export const DeletionRequestSchema = Type.Object({
  id: Type.String(),
  status: Status,
  reason: NullableString,
  dueAt: Type.String({ format: 'date-time' }),
  createdAt: Type.String({ format: 'date-time' }),
  handledAt: NullableString,
  response: NullableString,
});
const AdminDeletionRequestSchema = Type.Object({
  ...DeletionRequestSchema.properties,
  accountId: NullableString,
  email: Type.String(),
  name: NullableString,
  locale: NullableString,
});
const ResponseInput = Type.Object(
  { response: Type.String({ minLength: 1, maxLength: 4000, pattern: '\\S' }) },
  { additionalProperties: false },
);
const err = { $ref: 'Error#' };

/** Deletion requests handled by installation administrators (the privacy officer). */
export const adminPrivacyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { database, jobs } = app.deps;
  const db = database.db;
  const tags = ['privacy'];

  app.get(
    '/admin/deletion-requests',
    {
      schema: {
        tags,
        summary: 'Demandes de suppression à traiter / Deletion requests to handle',
        querystring: Type.Object(
          { ...PageQuery.properties, status: Type.Optional(Status) },
          { additionalProperties: false },
        ),
        response: { 200: Page(AdminDeletionRequestSchema), 400: err, 401: err, 403: err },
      },
    },
    async (request) => listDeletionRequests({ db, auth: request.auth, query: request.query }),
  );
  app.post(
    '/admin/deletion-requests/:id/complete',
    {
      schema: {
        tags,
        summary: 'Supprimer le compte demandé / Carry out a deletion request',
        params: Type.Object({ id: Uuid }),
        body: ResponseInput,
        response: { 200: DeletionRequestSchema, 400: err, 401: err, 403: err, 404: err, 409: err },
      },
    },
    async (request) =>
      completeDeletionRequest({
        db,
        jobs,
        auth: request.auth,
        ip: request.ip,
        id: request.params.id,
        input: request.body,
      }),
  );
  app.post(
    '/admin/deletion-requests/:id/refuse',
    {
      schema: {
        tags,
        summary: 'Refuser une demande de suppression / Refuse a deletion request',
        params: Type.Object({ id: Uuid }),
        body: ResponseInput,
        response: { 200: DeletionRequestSchema, 400: err, 401: err, 403: err, 404: err, 409: err },
      },
    },
    async (request) =>
      refuseDeletionRequest({
        db,
        jobs,
        auth: request.auth,
        ip: request.ip,
        id: request.params.id,
        input: request.body,
      }),
  );
};
