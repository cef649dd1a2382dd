import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Uuid } from '../http/schemas.ts';
import { getPaymentSettings } from './get-payment-settings.ts';
import { listProducts } from './list-products.ts';
import { saveProduct } from './save-product.ts';
import { ProductBody, ProductSchema, SettingsBody, SettingsSchema } from './schemas.ts';
import { updatePaymentSettings } from './update-payment-settings.ts';

const err = { $ref: 'Error#' };
const OrgParams = Type.Object({ orgId: Uuid });

/** Treasury's payment settings (tax numbers and rates, providers) and the fee catalogue. */
export const paymentSettingsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { database, config } = app.deps;
  const db = database.db;
  const stripeConfig = config.stripe;
  const tags = ['payments'];

  app.get(
    '/orgs/:orgId/payments/settings',
    {
      schema: {
        tags,
        summary: 'Réglages de paiement / Payment settings',
        params: OrgParams,
        response: { 200: SettingsSchema, 401: err, 403: err },
      },
    },
    async (request) =>
      getPaymentSettings({ db, auth: request.auth, orgId: request.params.orgId, stripeConfig }),
  );

  app.put(
    '/orgs/:orgId/payments/settings',
    {
      schema: {
        tags,
        summary: 'Modifier les réglages de paiement / Update payment settings',
        params: OrgParams,
        body: SettingsBody,
        response: { 200: SettingsSchema, 400: err, 401: err, 403: err },
      },
    },
    async (request) => {
      const settings = await updatePaymentSettings({
        db,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        stripeConfig,
        input: request.body,
      });
      // Pages may load Stripe.js from now on (or no longer need to).
      await app.stripeCsp.refresh();
      return settings;
    },
  );

  app.get(
    '/orgs/:orgId/payments/products',
    {
      schema: {
        tags,
        summary: 'Catalogue des frais / Fee catalogue',
        params: OrgParams,
        response: { 200: Type.Array(ProductSchema), 401: err, 403: err },
      },
    },
    async (request) => listProducts({ db, auth: request.auth, orgId: request.params.orgId }),
  );

  app.put(
    '/orgs/:orgId/payments/products/:code',
    {
      schema: {
        tags,
        summary: 'Créer ou modifier un produit / Create or update a product',
        params: Type.Object({ orgId: Uuid, code: Type.String({ pattern: '^[A-Za-z0-9_.-]{1,60}$' }) }),
        body: ProductBody,
        response: { 200: ProductSchema, 400: err, 401: err, 403: err },
      },
    },
    async (request) =>
      saveProduct({
        db,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        code: request.params.code,
        input: request.body,
      }),
  );
};
