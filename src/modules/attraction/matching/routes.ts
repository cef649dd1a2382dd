import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Ok, Uuid } from '../../../platform/http/schemas.ts';
import { searchNoc } from '../noc/search-noc.ts';
import { getThread, reportHire, sendMessage } from './thread.ts';

const err = { $ref: 'Error#' };
const tags = ['attraction: matching'];
const errors = { 400: err, 401: err, 403: err, 404: err, 409: err, 422: err };
const MatchParams = Type.Object({ orgId: Uuid, matchId: Uuid });

/** NOC search, and the message thread of a mutual match (both sides). */
export const matchingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;
  const db = deps.database.db;
  const publicUrl = deps.config.publicUrl;

  app.get(
    '/attraction/noc',
    {
      schema: {
        tags,
        summary: 'Chercher une profession CNP 2021 / Search NOC 2021 occupations',
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 100 })),
          level: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                code: Type.String(),
                level: Type.Integer(),
                titleFr: Type.String(),
                titleEn: Type.String(),
                teer: Type.Union([Type.Null(), Type.Integer()]),
              }),
            ),
          }),
        },
      },
    },
    async (request) => searchNoc({ db, query: request.query }),
  );

  app.get(
    '/orgs/:orgId/attraction/matches/:matchId/thread',
    {
      schema: {
        tags,
        summary: 'Fil de messages / Message thread',
        params: MatchParams,
        response: { 200: Type.Unknown(), ...errors },
      },
    },
    async (request) =>
      getThread({ db, auth: request.auth, orgId: request.params.orgId, matchId: request.params.matchId }),
  );

  app.post(
    '/orgs/:orgId/attraction/matches/:matchId/messages',
    {
      schema: {
        tags,
        summary: 'Écrire un message / Write a message',
        params: MatchParams,
        body: Type.Object(
          { body: Type.String({ minLength: 1, maxLength: 4000 }) },
          { additionalProperties: false },
        ),
        response: { 201: Type.Unknown(), ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await sendMessage({
          db,
          jobs: deps.jobs,
          publicUrl,
          auth: request.auth,
          orgId: request.params.orgId,
          matchId: request.params.matchId,
          body: request.body.body,
        }),
      ),
  );

  app.post(
    '/orgs/:orgId/attraction/matches/:matchId/hired',
    {
      schema: {
        tags,
        summary: 'Signaler une embauche / Report a hire',
        params: MatchParams,
        response: { 200: Ok, ...errors },
      },
    },
    async (request) =>
      reportHire({ db, auth: request.auth, orgId: request.params.orgId, matchId: request.params.matchId }),
  );
};
