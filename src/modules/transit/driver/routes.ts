import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Uuid } from '../../../platform/http/schemas.ts';
import { PositionsBody, TripRef } from '../schemas.ts';
import { getDriverAppManifest } from './app-manifest.ts';
import { getManifest } from './manifest.ts';
import { recordStopEvent } from './record-stop-event.ts';
import { reportPositions } from './report-positions.ts';
import { setShiftStatus } from './set-shift-status.ts';

const err = { $ref: 'Error#' };
const tags = ['transit: driver'];
const OrgParams = Type.Object({ orgId: Uuid });
const errors = { 400: err, 401: err, 403: err, 404: err, 409: err, 422: err };

/** The driver app: manifest, start/end of shift, steps at stops, positions. */
export const driverRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;
  const db = deps.database.db;

  app.get(
    '/orgs/:orgId/transit/driver/manifest',
    {
      schema: {
        tags,
        summary: 'Ma feuille de route / My manifest',
        params: OrgParams,
        response: { 200: Type.Unknown(), ...errors },
      },
    },
    async (request) => getManifest({ db, auth: request.auth, orgId: request.params.orgId }),
  );

  app.get(
    '/orgs/:orgId/transit/driver/app.webmanifest',
    {
      schema: {
        tags,
        summary: 'Manifeste de l’application chauffeur installable / Installable driver app manifest',
        description: 'Public (browsers fetch manifests without cookies); named in the Accept-Language.',
        params: OrgParams,
        response: { 200: Type.Unknown(), 404: err },
      },
    },
    async (request, reply) => {
      const manifest = await getDriverAppManifest({
        db,
        orgId: request.params.orgId,
        locale: request.locale,
      });
      return reply
        .type('application/manifest+json; charset=utf-8')
        .header('cache-control', 'public, max-age=3600')
        .header('vary', 'accept-language')
        .send(JSON.stringify(manifest));
    },
  );

  app.post(
    '/orgs/:orgId/transit/driver/shift/:action',
    {
      schema: {
        tags,
        summary: 'Commencer ou finir mon quart / Start or end my shift',
        params: Type.Object({
          orgId: Uuid,
          action: Type.Union([Type.Literal('start'), Type.Literal('end')]),
        }),
        response: { 200: Type.Object({ id: Uuid, status: Type.String() }), ...errors },
      },
    },
    async (request) =>
      setShiftStatus({
        db,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        action: request.params.action,
      }),
  );

  app.post(
    '/orgs/:orgId/transit/driver/trips/:id/events',
    {
      schema: {
        tags,
        summary: 'Arrivé, à bord, absent, déposé / Arrived, picked up, no-show, dropped off',
        params: Type.Object({ orgId: Uuid, id: Uuid }),
        body: Type.Object(
          {
            event: Type.Union([
              Type.Literal('arrived'),
              Type.Literal('picked_up'),
              Type.Literal('no_show'),
              Type.Literal('dropped_off'),
            ]),
          },
          { additionalProperties: false },
        ),
        response: { 200: TripRef, ...errors },
      },
    },
    async (request) =>
      recordStopEvent({
        db,
        jobs: deps.jobs,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        tripId: request.params.id,
        event: request.body.event,
      }),
  );

  app.post(
    '/orgs/:orgId/transit/driver/positions',
    {
      schema: {
        tags,
        summary: 'Positions du véhicule (lot possible hors ligne) / Vehicle positions (batch while offline)',
        params: OrgParams,
        body: PositionsBody,
        response: { 200: Type.Object({ stored: Type.Integer(), noticesSent: Type.Integer() }), ...errors },
      },
    },
    async (request) =>
      reportPositions({
        db,
        jobs: deps.jobs,
        osrmUrl: deps.config.osrmUrl,
        auth: request.auth,
        orgId: request.params.orgId,
        positions: request.body.positions,
      }),
  );
};
