import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Page, PageQuery } from '../http/pagination.ts';
import { Uuid } from '../http/schemas.ts';
import { getOutboxMessage } from './get-outbox-message.ts';
import { listOutbox } from './list-outbox.ts';
import './messages.ts';

const Status = Type.Union([
  Type.Literal('queued'),
  Type.Literal('sent'),
  Type.Literal('failed'),
  Type.Literal('bounced'),
]);
const NullableString = Type.Union([Type.String(), Type.Null()]);
const OutboxItemSchema = Type.Object({
  id: Type.String(),
  orgId: NullableString,
  to: Type.String(),
  locale: Type.String(),
  template: Type.String(),
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
    to: Type.Optional(Type.String({ maxLength: 254 })),
  },
  { additionalProperties: false },
);
const AdminQuery = Type.Object(
  { ...OrgQuery.properties, orgId: Type.Optional(Uuid) },
  { additionalProperties: false },
);
const err = { $ref: 'Error#' };

/** The e-mail outbox: what was sent (or is waiting), for organisation and installation administrators. */
export const notifyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.deps.database.db;
  const tags = ['outbox'];

  app.get(
    '/orgs/:orgId/outbox',
    {
      schema: {
        tags,
        summary: 'Courriels de l’organisation / Organisation e-mails',
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
        summary: 'Un courriel, avec son contenu / One e-mail with its content',
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
        summary: 'Tous les courriels / All e-mails',
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
        summary: 'Un courriel, avec son contenu (installation) / One e-mail with its content (installation)',
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
