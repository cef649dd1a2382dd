import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Ok, Uuid } from '../../../platform/http/schemas.ts';
import { NETWORK_BODIES, ServiceBody } from '../schemas.ts';
import { listFleet, listNetwork } from './list-network.ts';
import { deleteNetworkItem, type NetworkEntity, saveNetworkItem, saveService } from './save-network.ts';

const err = { $ref: 'Error#' };
const tags = ['transit: network'];
const OrgParams = Type.Object({ orgId: Uuid });
const ItemParams = Type.Object({ orgId: Uuid, id: Uuid });
const Id = Type.Object({ id: Uuid });
const errors = { 400: err, 401: err, 403: err, 404: err, 409: err, 422: err };

/** The public network (hours, rules, zones, stops nearest first, fares) and the dispatchers' CRUD. */
export const networkRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.deps.database.db;

  app.get(
    '/orgs/:orgId/transit/network',
    {
      schema: {
        tags,
        summary: 'Réseau : horaire, règles, zones, points de service, tarifs / Network',
        params: OrgParams,
        querystring: Type.Object({
          lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
          lon: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
        }),
        response: { 200: Type.Unknown(), 404: err },
      },
    },
    async (request) => {
      const { lat, lon, limit } = request.query;
      const near = lat !== undefined && lon !== undefined ? { lat, lon } : undefined;
      return listNetwork({ db, orgId: request.params.orgId, near, limit });
    },
  );

  app.put(
    '/orgs/:orgId/transit/service',
    {
      schema: {
        tags,
        summary: 'Enregistrer le service / Save the service',
        params: OrgParams,
        body: ServiceBody,
        response: { 200: Id, ...errors },
      },
    },
    async (request) =>
      saveService({
        db,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        input: request.body,
      }),
  );

  app.get(
    '/orgs/:orgId/transit/fleet',
    {
      schema: {
        tags,
        summary: 'Flotte : véhicules, chauffeurs, quarts / Fleet',
        params: OrgParams,
        querystring: Type.Object({
          from: Type.Optional(Type.String({ format: 'date-time' })),
          to: Type.Optional(Type.String({ format: 'date-time' })),
        }),
        response: { 200: Type.Unknown(), ...errors },
      },
    },
    async (request) => {
      const from = request.query.from ? new Date(request.query.from) : new Date(Date.now() - 86_400_000);
      const to = request.query.to ? new Date(request.query.to) : new Date(Date.now() + 7 * 86_400_000);
      return listFleet({ db, auth: request.auth, orgId: request.params.orgId, from, to });
    },
  );

  for (const entity of Object.keys(NETWORK_BODIES) as NetworkEntity[]) {
    const body = NETWORK_BODIES[entity];
    app.post(
      `/orgs/:orgId/transit/${entity}`,
      {
        schema: {
          tags,
          summary: `Créer / Create (${entity})`,
          params: OrgParams,
          body,
          response: { 201: Id, ...errors },
        },
      },
      async (request, reply) => {
        const result = await saveNetworkItem({
          db,
          auth: request.auth,
          ip: request.ip,
          orgId: request.params.orgId,
          entity,
          input: request.body as Record<string, unknown>,
        });
        return reply.code(201).send(result);
      },
    );
    app.put(
      `/orgs/:orgId/transit/${entity}/:id`,
      {
        schema: {
          tags,
          summary: `Modifier / Update (${entity})`,
          params: ItemParams,
          body,
          response: { 200: Id, ...errors },
        },
      },
      async (request) =>
        saveNetworkItem({
          db,
          auth: request.auth,
          ip: request.ip,
          orgId: request.params.orgId,
          entity,
          id: request.params.id,
          input: request.body as Record<string, unknown>,
        }),
    );
    app.delete(
      `/orgs/:orgId/transit/${entity}/:id`,
      {
        schema: {
          tags,
          summary: `Supprimer / Delete (${entity})`,
          params: ItemParams,
          response: { 200: Ok, ...errors },
        },
      },
      async (request) =>
        deleteNetworkItem({
          db,
          auth: request.auth,
          ip: request.ip,
          orgId: request.params.orgId,
          entity,
          id: request.params.id,
        }),
    );
  }
};
