import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Uuid } from '../../../platform/http/schemas.ts';
import { composeAlert, decideAlert } from './compose-alert.ts';
import { ALERT_EVENTS } from './event-codes.ts';
import { getAlertChain, getAlertDelivery, listActiveAlerts, listStaffAlerts } from './list-alerts.ts';
import './messages.ts';
import { AlertInput, AlertSchema, DeliverySchema, SectorInput, SectorSchema } from './schemas.ts';
import { createSector, deleteSector, listSectors } from './sectors.ts';
import { getMyAlertSubscription, setMyAlertSubscription } from './subscriptions.ts';

const err = { $ref: 'Error#' };
const tags = ['citizen: alerts'];
const OrgParams = Type.Object({ orgId: Uuid });
const AlertParams = Type.Object({ orgId: Uuid, id: Uuid });
const errors = { 400: err, 401: err, 403: err, 404: err, 409: err, 422: err };
const List = Type.Object({ items: Type.Array(AlertSchema) });
const Bi = Type.Object({ fr: Type.String(), en: Type.String() });
const Subscription = Type.Object({
  subscription: Type.Union([
    Type.Object({
      label: Type.String(),
      point: Type.Union([Type.Tuple([Type.Number(), Type.Number()]), Type.Null()]),
    }),
    Type.Null(),
  ]),
});

/** Emergency alerts: the active ones (banner), a chain's history, subscriptions; staff compose, approve, follow delivery. */
export const alertRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;
  const db = deps.database.db;
  const jobs = deps.jobs;
  const publicUrl = deps.config.publicUrl;

  app.get(
    '/orgs/:orgId/citizen/alerts/active',
    {
      schema: {
        tags,
        summary: 'Alertes en vigueur / Active alerts',
        params: OrgParams,
        response: { 200: List },
      },
    },
    async (request) => listActiveAlerts({ db, publicUrl, orgId: request.params.orgId }),
  );

  app.get(
    '/orgs/:orgId/citizen/alerts/events',
    {
      schema: {
        tags,
        summary: 'Types d’événements CAP-CP / CAP-CP event types',
        params: OrgParams,
        response: {
          200: Type.Object({
            items: Type.Array(Type.Object({ code: Type.String(), category: Type.String(), name: Bi })),
          }),
        },
      },
    },
    async () => ({ items: [...ALERT_EVENTS] }),
  );

  app.get(
    '/orgs/:orgId/citizen/alerts/sectors',
    {
      schema: {
        tags,
        summary: 'Secteurs d’alerte / Alert sectors',
        params: OrgParams,
        response: { 200: Type.Object({ items: Type.Array(SectorSchema) }) },
      },
    },
    async (request) => listSectors({ db, orgId: request.params.orgId }),
  );

  app.post(
    '/orgs/:orgId/citizen/staff/alerts/sectors',
    {
      schema: {
        tags,
        summary: 'Tracer un secteur / Draw a sector',
        params: OrgParams,
        body: SectorInput,
        response: { 200: SectorSchema, ...errors },
      },
    },
    async (request) =>
      createSector({
        db,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        input: {
          name: request.body.name,
          points: request.body.points.map(([lat, lon]) => [lat, lon] as [number, number]),
        },
      }),
  );

  app.delete(
    '/orgs/:orgId/citizen/staff/alerts/sectors/:id',
    {
      schema: {
        tags,
        summary: 'Retirer un secteur / Remove a sector',
        params: AlertParams,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      await deleteSector({
        db,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        sectorId: request.params.id,
      });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/orgs/:orgId/citizen/alerts/:id/history',
    {
      schema: {
        tags,
        summary: 'Historique d’une alerte / An alert’s history',
        params: AlertParams,
        response: { 200: List, 404: err },
      },
    },
    async (request) =>
      getAlertChain({ db, publicUrl, orgId: request.params.orgId, rootId: request.params.id }),
  );

  app.get(
    '/orgs/:orgId/citizen/alerts/subscription',
    {
      schema: {
        tags,
        summary: 'Mon abonnement aux alertes / My alert subscription',
        params: OrgParams,
        response: { 200: Subscription, 401: err },
      },
    },
    async (request) => getMyAlertSubscription({ db, auth: request.auth, orgId: request.params.orgId }),
  );

  app.put(
    '/orgs/:orgId/citizen/alerts/subscription',
    {
      schema: {
        tags,
        summary: 'S’abonner aux alertes / Subscribe to alerts',
        params: OrgParams,
        body: Type.Object(
          {
            subscribed: Type.Boolean(),
            label: Type.Optional(Type.String({ maxLength: 120 })),
            point: Type.Optional(
              Type.Union([
                Type.Tuple([
                  Type.Number({ minimum: -90, maximum: 90 }),
                  Type.Number({ minimum: -180, maximum: 180 }),
                ]),
                Type.Null(),
              ]),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: Subscription, ...errors },
      },
    },
    async (request) =>
      setMyAlertSubscription({ db, auth: request.auth, orgId: request.params.orgId, input: request.body }),
  );

  app.get(
    '/orgs/:orgId/citizen/staff/alerts',
    {
      schema: {
        tags,
        summary: 'Alertes (personnel) / Alerts (staff)',
        params: OrgParams,
        response: { 200: List, ...errors },
      },
    },
    async (request) => listStaffAlerts({ db, auth: request.auth, publicUrl, orgId: request.params.orgId }),
  );

  app.post(
    '/orgs/:orgId/citizen/staff/alerts',
    {
      schema: {
        tags,
        summary: 'Émettre une alerte / Issue an alert',
        params: OrgParams,
        body: AlertInput,
        response: { 200: AlertSchema, ...errors },
      },
    },
    async (request) =>
      composeAlert({
        db,
        jobs,
        publicUrl,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        input: request.body,
        msgType: 'Alert',
      }),
  );

  app.post(
    '/orgs/:orgId/citizen/staff/alerts/:id/:action',
    {
      schema: {
        tags,
        summary: 'Mettre à jour ou annuler une alerte / Update or cancel an alert',
        description:
          'Le message référence l’original (CAP references). / The message references the original.',
        params: Type.Object({
          orgId: Uuid,
          id: Uuid,
          action: Type.Union([Type.Literal('update'), Type.Literal('cancel')]),
        }),
        body: AlertInput,
        response: { 200: AlertSchema, ...errors },
      },
    },
    async (request) =>
      composeAlert({
        db,
        jobs,
        publicUrl,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        input: request.body,
        msgType: request.params.action === 'update' ? 'Update' : 'Cancel',
        referencesId: request.params.id,
      }),
  );

  app.post(
    '/orgs/:orgId/citizen/staff/alerts/:id/decision',
    {
      schema: {
        tags,
        summary: 'Approuver ou refuser une alerte / Approve or refuse an alert',
        params: AlertParams,
        body: Type.Object({ approve: Type.Boolean() }, { additionalProperties: false }),
        response: { 200: AlertSchema, ...errors },
      },
    },
    async (request) =>
      decideAlert({
        db,
        jobs,
        publicUrl,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        alertId: request.params.id,
        approve: request.body.approve,
      }),
  );

  app.get(
    '/orgs/:orgId/citizen/staff/alerts/:id/delivery',
    {
      schema: {
        tags,
        summary: 'Livraison d’une alerte / Alert delivery',
        params: AlertParams,
        response: { 200: DeliverySchema, ...errors },
      },
    },
    async (request) =>
      getAlertDelivery({ db, auth: request.auth, orgId: request.params.orgId, alertId: request.params.id }),
  );
};
