import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Page, PageQuery } from '../http/pagination.ts';
import { LocaleSchema, Uuid } from '../http/schemas.ts';
import { cancelOrderByStaff } from './cancel-order-by-staff.ts';
import { createCounterOrder } from './create-counter-order.ts';
import { getOrder } from './get-order.ts';
import { getOrderReceipt } from './get-order-receipt.ts';
import { getReconciliation } from './get-reconciliation.ts';
import { listOrders } from './list-orders.ts';
import { markOrderPaid } from './mark-order-paid.ts';
import { reconciliationFile } from './reconciliation-export.ts';
import { refundOrder } from './refund-order.ts';
import { CounterOrderBody, OrderStatusSchema, ProviderSchema, ReconciliationSchema } from './schemas.ts';

const err = { $ref: 'Error#' };
const OrgParams = Type.Object({ orgId: Uuid });
const OrderParams = Type.Object({ orgId: Uuid, id: Uuid });
const ListQuery = Type.Intersect([
  PageQuery,
  Type.Object({
    status: Type.Optional(OrderStatusSchema),
    module: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9_.]*$', maxLength: 80 })),
    provider: Type.Optional(ProviderSchema),
    from: Type.Optional(Type.String({ format: 'date' })),
    to: Type.Optional(Type.String({ format: 'date' })),
    q: Type.Optional(Type.String({ maxLength: 100 })),
  }),
]);

/** Staff routes of payments: counter sales, order lists, offline payments, refunds, reconciliation, settings. */
export const staffPaymentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { database, config } = app.deps;
  const db = database.db;
  const stripeConfig = config.stripe;
  const tags = ['payments'];

  app.post(
    '/orgs/:orgId/orders',
    {
      schema: {
        tags,
        summary: 'Vente au comptoir / Counter sale',
        params: OrgParams,
        body: CounterOrderBody,
        response: { 201: Type.Ref('Order'), 400: err, 401: err, 403: err, 404: err, 422: err },
      },
    },
    async (request, reply) => {
      const order = await createCounterOrder({
        db,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        input: request.body,
      });
      return reply.status(201).send(order);
    },
  );

  app.get(
    '/orgs/:orgId/orders',
    {
      schema: {
        tags,
        summary: 'Commandes de l’organisation / Organisation orders',
        params: OrgParams,
        querystring: ListQuery,
        response: { 200: Page(Type.Ref('Order')), 400: err, 401: err, 403: err },
      },
    },
    async (request) => {
      const { page, perPage, ...filters } = request.query;
      return listOrders({
        db,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        filters,
        query: { page, perPage },
      });
    },
  );

  app.get(
    '/orgs/:orgId/orders/:id',
    {
      schema: {
        tags,
        summary: 'Une commande / One order',
        params: OrderParams,
        response: { 200: Type.Ref('Order'), 401: err, 403: err, 404: err },
      },
    },
    async (request) =>
      getOrder({
        db,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        orderId: request.params.id,
      }),
  );

  app.get(
    '/orgs/:orgId/orders/:id/receipt.pdf',
    {
      schema: {
        tags,
        summary: 'Reçu PDF / PDF receipt',
        params: OrderParams,
        querystring: Type.Object({ lang: Type.Optional(LocaleSchema) }),
        response: {
          200: Type.Unknown({ description: 'application/pdf' }),
          401: err,
          403: err,
          404: err,
          409: err,
        },
      },
    },
    async (request, reply) => {
      const receipt = await getOrderReceipt({
        db,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        orderId: request.params.id,
        locale: request.query.lang ?? request.locale,
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${receipt.fileName}"`)
        .send(receipt.pdf);
    },
  );

  app.post(
    '/orgs/:orgId/orders/:id/mark-paid',
    {
      schema: {
        tags,
        summary: 'Paiement reçu au comptoir / Payment received at the counter',
        description: 'Accepte Idempotency-Key. / Accepts Idempotency-Key.',
        params: OrderParams,
        body: Type.Object(
          {
            method: Type.Union([Type.Literal('cash'), Type.Literal('cheque'), Type.Literal('debit')]),
            note: Type.Optional(Type.String({ maxLength: 500 })),
            instalments: Type.Optional(Type.Union([Type.Literal(1), Type.Literal(2)])),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Ref('Order'), 400: err, 401: err, 403: err, 404: err, 409: err, 422: err },
      },
    },
    async (request) =>
      markOrderPaid({
        db,
        auth: request.auth,
        ip: request.ip,
        stripeConfig,
        orgId: request.params.orgId,
        orderId: request.params.id,
        input: request.body,
      }),
  );

  app.post(
    '/orgs/:orgId/orders/:id/refunds',
    {
      schema: {
        tags,
        summary: 'Rembourser / Refund',
        description: 'Accepte Idempotency-Key. / Accepts Idempotency-Key.',
        params: OrderParams,
        body: Type.Object(
          {
            amountCents: Type.Integer({ minimum: 1 }),
            reason: Type.String({ minLength: 2, maxLength: 500 }),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Ref('Order'),
          400: err,
          401: err,
          403: err,
          404: err,
          409: err,
          422: err,
          503: err,
        },
      },
    },
    async (request, reply) => {
      const order = await refundOrder({
        db,
        auth: request.auth,
        ip: request.ip,
        locale: request.locale,
        stripeConfig,
        orgId: request.params.orgId,
        orderId: request.params.id,
        input: request.body,
      });
      return reply.status(201).send(order);
    },
  );

  app.post(
    '/orgs/:orgId/orders/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Annuler une commande non payée / Cancel an unpaid order',
        params: OrderParams,
        body: Type.Object(
          { reason: Type.String({ minLength: 2, maxLength: 500 }) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Ref('Order'), 400: err, 401: err, 403: err, 404: err, 409: err },
      },
    },
    async (request) =>
      cancelOrderByStaff({
        db,
        auth: request.auth,
        ip: request.ip,
        stripeConfig,
        orgId: request.params.orgId,
        orderId: request.params.id,
        input: request.body,
      }),
  );

  app.get(
    '/orgs/:orgId/payments/reconciliation',
    {
      schema: {
        tags,
        summary: 'Conciliation (trésorerie) / Reconciliation (treasury)',
        description: 'format=csv ou xlsx : fichier à télécharger. / format=csv or xlsx: a file to download.',
        params: OrgParams,
        querystring: Type.Object({
          from: Type.String({ format: 'date' }),
          to: Type.String({ format: 'date' }),
          format: Type.Optional(
            Type.Union([Type.Literal('json'), Type.Literal('csv'), Type.Literal('xlsx')]),
          ),
        }),
        response: { 200: ReconciliationSchema, 400: err, 401: err, 403: err },
      },
    },
    async (request, reply) => {
      const { from, to, format = 'json' } = request.query;
      const report = await getReconciliation({
        db,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        from,
        to,
        format,
      });
      if (format === 'json') return report;
      const file = await reconciliationFile(report.rows, { locale: request.locale, format, from, to });
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.body);
    },
  );
};
