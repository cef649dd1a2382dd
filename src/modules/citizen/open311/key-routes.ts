import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Ok, Uuid } from '../../../platform/http/schemas.ts';
import { createApiKey } from './create-api-key.ts';
import { listApiKeys } from './list-api-keys.ts';
import './messages.ts';
import { revokeApiKey } from './revoke-api-key.ts';

const ApiKeySchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  prefix: Type.String(),
  ratePerMinute: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
const OrgParams = Type.Object({ orgId: Uuid });
const err = { $ref: 'Error#' };
const tags = ['open311'];

/** Organisation administrators manage the keys outside applications post Open311 requests with. */
export const apiKeyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.deps.database.db;

  app.get(
    '/orgs/:orgId/open311/keys',
    {
      schema: {
        tags,
        summary: 'Clés d’API Open311 / Open311 API keys',
        params: OrgParams,
        response: { 200: Type.Object({ items: Type.Array(ApiKeySchema) }), 401: err, 403: err },
      },
    },
    async (request) => ({
      items: await listApiKeys({ db, auth: request.auth, orgId: request.params.orgId }),
    }),
  );

  app.post(
    '/orgs/:orgId/open311/keys',
    {
      schema: {
        tags,
        summary: 'Créer une clé d’API (montrée une seule fois) / Create an API key (shown once)',
        params: OrgParams,
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 120 }),
            ratePerMinute: Type.Optional(Type.Integer({ minimum: 1, maximum: 6000 })),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Intersect([ApiKeySchema, Type.Object({ key: Type.String() })]),
          400: err,
          401: err,
          403: err,
          404: err,
        },
      },
    },
    async (request, reply) => {
      const created = await createApiKey({
        db,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        input: request.body,
      });
      return reply.status(201).header('cache-control', 'no-store').send(created);
    },
  );

  app.delete(
    '/orgs/:orgId/open311/keys/:id',
    {
      schema: {
        tags,
        summary: 'Révoquer une clé d’API / Revoke an API key',
        params: Type.Object({ orgId: Uuid, id: Uuid }),
        response: { 200: Ok, 401: err, 403: err, 404: err },
      },
    },
    async (request) =>
      revokeApiKey({
        db,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        id: request.params.id,
      }),
  );
};
