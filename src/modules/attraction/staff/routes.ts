import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { auditActor } from '../../../platform/audit/record-audit.ts';
import { Uuid } from '../../../platform/http/schemas.ts';
import { moderateCompany, moderateOffer, moderationQueue } from './moderation.ts';
import { exportPortalStats, portalStats } from './stats.ts';

const err = { $ref: 'Error#' };
const tags = ['attraction: staff'];
const errors = { 400: err, 401: err, 403: err, 404: err, 409: err, 422: err };
const OrgParams = Type.Object({ orgId: Uuid });
const Stat = Type.Array(Type.Object({ key: Type.String(), label: Type.String(), count: Type.Integer() }));

/** MRC staff: moderation of companies and offers, statistics and their export. */
export const attractionStaffRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;
  const db = deps.database.db;
  const publicUrl = deps.config.publicUrl;
  const base = '/orgs/:orgId/attraction/staff';

  app.get(
    `${base}/moderation`,
    {
      schema: {
        tags,
        summary: 'File de modération / Moderation queue',
        params: OrgParams,
        response: {
          200: Type.Object({
            companies: Type.Array(Type.Ref('Company')),
            offers: Type.Array(Type.Ref('JobOffer')),
          }),
          ...errors,
        },
      },
    },
    async (request) => moderationQueue({ db, auth: request.auth, orgId: request.params.orgId, publicUrl }),
  );

  app.post(
    `${base}/companies/:companyId/moderate`,
    {
      schema: {
        tags,
        summary: 'Approuver ou suspendre une entreprise / Approve or suspend a company',
        params: Type.Object({ orgId: Uuid, companyId: Uuid }),
        body: Type.Object(
          {
            decision: Type.Union([Type.Literal('approve'), Type.Literal('suspend')]),
            note: Type.Optional(Type.String({ maxLength: 2000 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Ref('Company'), ...errors },
      },
    },
    async (request) =>
      moderateCompany({
        db,
        auth: request.auth,
        orgId: request.params.orgId,
        companyId: request.params.companyId,
        ip: auditActor(request).ip,
        input: request.body,
      }),
  );

  app.post(
    `${base}/offers/:offerId/moderate`,
    {
      schema: {
        tags,
        summary: 'Publier ou refuser une offre / Publish or reject an offer',
        params: Type.Object({ orgId: Uuid, offerId: Uuid }),
        body: Type.Object(
          {
            decision: Type.Union([Type.Literal('publish'), Type.Literal('reject')]),
            note: Type.Optional(Type.String({ maxLength: 2000 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Ref('JobOffer'), ...errors },
      },
    },
    async (request) =>
      moderateOffer({
        db,
        jobs: deps.jobs,
        auth: request.auth,
        orgId: request.params.orgId,
        offerId: request.params.offerId,
        publicUrl,
        ip: auditActor(request).ip,
        input: request.body,
      }),
  );

  app.get(
    `${base}/stats`,
    {
      schema: {
        tags,
        summary: 'Statistiques / Statistics',
        params: OrgParams,
        response: {
          200: Type.Object({
            totals: Type.Record(Type.String(), Type.Integer()),
            candidatesByOrigin: Stat,
            candidatesByOccupation: Stat,
            offersBySector: Stat,
          }),
          ...errors,
        },
      },
    },
    async (request) =>
      portalStats({ db, auth: request.auth, orgId: request.params.orgId, locale: request.locale }),
  );

  app.get(
    `${base}/stats.csv`,
    {
      schema: {
        tags,
        summary: 'Exporter les statistiques (CSV) / Export statistics (CSV)',
        params: OrgParams,
        response: { 200: Type.String(), ...errors },
      },
    },
    async (request, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="arrimage-statistiques.csv"')
        .send(
          await exportPortalStats({
            db,
            auth: request.auth,
            orgId: request.params.orgId,
            locale: request.locale,
          }),
        ),
  );
};
