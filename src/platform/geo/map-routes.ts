import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { parseBbox } from './geojson.ts';
import { getMapLayerFeatures, listMapLayers } from './map-layers.ts';
import { Bilingual, FeatureCollectionSchema, MapConfigSchema, OrgParams } from './schemas.ts';

const err = { $ref: 'Error#' };
const tags = ['maps'];

/** GeoJSON map layers of an organisation, and the installation's map settings. */
export const mapRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { config, database } = app.deps;
  const db = database.db;

  app.get(
    '/config/map',
    {
      schema: {
        tags,
        summary: 'Réglages des cartes / Map settings',
        description:
          'Sans tileUrl, les cartes sont dessinées sur fond uni. / Without tileUrl, maps are drawn on a plain background.',
        response: { 200: MapConfigSchema },
      },
    },
    async () => ({ tileUrl: config.map.tileUrl ?? null, attribution: config.map.attribution ?? null }),
  );

  app.get(
    '/orgs/:orgId/map/layers',
    {
      schema: {
        tags,
        summary: 'Couches de carte / Map layers',
        params: OrgParams,
        response: {
          200: Type.Object({ items: Type.Array(Type.Object({ id: Type.String(), title: Bilingual })) }),
        },
      },
    },
    async (request) => ({ items: listMapLayers({ auth: request.auth, orgId: request.params.orgId }) }),
  );

  app.get(
    '/orgs/:orgId/map/layers/:layerId',
    {
      schema: {
        tags,
        summary: 'Entités d’une couche dans une zone (GeoJSON) / A layer’s features in an area (GeoJSON)',
        description:
          'bbox=ouest,sud,est,nord (longitudes, latitudes WGS 84); positions [longitude, latitude] (RFC 7946). / bbox=west,south,east,north; positions [longitude, latitude] (RFC 7946).',
        params: Type.Object({ orgId: OrgParams.properties.orgId, layerId: Type.String({ maxLength: 80 }) }),
        querystring: Type.Object({ bbox: Type.Optional(Type.String({ maxLength: 200 })) }),
        response: { 200: FeatureCollectionSchema, 400: err, 401: err, 403: err, 404: err },
      },
    },
    async (request, reply) => {
      const bbox = parseBbox(request.query.bbox);
      const collection = await getMapLayerFeatures({
        db,
        auth: request.auth,
        orgId: request.params.orgId,
        input: { layerId: request.params.layerId, bbox },
      });
      return reply.type('application/geo+json; charset=utf-8').send(collection);
    },
  );
};
