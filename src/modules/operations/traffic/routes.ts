import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Uuid } from '../../../platform/http/schemas.ts';
import { trafficSummary } from './traffic-summary.ts';

const err = { $ref: 'Error#' };
const Num = Type.Union([Type.Number(), Type.Null()]);
const Stats = Type.Object({
  direction: Type.Union([Type.String(), Type.Null()]),
  totalVolume: Type.Number(),
  meanDailyVolume: Num,
  aadt: Num,
  peakHour: Type.Union([Type.Object({ bucket: Type.String(), volume: Type.Number() }), Type.Null()]),
  speed85: Num,
  heavyShare: Num,
  daily: Type.Array(Type.Object({ date: Type.String(), volume: Type.Number() })),
  hourly: Type.Array(Type.Object({ bucket: Type.String(), volume: Type.Number() })),
});

/** Traffic counts: volumes, DJMA, peak hour, V85 and heavy vehicles by station and direction. */
export const trafficRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.deps.database.db;
  app.get(
    '/orgs/:orgId/operations/traffic/stations/:stationId/summary',
    {
      schema: {
        tags: ['operations: traffic'],
        summary:
          'Débits, DJMA, heure de pointe, V85, véhicules lourds / Volumes, AADT, peak hour, V85, heavy vehicles',
        params: Type.Object({ orgId: Uuid, stationId: Uuid }),
        querystring: Type.Object({
          from: Type.String({ format: 'date' }),
          to: Type.String({ format: 'date' }),
        }),
        response: {
          200: Type.Object({
            stationId: Type.String(),
            from: Type.String(),
            to: Type.String(),
            total: Stats,
            byDirection: Type.Array(Stats),
          }),
          401: err,
          403: err,
          404: err,
          422: err,
        },
      },
    },
    async (request) =>
      trafficSummary({
        db,
        auth: request.auth,
        orgId: request.params.orgId,
        stationId: request.params.stationId,
        ...request.query,
      }),
  );
};
