import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Uuid } from '../../../platform/http/schemas.ts';
import { listFareProducts } from './list-fare-products.ts';
import { listMyHoldings, listSoldHoldings } from './list-holdings.ts';
import { purchaseFare } from './purchase-fare.ts';
import { FareHolding, FareProduct, HoldingsQuery, PurchaseBody } from './schemas.ts';

const err = { $ref: 'Error#' };
const tags = ['transit: fares'];
const OrgParams = Type.Object({ orgId: Uuid });
const errors = { 400: err, 401: err, 403: err, 404: err, 409: err, 422: err };

/** Fare products (public), the rider's booklets and passes, buying one, and the staff's list of sales. */
export const fareRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.deps.database.db;

  app.get(
    '/orgs/:orgId/transit/fares/products',
    {
      schema: {
        tags,
        summary: 'Titres de transport offerts / Fare products',
        params: OrgParams,
        response: { 200: Type.Object({ items: Type.Array(FareProduct) }) },
      },
    },
    async (request) => ({ items: await listFareProducts(db, request.params.orgId) }),
  );

  app.get(
    '/orgs/:orgId/transit/fares/mine',
    {
      schema: {
        tags,
        summary: 'Mes titres (livrets, laissez-passer, adhésion) / My fares',
        params: OrgParams,
        response: { 200: Type.Object({ items: Type.Array(FareHolding) }), 401: err },
      },
    },
    async (request) => listMyHoldings({ db, auth: request.auth, orgId: request.params.orgId }),
  );

  app.post(
    '/orgs/:orgId/transit/fares/purchase',
    {
      schema: {
        tags,
        summary: 'Acheter un livret, un laissez-passer ou une adhésion / Buy a fare',
        description:
          'Idempotency-Key respected. Creates a pending holding and its order; paying the order activates it.',
        params: OrgParams,
        body: PurchaseBody,
        response: { 201: FareHolding, ...errors },
      },
    },
    async (request, reply) => {
      const holding = await purchaseFare({
        db,
        auth: request.auth,
        orgId: request.params.orgId,
        productId: request.body.productId,
        startDate: request.body.startDate,
      });
      return reply.code(201).send(holding);
    },
  );

  app.get(
    '/orgs/:orgId/transit/fares/holdings',
    {
      schema: {
        tags,
        summary: 'Titres vendus (personnel du transport) / Fares sold (transit staff)',
        params: OrgParams,
        querystring: HoldingsQuery,
        response: { 200: Type.Object({ items: Type.Array(FareHolding) }), 401: err, 403: err },
      },
    },
    async (request) =>
      listSoldHoldings({
        db,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        status: request.query.status,
        limit: request.query.limit,
      }),
  );
};
