import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { Uuid } from '../../../platform/http/schemas.ts';
import { queueCookieName } from './queue-token.ts';
import { joinQueue, type QueueStanding, queueStatus } from './waiting-room.ts';

const err = { $ref: 'Error#' };
const Params = Type.Object({ orgId: Uuid, seasonId: Uuid });
const StandingSchema = Type.Object(
  {
    seasonId: Type.String(),
    position: Type.Integer(),
    admitAt: Type.String(),
    waitSeconds: Type.Integer(),
    admitted: Type.Boolean(),
    expiresAt: Type.String(),
    token: Type.String(),
  },
  { $id: 'CitizenQueueStanding' },
);

/** The opening-day waiting room: take a place in the queue, and see where it stands. */
export const waitingRoomRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addSchema(StandingSchema);
  const { database, config } = app.deps;
  const db = database.db;
  const tags = ['citizen: waiting room'];
  const keep = (reply: FastifyReply, standing: QueueStanding) =>
    reply.setCookie(queueCookieName(standing.seasonId), standing.token, {
      path: '/api/citizen',
      httpOnly: true,
      secure: config.secureCookies,
      sameSite: 'lax',
      expires: new Date(standing.expiresAt),
    });
  const tokenOf = (cookie: string | undefined, header: string | string[] | undefined) =>
    cookie ?? (Array.isArray(header) ? header[0] : header);

  app.post(
    '/citizen/orgs/:orgId/seasons/:seasonId/queue',
    {
      schema: {
        tags,
        summary: 'Prendre une place dans la file / Take a place in the queue',
        description:
          'Une personne qui a déjà un billet valide le garde. / A person who already holds a valid ticket keeps it.',
        params: Params,
        response: { 200: Type.Ref('CitizenQueueStanding'), 401: err, 404: err },
      },
    },
    async (request, reply) => {
      const standing = await joinQueue({
        db,
        auth: request.auth,
        ...request.params,
        currentToken: tokenOf(
          request.cookies[queueCookieName(request.params.seasonId)],
          request.headers['x-queue-token'],
        ),
      });
      keep(reply, standing);
      return standing;
    },
  );

  app.get(
    '/citizen/orgs/:orgId/seasons/:seasonId/queue',
    {
      schema: {
        tags,
        summary: 'Ma place dans la file / My place in the queue',
        params: Params,
        response: { 200: Type.Ref('CitizenQueueStanding'), 401: err, 403: err },
      },
    },
    async (request) =>
      queueStatus({
        db,
        auth: request.auth,
        seasonId: request.params.seasonId,
        token: tokenOf(
          request.cookies[queueCookieName(request.params.seasonId)],
          request.headers['x-queue-token'],
        ),
      }),
  );
};
