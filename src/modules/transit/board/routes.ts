import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Uuid } from '../../../platform/http/schemas.ts';
import { bookSeries } from '../bookings/book-series.ts';
import { bookTrip } from '../bookings/book-trip.ts';
import { requireDispatcher } from '../policies.ts';
import {
  BookResult,
  PhoneBookBody,
  PhoneSeriesBody,
  SERIES_OUTCOMES,
  SeriesResult,
  TripRef,
} from '../schemas.ts';
import { subscribeLive } from '../tracking/bus.ts';
import { openSse } from '../tracking/sse.ts';
import { getBoard } from './get-board.ts';
import { getIndicators } from './get-indicators.ts';
import { reassignTrip } from './reassign-trip.ts';
import { reoptimiseDay } from './reoptimise-day.ts';

const err = { $ref: 'Error#' };
const tags = ['transit: dispatch'];
const OrgParams = Type.Object({ orgId: Uuid });
const TripParams = Type.Object({ orgId: Uuid, id: Uuid });
const errors = { 400: err, 401: err, 403: err, 404: err, 409: err, 422: err };

/**
 * The dispatchers' live board: state, live stream, phone bookings (one trip or a weekly series),
 * reassignment, re-optimisation.
 */
export const boardRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;
  const db = deps.database.db;

  app.get(
    '/orgs/:orgId/transit/board',
    {
      schema: {
        tags,
        summary: 'Tableau de répartition / Dispatch board',
        params: OrgParams,
        querystring: Type.Object({ date: Type.Optional(Type.String({ format: 'date' })) }),
        response: { 200: Type.Unknown(), ...errors },
      },
    },
    async (request) =>
      getBoard({ db, auth: request.auth, orgId: request.params.orgId, date: request.query.date }),
  );

  app.get(
    '/orgs/:orgId/transit/indicators',
    {
      schema: {
        tags,
        summary: 'Indicateurs quotidiens (JSON ou CSV) / Daily indicators (JSON or CSV)',
        params: OrgParams,
        querystring: Type.Object({
          from: Type.Optional(Type.String({ format: 'date' })),
          to: Type.Optional(Type.String({ format: 'date' })),
          format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv')])),
        }),
        response: { 200: Type.Unknown(), ...errors },
      },
    },
    async (request, reply) => {
      const result = await getIndicators({
        db,
        auth: request.auth,
        orgId: request.params.orgId,
        ...request.query,
      });
      if (typeof result === 'string')
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="taxibus-indicateurs.csv"')
          .send(result);
      return result;
    },
  );

  app.get(
    '/orgs/:orgId/transit/board/stream',
    {
      schema: {
        tags,
        summary: 'Flux en direct du tableau (SSE) / Live board stream (SSE)',
        params: OrgParams,
        response: { 200: Type.Unknown(), ...errors },
      },
    },
    async (request, reply) => {
      requireDispatcher(request.auth, request.params.orgId);
      let unsubscribe = () => {};
      const stream = openSse(request, reply, () => unsubscribe());
      unsubscribe = subscribeLive(request.params.orgId, (event) => stream.send(event.type, event));
    },
  );

  app.post(
    '/orgs/:orgId/transit/board/trips',
    {
      schema: {
        tags,
        summary: 'Réserver pour une personne qui appelle / Book for a caller',
        params: OrgParams,
        body: PhoneBookBody,
        response: { 201: BookResult, ...errors },
      },
    },
    async (request, reply) => {
      const result = await bookTrip({
        db,
        jobs: deps.jobs,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        input: request.body,
      });
      return reply.code(201).send(result);
    },
  );

  app.post(
    '/orgs/:orgId/transit/board/series',
    {
      schema: {
        tags,
        summary:
          'Réserver un déplacement hebdomadaire pour une personne qui appelle / Book a weekly recurring trip for a caller',
        description: SERIES_OUTCOMES,
        params: OrgParams,
        body: PhoneSeriesBody,
        response: { 201: SeriesResult, ...errors },
      },
    },
    async (request, reply) => {
      const result = await bookSeries({
        db,
        jobs: deps.jobs,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        input: request.body,
      });
      return reply.code(201).send(result);
    },
  );

  app.post(
    '/orgs/:orgId/transit/board/trips/:id/reassign',
    {
      schema: {
        tags,
        summary: 'Réaffecter un déplacement / Reassign a trip',
        params: TripParams,
        body: Type.Object(
          { shiftId: Uuid, override: Type.Optional(Type.Boolean()) },
          { additionalProperties: false },
        ),
        response: { 200: TripRef, ...errors },
      },
    },
    async (request) =>
      reassignTrip({
        db,
        jobs: deps.jobs,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        tripId: request.params.id,
        shiftId: request.body.shiftId,
        override: request.body.override,
      }),
  );

  app.post(
    '/orgs/:orgId/transit/board/reoptimise',
    {
      schema: {
        tags,
        summary: 'Réoptimiser la journée sans briser de promesse / Re-optimise without breaking a promise',
        params: OrgParams,
        response: {
          200: Type.Object({
            beforeMinutes: Type.Number(),
            afterMinutes: Type.Number(),
            trips: Type.Integer(),
          }),
          ...errors,
        },
      },
    },
    async (request) => reoptimiseDay({ db, auth: request.auth, ip: request.ip, orgId: request.params.orgId }),
  );
};
