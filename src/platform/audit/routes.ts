import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Page, PageQuery } from '../http/pagination.ts';
import { Uuid } from '../http/schemas.ts';
import { exportAuditEntries } from './export-audit-entries.ts';
import { type AuditScope, listAuditEntries } from './list-audit-entries.ts';

const Day = Type.String({ format: 'date' });
const Filters = {
  action: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  actor: Type.Optional(Type.String({ minLength: 1, maxLength: 254 })),
  from: Type.Optional(Day),
  to: Type.Optional(Day),
};
const OrgFilterQuery = Type.Object({ ...PageQuery.properties, ...Filters }, { additionalProperties: false });
const AdminFilterQuery = Type.Object(
  { ...PageQuery.properties, ...Filters, orgId: Type.Optional(Uuid) },
  { additionalProperties: false },
);
const Format = Type.Union([Type.Literal('csv'), Type.Literal('xlsx')], { default: 'csv' });
const OrgExportQuery = Type.Object(
  { ...Filters, format: Type.Optional(Format) },
  { additionalProperties: false },
);
const AdminExportQuery = Type.Object(
  { ...Filters, orgId: Type.Optional(Uuid), format: Type.Optional(Format) },
  { additionalProperties: false },
);
const NullableString = Type.Union([Type.String(), Type.Null()]);
const AuditEntrySchema = Type.Object({
  id: Type.String(),
  at: Type.String({ format: 'date-time' }),
  orgId: NullableString,
  action: Type.String(),
  actorAccountId: NullableString,
  actorEmail: NullableString,
  actorName: NullableString,
  targetType: NullableString,
  targetId: NullableString,
  subjectAccountId: NullableString,
  ip: NullableString,
  details: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
});
const OrgParams = Type.Object({ orgId: Uuid });
const FileResponse = Type.Unknown({ description: 'Fichier CSV ou XLSX / CSV or XLSX file' });
const err = { $ref: 'Error#' };

/** The audit log view: organisation administrators see theirs, installation administrators all of it. */
export const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.deps.database.db;
  const tags = ['audit'];

  app.get(
    '/orgs/:orgId/audit',
    {
      schema: {
        tags,
        summary: 'Journal d’audit de l’organisation / Organisation audit log',
        params: OrgParams,
        querystring: OrgFilterQuery,
        response: { 200: Page(AuditEntrySchema), 400: err, 401: err, 403: err },
      },
    },
    async (request) =>
      listAuditEntries({
        db,
        auth: request.auth,
        scope: { kind: 'org', orgId: request.params.orgId },
        query: request.query,
      }),
  );
  app.get(
    '/orgs/:orgId/audit/export',
    {
      schema: {
        tags,
        summary: 'Exporter le journal d’audit / Export the audit log',
        params: OrgParams,
        querystring: OrgExportQuery,
        response: { 200: FileResponse, 400: err, 401: err, 403: err },
      },
    },
    async (request, reply) => {
      const { format = 'csv', ...filter } = request.query;
      const scope: AuditScope = { kind: 'org', orgId: request.params.orgId };
      const file = await exportAuditEntries({
        db,
        auth: request.auth,
        scope,
        filter,
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
    '/admin/audit',
    {
      schema: {
        tags,
        summary: 'Journal d’audit de l’installation / Installation audit log',
        querystring: AdminFilterQuery,
        response: { 200: Page(AuditEntrySchema), 400: err, 401: err, 403: err },
      },
    },
    async (request) =>
      listAuditEntries({ db, auth: request.auth, scope: { kind: 'installation' }, query: request.query }),
  );
  app.get(
    '/admin/audit/export',
    {
      schema: {
        tags,
        summary: 'Exporter le journal d’audit de l’installation / Export the installation audit log',
        querystring: AdminExportQuery,
        response: { 200: FileResponse, 400: err, 401: err, 403: err },
      },
    },
    async (request, reply) => {
      const { format = 'csv', ...filter } = request.query;
      const file = await exportAuditEntries({
        db,
        auth: request.auth,
        scope: { kind: 'installation' },
        filter,
        format,
        locale: request.locale,
      });
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.body);
    },
  );
};
