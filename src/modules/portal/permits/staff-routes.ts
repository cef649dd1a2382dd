import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { EXPORT_FORMATS } from '../../../platform/audit/table-export.ts';
import { Page, PageQuery } from '../../../platform/http/pagination.ts';
import { Uuid } from '../../../platform/http/schemas.ts';
import { actOnApplication } from './act-on-application.ts';
import { exportApplications } from './export-applications.ts';
import { getApplicationForStaff } from './get-application-for-staff.ts';
import { listApplications } from './list-applications.ts';
import { listStaffPermitTypes } from './list-staff-permit-types.ts';
import './messages.ts';
import { permitDashboard } from './permit-dashboard.ts';
import { savePermitType } from './save-permit-type.ts';
import {
  DashboardSchema,
  literals,
  PermitTypeInputSchema,
  StaffListItem,
  StaffPermitTypeSchema,
  Status,
} from './schemas.ts';

const err = { $ref: 'Error#' };
const tags = ['portal: permits (staff)'];
const OrgParams = Type.Object({ orgId: Uuid });
const AppParams = Type.Object({ orgId: Uuid, id: Uuid });
const Filters = Type.Object({
  status: Type.Optional(Status),
  typeCode: Type.Optional(Type.String({ maxLength: 60 })),
  q: Type.Optional(Type.String({ maxLength: 100 })),
});

/** Staff handling of permit files: list and export, one file, actions, dashboard, permit types. */
export const permitStaffRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;
  const db = deps.database.db;

  app.get(
    '/orgs/:orgId/portal/permits/staff/applications',
    {
      schema: {
        tags,
        summary: 'Dossiers de permis / Permit files',
        params: OrgParams,
        querystring: Type.Object({ ...PageQuery.properties, ...Filters.properties }),
        response: { 200: Page(StaffListItem), 401: err, 403: err },
      },
    },
    async (request) =>
      listApplications({ db, auth: request.auth, orgId: request.params.orgId, query: request.query }),
  );

  app.get(
    '/orgs/:orgId/portal/permits/staff/applications/export.:format',
    {
      schema: {
        tags,
        summary: 'Exporter les dossiers (CSV, XLSX) / Export the files (CSV, XLSX)',
        params: Type.Object({ orgId: Uuid, format: Type.Union([Type.Literal('csv'), Type.Literal('xlsx')]) }),
        querystring: Filters,
        response: { 401: err, 403: err },
      },
    },
    async (request, reply) => {
      const body = await exportApplications({
        db,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        locale: request.locale,
        format: request.params.format,
        filters: request.query,
      });
      const format = EXPORT_FORMATS[request.params.format];
      return reply
        .type(format.type)
        .header('content-disposition', `attachment; filename="permis-permits.${format.extension}"`)
        .send(body);
    },
  );

  app.get(
    '/orgs/:orgId/portal/permits/staff/applications/:id',
    {
      schema: {
        tags,
        summary: 'Un dossier (consultation journalisée) / One file (access audited)',
        params: AppParams,
        response: { 200: Type.Ref('PermitApplication'), 401: err, 403: err, 404: err },
      },
    },
    async (request) =>
      getApplicationForStaff({
        db,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        applicationId: request.params.id,
      }),
  );

  app.post(
    '/orgs/:orgId/portal/permits/staff/applications/:id/actions',
    {
      schema: {
        tags,
        summary: 'Faire avancer un dossier / Move a file forward',
        params: AppParams,
        body: Type.Object(
          {
            action: literals([
              'mark_complete',
              'request_info',
              'schedule_inspection',
              'approve',
              'refuse',
              'schedule_final_inspection',
              'close',
            ]),
            message: Type.Optional(Type.String({ maxLength: 4000 })),
            conditions: Type.Optional(Type.String({ maxLength: 4000 })),
            reason: Type.Optional(Type.String({ maxLength: 4000 })),
            scheduledAt: Type.Optional(Type.String({ format: 'date-time' })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Ref('PermitApplication'),
          400: err,
          401: err,
          403: err,
          404: err,
          409: err,
          422: err,
        },
      },
    },
    async (request) =>
      actOnApplication({
        db,
        jobs: deps.jobs,
        publicUrl: deps.config.publicUrl,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        applicationId: request.params.id,
        input: request.body,
      }),
  );

  app.get(
    '/orgs/:orgId/portal/permits/staff/dashboard',
    {
      schema: {
        tags,
        summary: 'Tableau de bord des permis / Permit dashboard',
        params: OrgParams,
        response: { 200: DashboardSchema, 401: err, 403: err },
      },
    },
    async (request) => permitDashboard({ db, auth: request.auth, orgId: request.params.orgId }),
  );

  app.get(
    '/orgs/:orgId/portal/permits/staff/types',
    {
      schema: {
        tags,
        summary: 'Types de permis à modifier / Permit types to edit',
        params: OrgParams,
        response: { 200: Type.Object({ items: Type.Array(StaffPermitTypeSchema) }), 401: err, 403: err },
      },
    },
    async (request) => listStaffPermitTypes({ db, auth: request.auth, orgId: request.params.orgId }),
  );

  app.put(
    '/orgs/:orgId/portal/permits/staff/types/:code',
    {
      schema: {
        tags,
        summary: 'Créer ou modifier un type de permis / Create or change a permit type',
        params: Type.Object({
          orgId: Uuid,
          code: Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 60 }),
        }),
        body: PermitTypeInputSchema,
        response: { 200: StaffPermitTypeSchema, 400: err, 401: err, 403: err, 422: err },
      },
    },
    async (request) =>
      savePermitType({
        db,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        locale: request.locale,
        input: { ...request.body, code: request.params.code } as Parameters<
          typeof savePermitType
        >[0]['input'],
      }),
  );
};
