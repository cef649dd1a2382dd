import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Page, PageQuery } from '../http/pagination.ts';
import { LocaleSchema, Uuid } from '../http/schemas.ts';
import { confirmPayment } from './confirm-payment.ts';
import { getMyOrder } from './get-my-order.ts';
import { getMyReceipt } from './get-my-receipt.ts';
import { getPaymentOptions } from './get-payment-options.ts';
import { listMyOrders } from './list-my-orders.ts';
import './messages.ts';
import { payOrder } from './pay-order.ts';
import { OrderSchema, PayBody, PaymentOptionsSchema, PayResultSchema } from './schemas.ts';
import { paymentSettingsRoutes } from './settings-routes.ts';
import { staffPaymentRoutes } from './staff-routes.ts';
import { stripeWebhookRoutes } from './webhook-routes.ts';

const err = { $ref: 'Error#' };
const OrgFilter = Type.Object({ orgId: Type.Optional(Uuid) });
const PdfResponse = Type.Unknown({ description: 'Reçu PDF / PDF receipt (application/pdf)' });

/** Payments: the person's own orders, staff routes, and provider webhooks. */
export const paymentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addSchema(OrderSchema);
  const { database, config } = app.deps;
  const db = database.db;
  const stripeConfig = config.stripe;
  const tags = ['payments'];

  app.get(
    '/me/orders',
    {
      schema: {
        tags,
        summary: 'Mes commandes / My orders',
        querystring: Type.Intersect([PageQuery, OrgFilter]),
        response: { 200: Page(Type.Ref('Order')), 400: err, 401: err },
      },
    },
    async (request) => {
      const { orgId, ...query } = request.query;
      return listMyOrders({ db, auth: request.auth, orgId, query });
    },
  );

  app.get(
    '/me/orders/:id',
    {
      schema: {
        tags,
        summary: 'Une de mes commandes / One of my orders',
        params: Type.Object({ id: Uuid }),
        querystring: OrgFilter,
        response: { 200: Type.Ref('Order'), 401: err, 404: err },
      },
    },
    async (request) =>
      getMyOrder({ db, auth: request.auth, orderId: request.params.id, orgId: request.query.orgId }),
  );

  app.post(
    '/me/orders/:id/pay',
    {
      schema: {
        tags,
        summary: 'Payer une commande / Pay an order',
        description:
          'Accepte Idempotency-Key. Bac à sable : réglé aussitôt selon la carte de test; Stripe : renvoie le clientSecret. / Accepts Idempotency-Key. Sandbox: settled at once by the test card; Stripe: returns the clientSecret.',
        params: Type.Object({ id: Uuid }),
        querystring: OrgFilter,
        body: PayBody,
        response: { 200: PayResultSchema, 400: err, 401: err, 404: err, 409: err, 422: err, 503: err },
      },
    },
    async (request) =>
      payOrder({
        db,
        auth: request.auth,
        stripeConfig,
        orderId: request.params.id,
        orgId: request.query.orgId,
        input: request.body,
      }),
  );

  app.post(
    '/me/orders/:id/confirm',
    {
      schema: {
        tags,
        summary: 'Confirmer un paiement Stripe / Confirm a Stripe payment',
        params: Type.Object({ id: Uuid }),
        querystring: OrgFilter,
        body: Type.Object({ paymentId: Uuid }, { additionalProperties: false }),
        response: { 200: PayResultSchema, 400: err, 401: err, 404: err, 409: err, 503: err },
      },
    },
    async (request) =>
      confirmPayment({
        db,
        auth: request.auth,
        stripeConfig,
        orderId: request.params.id,
        paymentId: request.body.paymentId,
        orgId: request.query.orgId,
      }),
  );

  app.get(
    '/me/orders/:id/receipt.pdf',
    {
      schema: {
        tags,
        summary: 'Reçu PDF / PDF receipt',
        params: Type.Object({ id: Uuid }),
        querystring: Type.Object({ orgId: Type.Optional(Uuid), lang: Type.Optional(LocaleSchema) }),
        response: { 200: PdfResponse, 401: err, 404: err, 409: err },
      },
    },
    async (request, reply) => {
      const receipt = await getMyReceipt({
        db,
        auth: request.auth,
        orderId: request.params.id,
        orgId: request.query.orgId,
        locale: request.query.lang ?? request.locale,
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${receipt.fileName}"`)
        .send(receipt.pdf);
    },
  );

  app.get(
    '/orgs/:orgId/payments/options',
    {
      schema: {
        tags,
        summary: 'Modes de paiement en ligne / Online payment options',
        params: Type.Object({ orgId: Uuid }),
        response: { 200: PaymentOptionsSchema, 404: err },
      },
    },
    async (request) => getPaymentOptions({ db, orgId: request.params.orgId, stripeConfig }),
  );

  await app.register(staffPaymentRoutes);
  await app.register(paymentSettingsRoutes);
  await app.register(stripeWebhookRoutes);
};
