import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { singleUpload, uploadLimits } from '../../../platform/files/multipart.ts';
import { parseBbox } from '../../../platform/geo/geojson.ts';
import { FeatureCollectionSchema } from '../../../platform/geo/schemas.ts';
import { Page, PageQuery } from '../../../platform/http/pagination.ts';
import { Uuid } from '../../../platform/http/schemas.ts';
import { findNearbyRequests } from './find-nearby-requests.ts';
import { getRequestSettings } from './get-request-settings.ts';
import { listCategories } from './list-categories.ts';
import { listMyRequests } from './list-my-requests.ts';
import { listPublicMap } from './public-map.ts';
import {
  CategorySchema,
  MyRequestSchema,
  NearbyQuery,
  NearbySchema,
  OrgParams,
  SettingsSchema,
  SubmitInput,
  SubmittedSchema,
  UploadedPhotoSchema,
} from './schemas.ts';
import { submitRequest } from './submit-request.ts';
import { uploadRequestPhoto } from './upload-request-photo.ts';

const err = { $ref: 'Error#' };
const tags = ['requests'];
const errors = { 400: err, 401: err, 403: err, 404: err, 409: err, 413: err, 415: err, 422: err, 429: err };

/** What citizens do before following a request: categories, nearby requests, the public map, photos, reporting. */
export const citizenRequestRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;
  const db = deps.database.db;
  const jobs = deps.jobs;
  await app.register(multipart, uploadLimits(deps.config));

  app.get(
    '/orgs/:orgId/requests/categories',
    {
      schema: {
        tags,
        summary: 'Catégories de requêtes / Request categories',
        params: OrgParams,
        response: { 200: Type.Object({ items: Type.Array(CategorySchema) }), 404: err },
      },
    },
    async (request) => ({
      items: await listCategories({ db, auth: request.auth, orgId: request.params.orgId }),
    }),
  );

  app.get(
    '/orgs/:orgId/requests/settings',
    {
      schema: {
        tags,
        summary: 'Réglages des requêtes / Request settings',
        params: OrgParams,
        response: { 200: SettingsSchema, 404: err },
      },
    },
    async (request) => getRequestSettings({ db, auth: request.auth, orgId: request.params.orgId }),
  );

  app.get(
    '/orgs/:orgId/requests/nearby',
    {
      schema: {
        tags,
        summary: 'Requêtes ouvertes à proximité / Open requests nearby',
        params: OrgParams,
        querystring: NearbyQuery,
        response: { 200: Type.Object({ items: Type.Array(NearbySchema) }), 400: err, 404: err },
      },
    },
    async (request) => ({
      items: await findNearbyRequests({ db, orgId: request.params.orgId, input: request.query }),
    }),
  );

  app.get(
    '/orgs/:orgId/requests/map',
    {
      schema: {
        tags,
        summary: 'Carte publique des requêtes (GeoJSON) / Public map of requests (GeoJSON)',
        params: OrgParams,
        querystring: Type.Object({
          bbox: Type.Optional(Type.String({ maxLength: 200 })),
          categoryId: Type.Optional(Uuid),
        }),
        response: { 200: FeatureCollectionSchema, 400: err, 404: err },
      },
    },
    async (request, reply) => {
      const collection = await listPublicMap({
        db,
        orgId: request.params.orgId,
        input: { bbox: parseBbox(request.query.bbox), categoryId: request.query.categoryId },
      });
      return reply.type('application/geo+json; charset=utf-8').send(collection);
    },
  );

  app.post(
    '/orgs/:orgId/requests/photos',
    {
      schema: {
        tags,
        summary: 'Déposer une photo pour une requête / Upload a photo for a request',
        description:
          'multipart/form-data, one `file` part (JPEG, PNG or WebP); metadata such as GPS position is removed.',
        consumes: ['multipart/form-data'],
        params: OrgParams,
        response: { 201: UploadedPhotoSchema, ...errors, 503: err },
      },
    },
    async (request, reply) => {
      const { part, discard } = await singleUpload(request, deps.config);
      try {
        const photo = await uploadRequestPhoto({
          db,
          deps,
          auth: request.auth,
          orgId: request.params.orgId,
          part,
        });
        return reply.status(201).send(photo);
      } catch (error) {
        discard();
        throw error;
      }
    },
  );

  app.post(
    '/orgs/:orgId/requests',
    {
      schema: {
        tags,
        summary: 'Soumettre une requête / Submit a request',
        description:
          'Connecté, ou avec un courriel (contact.email) confirmé par un code. Accepte Idempotency-Key. / Signed in, or with an e-mail confirmed by a code. Accepts Idempotency-Key.',
        params: OrgParams,
        body: SubmitInput,
        response: { 201: SubmittedSchema, ...errors },
      },
    },
    async (request, reply) => {
      const created = await submitRequest({
        db,
        jobs,
        auth: request.auth,
        orgId: request.params.orgId,
        locale: request.locale,
        input: request.body,
      });
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/orgs/:orgId/requests/mine',
    {
      schema: {
        tags,
        summary: 'Mes requêtes / My requests',
        params: OrgParams,
        querystring: PageQuery,
        response: { 200: Page(MyRequestSchema), 401: err, 404: err },
      },
    },
    async (request) =>
      listMyRequests({ db, auth: request.auth, orgId: request.params.orgId, query: request.query }),
  );
};
