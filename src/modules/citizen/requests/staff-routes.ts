import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { parseBbox } from '../../../platform/geo/geojson.ts';
import { FeatureCollectionSchema } from '../../../platform/geo/schemas.ts';
import { Page, PageQuery } from '../../../platform/http/pagination.ts';
import { Ok } from '../../../platform/http/schemas.ts';
import { addStaffComment } from './add-staff-comment.ts';
import { assignRequest } from './assign-request.ts';
import { bulkUpdateRequests } from './bulk-update-requests.ts';
import { changeRequestStatus } from './change-request-status.ts';
import { exportStaffRequests } from './export-staff-requests.ts';
import { getRequestStats } from './get-request-stats.ts';
import { getStaffRequest } from './get-staff-request.ts';
import { listAssignees } from './list-assignees.ts';
import { listStaffRequests } from './list-staff-requests.ts';
import { mergeRequests } from './merge-requests.ts';
import { OrgParams, RequestParams } from './schemas.ts';
import type { StaffFilters } from './staff-list.ts';
import { staffRequestMap } from './staff-map.ts';
import {
  AssignInput,
  BulkInput,
  CommentInput,
  MergeInput,
  StaffFiltersQuery,
  StaffListItemSchema,
  StaffRequestSchema,
  StatsSchema,
  StatusChangeInput,
} from './staff-schemas.ts';

const err = { $ref: 'Error#' };
const tags = ['requests (staff)'];
const errors = { 400: err, 401: err, 403: err, 404: err, 409: err, 413: err, 422: err };
const ListQuery = Type.Object(
  { ...PageQuery.properties, ...StaffFiltersQuery },
  { additionalProperties: false },
);
const FilterQuery = Type.Object(StaffFiltersQuery, { additionalProperties: false });
const ExportQuery = Type.Object(
  { ...StaffFiltersQuery, format: Type.Optional(Type.Union([Type.Literal('csv'), Type.Literal('xlsx')])) },
  { additionalProperties: false },
);
const FileResponse = Type.Unknown({ description: 'Fichier CSV ou XLSX / CSV or XLSX file' });

function filtersOf(query: { bbox?: string } & Omit<StaffFilters, 'bbox'>): StaffFilters {
  const { bbox, ...rest } = query;
  return { ...rest, bbox: bbox ? parseBbox(bbox) : undefined };
}

/** The request queues of staff: list, map, export, statistics, one request and every action on it. */
export const staffRequestRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;
  const db = deps.database.db;
  const jobs = deps.jobs;

  app.get(
    '/orgs/:orgId/staff/requests',
    {
      schema: {
        tags,
        summary: 'File des requêtes / Request queue',
        params: OrgParams,
        querystring: ListQuery,
        response: { 200: Page(StaffListItemSchema), ...errors },
      },
    },
    async (request) => {
      const { page, perPage, ...filters } = request.query;
      return listStaffRequests({
        db,
        auth: request.auth,
        orgId: request.params.orgId,
        filters: filtersOf(filters),
        query: { page, perPage },
      });
    },
  );

  app.get(
    '/orgs/:orgId/staff/requests/map',
    {
      schema: {
        tags,
        summary: 'Carte de la file (GeoJSON) / Queue map (GeoJSON)',
        params: OrgParams,
        querystring: FilterQuery,
        response: { 200: FeatureCollectionSchema, ...errors },
      },
    },
    async (request, reply) => {
      const collection = await staffRequestMap({
        db,
        auth: request.auth,
        orgId: request.params.orgId,
        filters: filtersOf(request.query),
      });
      return reply.type('application/geo+json; charset=utf-8').send(collection);
    },
  );

  app.get(
    '/orgs/:orgId/staff/requests/export',
    {
      schema: {
        tags,
        summary: 'Exporter la file (CSV, XLSX) / Export the queue (CSV, XLSX)',
        params: OrgParams,
        querystring: ExportQuery,
        response: { 200: FileResponse, ...errors },
      },
    },
    async (request, reply) => {
      const { format = 'csv', ...filters } = request.query;
      const file = await exportStaffRequests({
        db,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        filters: filtersOf(filters),
        format,
        locale: request.locale,
      });
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.body);
    },
  );

  app.get(
    '/orgs/:orgId/staff/requests/stats',
    {
      schema: {
        tags,
        summary: 'Volume, arriéré et délai de résolution / Volume, backlog and time to resolution',
        params: OrgParams,
        querystring: Type.Object({
          from: Type.Optional(Type.String({ format: 'date' })),
          to: Type.Optional(Type.String({ format: 'date' })),
        }),
        response: { 200: StatsSchema, ...errors },
      },
    },
    async (request) =>
      getRequestStats({ db, auth: request.auth, orgId: request.params.orgId, input: request.query }),
  );

  app.get(
    '/orgs/:orgId/staff/requests/assignees',
    {
      schema: {
        tags,
        summary: 'Personnes à qui assigner / People to assign to',
        params: OrgParams,
        response: {
          200: Type.Object({ items: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })) }),
          ...errors,
        },
      },
    },
    async (request) => ({
      items: await listAssignees({ db, auth: request.auth, orgId: request.params.orgId }),
    }),
  );

  app.post(
    '/orgs/:orgId/staff/requests/bulk',
    {
      schema: {
        tags,
        summary: 'Action groupée / Bulk action',
        params: OrgParams,
        body: BulkInput,
        response: {
          200: Type.Object({
            updated: Type.Integer(),
            skipped: Type.Array(Type.Object({ id: Type.String(), code: Type.String() })),
          }),
          ...errors,
        },
      },
    },
    async (request) =>
      bulkUpdateRequests({
        db,
        jobs,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        input: request.body,
      }),
  );

  app.get(
    '/orgs/:orgId/staff/requests/:id',
    {
      schema: {
        tags,
        summary: 'Une requête (personnel) / One request (staff)',
        params: RequestParams,
        response: { 200: StaffRequestSchema, ...errors },
      },
    },
    async (request) =>
      getStaffRequest({
        db,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        requestId: request.params.id,
      }),
  );

  const common = (request: {
    auth: FastifyRequest['auth'];
    ip: string;
    params: { orgId: string; id: string };
  }) => ({
    db,
    jobs,
    auth: request.auth,
    ip: request.ip,
    orgId: request.params.orgId,
    requestId: request.params.id,
  });

  app.post(
    '/orgs/:orgId/staff/requests/:id/status',
    {
      schema: {
        tags,
        summary: 'Changer le statut / Change the status',
        params: RequestParams,
        body: StatusChangeInput,
        response: { 200: Ok, ...errors },
      },
    },
    async (request) => changeRequestStatus({ ...common(request), input: request.body }),
  );
  app.post(
    '/orgs/:orgId/staff/requests/:id/assign',
    {
      schema: {
        tags,
        summary: 'Assigner / Assign',
        params: RequestParams,
        body: AssignInput,
        response: { 200: Ok, ...errors },
      },
    },
    async (request) => assignRequest({ ...common(request), input: request.body }),
  );
  app.post(
    '/orgs/:orgId/staff/requests/:id/comments',
    {
      schema: {
        tags,
        summary: 'Note interne ou mise à jour publique / Internal note or public update',
        params: RequestParams,
        body: CommentInput,
        response: { 201: Type.Object({ id: Type.String() }), ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addStaffComment({ ...common(request), input: request.body })),
  );
  app.post(
    '/orgs/:orgId/staff/requests/:id/merge',
    {
      schema: {
        tags,
        summary: 'Fusionner un doublon dans une autre requête / Merge a duplicate into another request',
        params: RequestParams,
        body: MergeInput,
        response: { 200: Ok, ...errors },
      },
    },
    async (request) => {
      const { requestId, ...rest } = common(request);
      return mergeRequests({ ...rest, duplicateId: requestId, input: request.body });
    },
  );
};
