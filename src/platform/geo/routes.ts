import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { importRoutes } from './import-routes.ts';
import { mapRoutes } from './map-routes.ts';
import './messages.ts';
import { reverseGeocode } from './reverse-geocode.ts';
import { AddressMatchSchema, AddressSchema, OrgParams, ReverseQuery, SearchQuery } from './schemas.ts';
import { searchAddresses } from './search-addresses.ts';

const err = { $ref: 'Error#' };

/** Addresses and maps: public search and reverse geocoding, staff imports, GeoJSON layers, map settings. */
export const geoRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.deps.database.db;
  const tags = ['addresses'];

  app.get(
    '/orgs/:orgId/addresses/search',
    {
      schema: {
        tags,
        summary: 'Chercher une adresse / Search addresses',
        description:
          'Insensible aux accents, à la casse et aux abréviations (St/Saint, boul./boulevard …); un numéro civique en tête doit correspondre exactement. / Ignores accents, case and short forms; a leading civic number must match exactly.',
        params: OrgParams,
        querystring: SearchQuery,
        response: { 200: Type.Object({ items: Type.Array(AddressMatchSchema) }), 400: err, 404: err },
      },
    },
    async (request) => ({
      items: await searchAddresses({ db, orgId: request.params.orgId, input: request.query }),
    }),
  );

  app.get(
    '/orgs/:orgId/addresses/reverse',
    {
      schema: {
        tags,
        summary: 'Adresse la plus proche d’un point / Nearest address to a point',
        params: OrgParams,
        querystring: ReverseQuery,
        response: {
          200: Type.Object({ address: AddressSchema, distanceMeters: Type.Number() }),
          400: err,
          404: err,
        },
      },
    },
    async (request) => reverseGeocode({ db, orgId: request.params.orgId, input: request.query }),
  );

  await app.register(importRoutes);
  await app.register(mapRoutes);
};
