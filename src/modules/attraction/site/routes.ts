import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Uuid } from '../../../platform/http/schemas.ts';
import { getStaffPage, listStaffPages } from './list-pages.ts';
import { previewPage } from './public-pages.ts';
import { publishPage, unpublishPage } from './publish-page.ts';
import { restoreRevision } from './restore-revision.ts';
import { savePage } from './save-page.ts';
import { PageInput, RevisionSummary, StaffPage } from './schemas.ts';
import { siteStats } from './stats.ts';

const err = { $ref: 'Error#' };
const tags = ['attraction: regional site'];
const errors = { 400: err, 401: err, 403: err, 404: err, 409: err, 422: err };
const OrgParams = Type.Object({ orgId: Uuid });
const PageParams = Type.Object({ orgId: Uuid, pageId: Uuid });
const Page = Type.Ref('RegionStaffPage');

/** MRC staff edit the regional site: pages, news and events, revisions, preview, publish, statistics. */
export const siteRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;
  const db = deps.database.db;
  app.addSchema(StaffPage);
  const p = '/orgs/:orgId/region/pages';

  app.get(
    p,
    {
      schema: {
        tags,
        summary: 'Pages du site (personnel) / Site pages (staff)',
        params: OrgParams,
        querystring: Type.Object({
          kind: Type.Optional(
            Type.Union([Type.Literal('page'), Type.Literal('news'), Type.Literal('event')]),
          ),
        }),
        response: { 200: Type.Object({ items: Type.Array(Page) }), ...errors },
      },
    },
    async (request) =>
      listStaffPages({ db, auth: request.auth, orgId: request.params.orgId, kind: request.query.kind }),
  );
  app.post(
    p,
    {
      schema: {
        tags,
        summary: 'Créer une page (brouillon) / Create a page (draft)',
        params: OrgParams,
        body: PageInput,
        response: { 201: Page, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await savePage({
          db,
          auth: request.auth,
          orgId: request.params.orgId,
          input: request.body,
          ip: request.ip,
        }),
      ),
  );
  app.get(
    `${p}/:pageId`,
    {
      schema: {
        tags,
        summary: 'Une page et ses versions / A page and its revisions',
        params: PageParams,
        response: { 200: Type.Object({ page: Page, revisions: Type.Array(RevisionSummary) }), ...errors },
      },
    },
    async (request) =>
      getStaffPage({ db, auth: request.auth, orgId: request.params.orgId, pageId: request.params.pageId }),
  );
  app.put(
    `${p}/:pageId`,
    {
      schema: {
        tags,
        summary: 'Enregistrer une nouvelle version / Save a new revision',
        params: PageParams,
        body: PageInput,
        response: { 200: Page, ...errors },
      },
    },
    async (request) =>
      savePage({
        db,
        auth: request.auth,
        orgId: request.params.orgId,
        pageId: request.params.pageId,
        input: request.body,
        ip: request.ip,
      }),
  );
  app.post(
    `${p}/:pageId/publish`,
    {
      schema: {
        tags,
        summary: 'Publier une version / Publish a revision',
        params: PageParams,
        body: Type.Object(
          { revision: Type.Optional(Type.Integer({ minimum: 1 })) },
          { additionalProperties: false },
        ),
        response: { 200: Page, ...errors },
      },
    },
    async (request) =>
      publishPage({
        db,
        auth: request.auth,
        orgId: request.params.orgId,
        pageId: request.params.pageId,
        revision: request.body.revision,
        ip: request.ip,
      }),
  );
  app.post(
    `${p}/:pageId/unpublish`,
    {
      schema: {
        tags,
        summary: 'Retirer du site public / Unpublish',
        params: PageParams,
        response: { 200: Page, ...errors },
      },
    },
    async (request) =>
      unpublishPage({
        db,
        auth: request.auth,
        orgId: request.params.orgId,
        pageId: request.params.pageId,
        ip: request.ip,
      }),
  );
  app.post(
    `${p}/:pageId/restore`,
    {
      schema: {
        tags,
        summary: 'Restaurer une version (nouveau brouillon) / Restore a revision (new draft)',
        params: PageParams,
        body: Type.Object({ revision: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
        response: { 200: Page, ...errors },
      },
    },
    async (request) =>
      restoreRevision({
        db,
        auth: request.auth,
        orgId: request.params.orgId,
        pageId: request.params.pageId,
        revision: request.body.revision,
        ip: request.ip,
      }),
  );
  app.get(
    `${p}/:pageId/preview`,
    {
      schema: {
        tags,
        summary: 'Aperçu HTML (personnel) / HTML preview (staff)',
        params: PageParams,
        querystring: Type.Object({
          revision: Type.Optional(Type.Integer({ minimum: 1 })),
          lang: Type.Optional(Type.Union([Type.Literal('fr'), Type.Literal('en')])),
        }),
        response: { 200: Type.String(), ...errors },
      },
    },
    async (request, reply) => {
      const body = await previewPage({
        db,
        auth: request.auth,
        orgId: request.params.orgId,
        pageId: request.params.pageId,
        revision: request.query.revision,
        locale: request.query.lang ?? request.locale,
        publicUrl: deps.config.publicUrl,
      });
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'private, no-store')
        .header('x-robots-tag', 'noindex')
        .send(body);
    },
  );
  app.get(
    '/orgs/:orgId/region/stats',
    {
      schema: {
        tags,
        summary: 'Visites et demandes par jour / Visits and requests per day',
        params: OrgParams,
        querystring: Type.Object({ days: Type.Integer({ minimum: 7, maximum: 366, default: 30 }) }),
        response: {
          200: Type.Object({
            days: Type.Array(
              Type.Object({
                day: Type.String(),
                visits: Type.Integer(),
                contactRequests: Type.Integer(),
                appointments: Type.Integer(),
              }),
            ),
            topPages: Type.Array(Type.Object({ path: Type.String(), visits: Type.Integer() })),
          }),
          ...errors,
        },
      },
    },
    async (request) =>
      siteStats({ db, auth: request.auth, orgId: request.params.orgId, days: request.query.days }),
  );
};
