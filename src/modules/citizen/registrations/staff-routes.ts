import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Page, PageQuery } from '../../../platform/http/pagination.ts';
import { Uuid } from '../../../platform/http/schemas.ts';
import { cancelRegistration } from './cancel-registration.ts';
import { exportAttendance } from './export-attendance.ts';
import { exportReport } from './export-report.ts';
import { listActivityRegistrations } from './list-activity-registrations.ts';
import { listStaffActivities } from './list-staff-activities.ts';
import { recreationReport } from './recreation-report.ts';
import { findHousehold, registerAtCounter } from './register-at-counter.ts';
import {
  CounterBody,
  ExportQuery,
  HouseholdLookupSchema,
  RegistrationStatusSchema,
  ReportSchema,
  StaffActivityRowSchema,
} from './schemas.ts';

const err = { $ref: 'Error#' };
const OrgParams = Type.Object({ orgId: Uuid });
const ActivityParams = Type.Object({ orgId: Uuid, activityId: Uuid });
const StatusQuery = Type.Object({
  status: Type.Optional(Type.Array(RegistrationStatusSchema, { maxItems: 8 })),
});
const File = Type.Unknown({ description: 'CSV / XLSX' });

/** Recreation staff: activity dashboards, attendance lists and waitlists, counter registrations, reports. */
export const staffRegistrationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { database, jobs, config } = app.deps;
  const db = database.db;
  const tags = ['citizen: recreation staff'];

  app.get(
    '/citizen/orgs/:orgId/staff/activities',
    {
      schema: {
        tags,
        summary: 'Activités avec taux de remplissage / Activities with fill rates',
        params: OrgParams,
        querystring: Type.Intersect([PageQuery, Type.Object({ seasonId: Type.Optional(Uuid) })]),
        response: { 200: Page(StaffActivityRowSchema), 400: err, 401: err, 403: err },
      },
    },
    async (request) => {
      const { seasonId, ...page } = request.query;
      return listStaffActivities({ db, auth: request.auth, orgId: request.params.orgId, seasonId, page });
    },
  );

  app.get(
    '/citizen/orgs/:orgId/staff/activities/export',
    {
      schema: {
        tags,
        summary: 'Exporter les activités / Export activities',
        params: OrgParams,
        querystring: Type.Intersect([ExportQuery, Type.Object({ seasonId: Type.Optional(Uuid) })]),
        response: { 200: File, 401: err, 403: err },
      },
    },
    async (request, reply) => {
      const file = await exportReport({
        db,
        auth: request.auth,
        orgId: request.params.orgId,
        seasonId: request.query.seasonId,
        table: 'activities',
        format: request.query.format ?? 'csv',
        locale: request.locale,
      });
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.body);
    },
  );

  app.get(
    '/citizen/orgs/:orgId/staff/activities/:activityId/registrations',
    {
      schema: {
        tags,
        summary: 'Liste de présences, liste d’attente / Attendance list, waitlist',
        params: ActivityParams,
        querystring: Type.Intersect([PageQuery, StatusQuery]),
        response: {
          200: Type.Object({
            items: Type.Array(Type.Ref('CitizenStaffRegistration')),
            page: Type.Integer(),
            perPage: Type.Integer(),
            total: Type.Integer(),
            activity: Type.Object({
              code: Type.String(),
              title: Type.Object({ fr: Type.String(), en: Type.String() }),
            }),
          }),
          400: err,
          401: err,
          403: err,
          404: err,
        },
      },
    },
    async (request) => {
      const { status, ...page } = request.query;
      return listActivityRegistrations({
        db,
        auth: request.auth,
        ip: request.ip,
        ...request.params,
        statuses: status ?? [],
        page,
      });
    },
  );

  app.get(
    '/citizen/orgs/:orgId/staff/activities/:activityId/registrations/export',
    {
      schema: {
        tags,
        summary: 'Exporter la liste de présences / Export the attendance list',
        params: ActivityParams,
        querystring: Type.Intersect([ExportQuery, StatusQuery]),
        response: { 200: File, 401: err, 403: err, 404: err },
      },
    },
    async (request, reply) => {
      const file = await exportAttendance({
        db,
        auth: request.auth,
        ip: request.ip,
        ...request.params,
        statuses: request.query.status ?? ['confirmed'],
        format: request.query.format ?? 'csv',
        locale: request.locale,
      });
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.body);
    },
  );

  app.post(
    '/citizen/orgs/:orgId/staff/household-lookup',
    {
      schema: {
        tags,
        summary: 'Trouver un ménage (carte ou courriel) / Find a household (card or e-mail)',
        params: OrgParams,
        body: Type.Object(
          {
            cardNumber: Type.Optional(Type.String({ maxLength: 40 })),
            email: Type.Optional(Type.String({ maxLength: 254 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: HouseholdLookupSchema, 400: err, 401: err, 403: err, 404: err },
      },
    },
    async (request) =>
      findHousehold({
        db,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        input: request.body,
      }),
  );

  app.post(
    '/citizen/orgs/:orgId/staff/registrations',
    {
      schema: {
        tags,
        summary: 'Inscrire au comptoir ou par téléphone / Register at the counter or by phone',
        description: 'Accepte Idempotency-Key. / Accepts Idempotency-Key.',
        params: OrgParams,
        body: CounterBody,
        response: {
          201: Type.Ref('CitizenCheckoutResult'),
          400: err,
          401: err,
          403: err,
          404: err,
          409: err,
          422: err,
        },
      },
    },
    async (request, reply) => {
      const result = await registerAtCounter({
        db,
        jobs,
        stripeConfig: config.stripe,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        locale: request.locale,
        input: request.body,
      });
      return reply.status(201).send(result);
    },
  );

  app.post(
    '/citizen/orgs/:orgId/staff/registrations/:registrationId/cancel',
    {
      schema: {
        tags,
        summary: 'Annuler une inscription (et rembourser) / Cancel a registration (and refund)',
        params: Type.Object({ orgId: Uuid, registrationId: Uuid }),
        body: Type.Object({ refund: Type.Boolean() }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            registrations: Type.Array(Type.Ref('CitizenRegistration')),
            refundCents: Type.Integer(),
            refunded: Type.Boolean(),
          }),
          401: err,
          403: err,
          404: err,
          409: err,
          422: err,
        },
      },
    },
    async (request) =>
      cancelRegistration({
        db,
        jobs,
        stripeConfig: config.stripe,
        auth: request.auth,
        ip: request.ip,
        locale: request.locale,
        ...request.params,
        staff: { refund: request.body.refund },
      }),
  );

  app.get(
    '/citizen/orgs/:orgId/staff/reports',
    {
      schema: {
        tags,
        summary:
          'Remplissage, listes d’attente, revenus par activité, âge et ville / Fill, waitlists, revenue by activity, age and town',
        params: OrgParams,
        querystring: Type.Object({ seasonId: Type.Optional(Uuid) }),
        response: { 200: ReportSchema, 401: err, 403: err },
      },
    },
    async (request) =>
      recreationReport({
        db,
        auth: request.auth,
        orgId: request.params.orgId,
        seasonId: request.query.seasonId,
      }),
  );

  app.get(
    '/citizen/orgs/:orgId/staff/reports/export',
    {
      schema: {
        tags,
        summary: 'Exporter un tableau du rapport / Export a report table',
        params: OrgParams,
        querystring: Type.Intersect([
          ExportQuery,
          Type.Object({
            seasonId: Type.Optional(Uuid),
            table: Type.Union([Type.Literal('activities'), Type.Literal('ages'), Type.Literal('towns')]),
          }),
        ]),
        response: { 200: File, 401: err, 403: err },
      },
    },
    async (request, reply) => {
      const file = await exportReport({
        db,
        auth: request.auth,
        orgId: request.params.orgId,
        seasonId: request.query.seasonId,
        table: request.query.table,
        format: request.query.format ?? 'csv',
        locale: request.locale,
      });
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.body);
    },
  );
};
