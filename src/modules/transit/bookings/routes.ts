import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Uuid } from '../../../platform/http/schemas.ts';
import {
  BookBody,
  BookResult,
  ChangeBody,
  SERIES_OUTCOMES,
  SeriesBody,
  SeriesResult,
  TripRef,
} from '../schemas.ts';
import { subscribeLive } from '../tracking/bus.ts';
import { followTrip } from '../tracking/follow-trip.ts';
import { openSse } from '../tracking/sse.ts';
import { bookSeries } from './book-series.ts';
import { bookTrip } from './book-trip.ts';
import { cancelSeries } from './cancel-series.ts';
import { cancelTrip } from './cancel-trip.ts';
import { changeTrip } from './change-trip.ts';
import { getTrip } from './get-trip.ts';
import { listMyTrips } from './list-my-trips.ts';

const err = { $ref: 'Error#' };
const tags = ['transit: trips'];
const OrgParams = Type.Object({ orgId: Uuid });
const TripParams = Type.Object({ orgId: Uuid, id: Uuid });
const errors = { 400: err, 401: err, 403: err, 404: err, 409: err, 422: err };

/** Riders: book, list, cancel their trips and follow their vehicle live. */
export const bookingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;
  const db = deps.database.db;

  app.post(
    '/orgs/:orgId/transit/trips',
    {
      schema: {
        tags,
        summary: 'Réserver un déplacement / Book a trip',
        description: 'Idempotency-Key respected. 409 transit.no_vehicle gives details.alternatives.',
        params: OrgParams,
        body: BookBody,
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
    '/orgs/:orgId/transit/series',
    {
      schema: {
        tags,
        summary: 'Réserver un déplacement hebdomadaire / Book a weekly recurring trip',
        description: SERIES_OUTCOMES,
        params: OrgParams,
        body: SeriesBody,
        response: { 201: SeriesResult, ...errors },
      },
    },
    async (request, reply) => {
      const result = await bookSeries({
        db,
        jobs: deps.jobs,
        auth: request.auth,
        orgId: request.params.orgId,
        input: request.body,
      });
      return reply.code(201).send(result);
    },
  );

  app.post(
    '/orgs/:orgId/transit/series/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Annuler toute une série / Cancel a whole series',
        params: TripParams,
        response: { 200: Type.Object({ cancelled: Type.Array(TripRef) }), ...errors },
      },
    },
    async (request) =>
      cancelSeries({
        db,
        jobs: deps.jobs,
        config: deps.config,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        seriesId: request.params.id,
      }),
  );

  app.get(
    '/orgs/:orgId/transit/trips/mine',
    {
      schema: {
        tags,
        summary: 'Mes déplacements / My trips',
        params: OrgParams,
        response: { 200: Type.Object({ items: Type.Array(TripRef) }), 401: err },
      },
    },
    async (request) => listMyTrips({ db, auth: request.auth, orgId: request.params.orgId }),
  );

  app.get(
    '/orgs/:orgId/transit/trips/:id',
    {
      schema: {
        tags,
        summary: 'Un déplacement / A trip',
        params: TripParams,
        response: { 200: TripRef, ...errors },
      },
    },
    async (request) =>
      getTrip({
        db,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        tripId: request.params.id,
      }),
  );

  app.post(
    '/orgs/:orgId/transit/trips/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Annuler un déplacement / Cancel a trip',
        params: TripParams,
        body: Type.Optional(
          Type.Object({ waivePenalty: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
        ),
        response: { 200: TripRef, ...errors },
      },
    },
    async (request) =>
      cancelTrip({
        db,
        jobs: deps.jobs,
        config: deps.config,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        tripId: request.params.id,
        waivePenalty: request.body?.waivePenalty,
      }),
  );

  app.post(
    '/orgs/:orgId/transit/trips/:id/change',
    {
      schema: {
        tags,
        summary: 'Modifier un déplacement / Change a trip',
        description:
          'The old trip is kept unchanged when the new request does not fit (409 with alternatives).',
        params: TripParams,
        body: ChangeBody,
        response: { 200: TripRef, ...errors },
      },
    },
    async (request) =>
      changeTrip({
        db,
        jobs: deps.jobs,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        tripId: request.params.id,
        input: request.body,
      }),
  );

  app.get(
    '/orgs/:orgId/transit/trips/:id/vehicle',
    {
      schema: {
        tags,
        summary: 'Le véhicule de mon déplacement / My trip’s vehicle',
        params: TripParams,
        response: { 200: Type.Unknown(), ...errors },
      },
    },
    async (request) =>
      followTrip({
        db,
        osrmUrl: deps.config.osrmUrl,
        auth: request.auth,
        orgId: request.params.orgId,
        tripId: request.params.id,
      }),
  );

  app.get(
    '/orgs/:orgId/transit/trips/:id/live',
    {
      schema: {
        tags,
        summary: 'Suivi en direct (Server-Sent Events) / Live tracking (SSE)',
        description: 'Events: `snapshot` (vehicle, ETA), `position` (vehicle moved).',
        params: TripParams,
        response: { 200: Type.Unknown(), ...errors },
      },
    },
    async (request, reply) => {
      const params = {
        db,
        osrmUrl: deps.config.osrmUrl,
        auth: request.auth,
        orgId: request.params.orgId,
        tripId: request.params.id,
      };
      let current = await followTrip(params);
      let unsubscribe = () => {};
      const stream = openSse(request, reply, () => unsubscribe());
      stream.send('snapshot', current);
      unsubscribe = subscribeLive(params.orgId, (event) => {
        if (event.type === 'position' && current.vehicle && event.vehicleId === current.vehicle.id)
          stream.send('position', event);
        else if (
          event.type === 'trip' &&
          (event.tripId === current.tripId ||
            (!!event.vehicleId && event.vehicleId === current.assignedVehicleId))
        )
          void followTrip(params)
            .then((next) => {
              current = next;
              stream.send('snapshot', next);
            })
            .catch(() => {});
      });
    },
  );
};
