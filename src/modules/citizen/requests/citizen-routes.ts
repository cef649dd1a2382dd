import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { singleUpload, uploadLimits } from '../../../platform/files/multipart.ts';
import { parseBbox } from '../../../platform/geo/geojson.ts';
import { FeatureCollectionSchema } from '../../../platform/geo/schemas.ts';
import { Page, PageQuery } from '../../../platform/http/pagination.ts';
import { Ok, Uuid } from '../../../platform/http/schemas.ts';
import { addInformation } from './add-information.ts';
import type { CitizenKey } from './citizen-access.ts';
import { confirmFollower } from './confirm-follower.ts';
import { findNearbyRequests } from './find-nearby-requests.ts';
import { followRequest } from './follow-request.ts';
import { getCitizenRequest } from './get-citizen-request.ts';
import { getRequestSettings } from './get-request-settings.ts';
import { listCategories } from './list-categories.ts';
import { listMyRequests } from './list-my-requests.ts';
import { listPublicMap } from './public-map.ts';
import { reopenRequest } from './reopen-request.ts';
import { resendConfirmation } from './resend-confirmation.ts';
import {
  CategorySchema,
  CitizenRequestSchema,
  CodeInput,
  FollowInput,
  FollowSchema,
  InformationInput,
  MyRequestSchema,
  NearbyQuery,
  NearbySchema,
  OrgParams,
  ReopenInput,
  RequestParams,
  SettingsSchema,
  SubmitInput,
  SubmittedSchema,
  TokenParams,
  UploadedPhotoSchema,
} from './schemas.ts';
import { submitRequest } from './submit-request.ts';
import { unfollowRequest } from './unfollow-request.ts';
import { uploadRequestPhoto } from './upload-request-photo.ts';

const err = { $ref: 'Error#' };
const tags = ['requests'];
const errors = { 400: err, 401: err, 403: err, 404: err, 409: err, 413: err, 415: err, 422: err, 429: err };

/** What citizens do with requests: report (signed in or with an e-mail), follow, add, reopen, see the map. */
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

  // The same actions for a signed-in follower (by request id) and a guest (by the token of their link).
  const byAccount = (request: { auth: CitizenKey['auth'] }): CitizenKey => ({ auth: request.auth ?? null });

  app.get(
    '/orgs/:orgId/requests/:id',
    {
      schema: {
        tags,
        summary: 'Une requête que je suis / A request I follow',
        params: RequestParams,
        response: { 200: CitizenRequestSchema, 401: err, 403: err, 404: err },
      },
    },
    async (request) =>
      getCitizenRequest({
        db,
        orgId: request.params.orgId,
        key: byAccount(request),
        requestId: request.params.id,
      }),
  );
  app.get(
    '/orgs/:orgId/requests/guest/:token',
    {
      schema: {
        tags,
        summary: 'Une requête suivie par courriel / A request followed by e-mail',
        params: TokenParams,
        response: { 200: CitizenRequestSchema, 404: err },
      },
    },
    async (request) =>
      getCitizenRequest({ db, orgId: request.params.orgId, key: { token: request.params.token } }),
  );

  app.post(
    '/orgs/:orgId/requests/guest/:token/confirm',
    {
      schema: {
        tags,
        summary: 'Confirmer son courriel par code / Confirm one’s e-mail with the code',
        params: TokenParams,
        body: CodeInput,
        response: { 200: Type.Object({ confirmed: Type.Boolean() }), 400: err, 404: err },
      },
    },
    async (request) =>
      confirmFollower({
        db,
        jobs,
        orgId: request.params.orgId,
        token: request.params.token,
        code: request.body.code,
        locale: request.locale,
      }),
  );
  app.post(
    '/orgs/:orgId/requests/guest/:token/resend',
    {
      schema: {
        tags,
        summary: 'Recevoir un nouveau code / Get a new code',
        params: TokenParams,
        response: { 200: Type.Object({ sent: Type.Boolean() }), 404: err, 409: err, 429: err },
      },
    },
    async (request) =>
      resendConfirmation({ db, jobs, orgId: request.params.orgId, token: request.params.token }),
  );

  app.post(
    '/orgs/:orgId/requests/:id/follow',
    {
      schema: {
        tags,
        summary:
          'Suivre une requête plutôt que d’en soumettre une autre / Follow a request instead of reporting again',
        params: RequestParams,
        body: FollowInput,
        response: { 200: FollowSchema, ...errors },
      },
    },
    async (request) =>
      followRequest({
        db,
        jobs,
        auth: request.auth,
        orgId: request.params.orgId,
        requestId: request.params.id,
        locale: request.locale,
        input: request.body,
      }),
  );
  app.delete(
    '/orgs/:orgId/requests/:id/follow',
    {
      schema: {
        tags,
        summary: 'Ne plus suivre / Stop following',
        params: RequestParams,
        response: { 200: Ok, ...errors },
      },
    },
    async (request) =>
      unfollowRequest({
        db,
        orgId: request.params.orgId,
        key: byAccount(request),
        requestId: request.params.id,
      }),
  );
  app.delete(
    '/orgs/:orgId/requests/guest/:token',
    {
      schema: {
        tags,
        summary: 'Ne plus suivre (courriel) / Stop following (e-mail)',
        params: TokenParams,
        response: { 200: Ok, ...errors },
      },
    },
    async (request) =>
      unfollowRequest({ db, orgId: request.params.orgId, key: { token: request.params.token } }),
  );

  const information = {
    tags,
    summary: 'Ajouter des renseignements / Add information',
    body: InformationInput,
    response: { 201: Type.Object({ id: Type.String() }), ...errors },
  };
  const reopen = {
    tags,
    summary: 'Rouvrir une requête résolue / Reopen a resolved request',
    body: ReopenInput,
    response: { 200: Ok, ...errors },
  };
  app.post(
    '/orgs/:orgId/requests/:id/information',
    { schema: { ...information, params: RequestParams } },
    async (request, reply) => {
      const { orgId, id } = request.params;
      const added = await addInformation({
        db,
        orgId,
        key: byAccount(request),
        requestId: id,
        locale: request.locale,
        input: request.body,
      });
      return reply.status(201).send(added);
    },
  );
  app.post(
    '/orgs/:orgId/requests/guest/:token/information',
    { schema: { ...information, params: TokenParams } },
    async (request, reply) => {
      const { orgId, token } = request.params;
      const added = await addInformation({
        db,
        orgId,
        key: { token },
        locale: request.locale,
        input: request.body,
      });
      return reply.status(201).send(added);
    },
  );
  app.post(
    '/orgs/:orgId/requests/:id/reopen',
    { schema: { ...reopen, params: RequestParams } },
    async (request) =>
      reopenRequest({
        db,
        jobs,
        orgId: request.params.orgId,
        key: byAccount(request),
        requestId: request.params.id,
        input: request.body,
      }),
  );
  app.post(
    '/orgs/:orgId/requests/guest/:token/reopen',
    { schema: { ...reopen, params: TokenParams } },
    async (request) =>
      reopenRequest({
        db,
        jobs,
        orgId: request.params.orgId,
        key: { token: request.params.token },
        input: request.body,
      }),
  );
};
