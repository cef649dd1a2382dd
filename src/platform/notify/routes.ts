import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Page, PageQuery } from '../http/pagination.ts';
import { Uuid } from '../http/schemas.ts';
import { campaignRoutes } from './campaign-routes.ts';
import { getOutboxMessage } from './get-outbox-message.ts';
import { listOutbox } from './list-outbox.ts';
import { meRoutes } from './me-routes.ts';
import './messages.ts';
import { publicNotifyRoutes } from './public-routes.ts';

const Status = Type.Union([
  Type.Literal('queued'),
  Type.Literal('sent'),
  Type.Literal('failed'),
  Type.Literal('bounced'),
]);
const Channel = Type.Union([
  Type.Literal('email'),
  Type.Literal('sms'),
  Type.Literal('push'),
  Type.Literal('inapp'),
]);
const NullableString = Type.Union([Type.String(), Type.Null()]);
const OutboxItemSchema = Type.Object({
  id: Type.String(),
  channel: Channel,
  orgId: NullableString,
  to: Type.String(),
  locale: Type.String(),
  template: Type.String(),
  category: NullableString,
  subject: Type.String(),
  status: Status,
  transport: NullableString,
  attempts: Type.Integer(),
  lastError: NullableString,
  createdAt: Type.String({ format: 'date-time' }),
  sentAt: NullableString,
});
const OutboxMessageSchema = Type.Object({
  ...OutboxItemSchema.properties,
  text: Type.String(),
  html: Type.String(),
});
const OrgQuery = Type.Object(
  {
    ...PageQuery.properties,
    status: Type.Optional(Status),
    channel: Type.Optional(Channel),
    to: Type.Optional(Type.String({ maxLength: 254 })),
  },
  { additionalProperties: false },
);
const AdminQuery = Type.Object(
  { ...OrgQuery.properties, orgId: Type.Optional(Uuid) },
  { additionalProperties: false },
);
const err = { $ref: 'Error#' };

/**
 * The outbox (what was sent on every channel, or is waiting, for organisation and installation
 * administrators), and the other notification routes.
 */
export const notifyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.deps.database.db;
  const tags = ['outbox'];
  await app.register(meRoutes);
  await app.register(publicNotifyRoutes);
  await app.register(campaignRoutes);

  app.get(
    '/orgs/:orgId/outbox',
    {
      schema: {
        tags,
        summary: 'Messages de l’organisation (tous canaux) / Organisation messages (every channel)',
        params: Type.Object({ orgId: Uuid }),
        querystring: OrgQuery,
        response: { 200: Page(OutboxItemSchema), 400: err, 401: err, 403: err },
      },
    },
    async (request) =>
      listOutbox({
        db,
        auth: request.auth,
        scope: { kind: 'org', orgId: request.params.orgId },
        query: request.query,
      }),
  );
  app.get(
    '/orgs/:orgId/outbox/:id',
    {
      schema: {
        tags,
        summary: 'Un message, avec son contenu / One message with its content',
        params: Type.Object({ orgId: Uuid, id: Uuid }),
        response: { 200: OutboxMessageSchema, 401: err, 403: err, 404: err },
      },
    },
    async (request) =>
      getOutboxMessage({
        db,
        auth: request.auth,
        ip: request.ip,
        scope: { kind: 'org', orgId: request.params.orgId },
        id: request.params.id,
      }),
  );
  app.get(
    '/admin/outbox',
    {
      schema: {
        tags,
        summary: 'Tous les messages (tous canaux) / All messages (every channel)',
        querystring: AdminQuery,
        response: { 200: Page(OutboxItemSchema), 400: err, 401: err, 403: err },
      },
    },
    async (request) =>
      listOutbox({ db, auth: request.auth, scope: { kind: 'installation' }, query: request.query }),
  );
  app.get(
    '/admin/outbox/:id',
    {
      schema: {
        tags,
        summary: 'Un message, avec son contenu (installation) / One message with its content (installation)',
        params: Type.Object({ id: Uuid }),
        response: { 200: OutboxMessageSchema, 401: err, 403: err, 404: err },
      },
    },
    async (request) =>
      getOutboxMessage({
        db,
        auth: request.auth,
        ip: request.ip,
        scope: { kind: 'installation' },
        id: request.params.id,
      }),
  );
};
