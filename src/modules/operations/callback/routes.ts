import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { EXPORT_FORMATS } from '../../../platform/audit/table-export.ts';
import { Page, PageQuery } from '../../../platform/http/pagination.ts';
import { Ok, Uuid } from '../../../platform/http/schemas.ts';
import { addAbsence, declareMyAvailability, removeAbsence, setAvailabilityByStaff } from './availability.ts';
import { cancelNeed } from './cancel-need.ts';
import { getEmployee, listEmployees, saveEmployee } from './employees.ts';
import { exportNeedLog } from './export-log.ts';
import { logPhoneCall } from './log-phone-call.ts';
import './messages.ts';
import { answerByToken, answerMyOffer, getMySpace, getOfferByToken } from './my-space.ts';
import { getNeed, listNeeds } from './needs.ts';
import { postNeed } from './post-need.ts';
import { callbackReport, exportCallbackReport } from './reports.ts';
import {
  AbsenceSchema,
  AccessSchema,
  AvailabilityVersionSchema,
  EmployeeFileSchema,
  EmployeeInputSchema,
  EmployeeSchema,
  MyOfferSchema,
  MySpaceSchema,
  NeedDetailSchema,
  NeedInputSchema,
  NeedStatusSchema,
  NeedSummarySchema,
  ReportSchema,
  RulesRowSchema,
  RulesSchema,
  SlotSchema,
  TokenOfferSchema,
  UnionRepSchema,
} from './schemas.ts';
import {
  addUnionRep,
  listRules,
  listUnionReps,
  myCallbackAccess,
  removeRules,
  removeUnionRep,
  saveRules,
} from './settings.ts';

const err = { $ref: 'Error#' };
const errors = { 400: err, 401: err, 403: err, 404: err, 409: err, 422: err };
const staffTags = ['operations: call-back list (staff)'];
const meTags = ['operations: call-back list (employee)'];
const OrgParams = Type.Object({ orgId: Uuid });
const IdParams = Type.Object({ orgId: Uuid, id: Uuid });
const TokenParams = Type.Object({ orgId: Uuid, token: Type.String({ minLength: 10, maxLength: 200 }) });
const Answer = Type.Object(
  { answer: Type.Union([Type.Literal('accept'), Type.Literal('refuse')]) },
  { additionalProperties: false },
);
const Period = Type.Object({
  from: Type.String({ format: 'date-time' }),
  to: Type.String({ format: 'date-time' }),
});

const staffRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;
  const db = deps.database.db;
  const ctx = { db, jobs: deps.jobs, publicUrl: deps.config.publicUrl };

  app.get(
    '/orgs/:orgId/callback/access',
    {
      schema: {
        tags: staffTags,
        summary: 'Mon accès à la liste de rappel / My access to the call-back list',
        params: OrgParams,
        response: { 200: AccessSchema },
      },
    },
    async (request) => myCallbackAccess({ db, auth: request.auth, orgId: request.params.orgId }),
  );

  app.get(
    '/orgs/:orgId/callback/employees',
    {
      schema: {
        tags: staffTags,
        summary: 'Personnes sur la liste / People on the list',
        params: OrgParams,
        querystring: Type.Object({
          ...PageQuery.properties,
          jobClass: Type.Optional(Type.String({ maxLength: 80 })),
          q: Type.Optional(Type.String({ maxLength: 100 })),
        }),
        response: { 200: Page(EmployeeSchema), 401: err, 403: err },
      },
    },
    async (request) =>
      listEmployees({ db, auth: request.auth, orgId: request.params.orgId, query: request.query }),
  );

  app.post(
    '/orgs/:orgId/callback/employees',
    {
      schema: {
        tags: staffTags,
        summary: 'Ajouter à la liste / Add to the list',
        params: OrgParams,
        body: EmployeeInputSchema,
        response: { 201: EmployeeSchema, ...errors },
      },
    },
    async (request, reply) => {
      const saved = await saveEmployee({
        db,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        input: request.body,
      });
      return reply.code(201).send(saved);
    },
  );

  app.get(
    '/orgs/:orgId/callback/employees/:id',
    {
      schema: {
        tags: staffTags,
        summary: 'Dossier d’une personne (consultation journalisée) / One person’s file (access audited)',
        params: IdParams,
        response: { 200: EmployeeFileSchema, ...errors },
      },
    },
    async (request) =>
      getEmployee({
        db,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        employeeId: request.params.id,
      }),
  );

  app.put(
    '/orgs/:orgId/callback/employees/:id',
    {
      schema: {
        tags: staffTags,
        summary: 'Modifier une personne / Change a person',
        params: IdParams,
        body: EmployeeInputSchema,
        response: { 200: EmployeeSchema, ...errors },
      },
    },
    async (request) =>
      saveEmployee({
        db,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        employeeId: request.params.id,
        input: request.body,
      }),
  );

  app.put(
    '/orgs/:orgId/callback/employees/:id/availability',
    {
      schema: {
        tags: staffTags,
        summary: 'Saisir des disponibilités / Record availabilities',
        params: IdParams,
        body: Type.Object(
          {
            slots: Type.Array(SlotSchema, { maxItems: 21 }),
            effectiveFrom: Type.Optional(Type.String({ format: 'date' })),
          },
          { additionalProperties: false },
        ),
        response: { 200: AvailabilityVersionSchema, ...errors },
      },
    },
    async (request) =>
      setAvailabilityByStaff({
        db,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        employeeId: request.params.id,
        slots: request.body.slots,
        effectiveFrom: request.body.effectiveFrom,
      }),
  );

  app.post(
    '/orgs/:orgId/callback/employees/:id/absences',
    {
      schema: {
        tags: staffTags,
        summary: 'Inscrire une absence / Record an absence',
        params: IdParams,
        body: Type.Object(
          {
            startsAt: Type.String({ format: 'date-time' }),
            endsAt: Type.String({ format: 'date-time' }),
            reason: Type.Optional(Type.String({ maxLength: 200 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: AbsenceSchema, ...errors },
      },
    },
    async (request, reply) => {
      const saved = await addAbsence({
        db,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        employeeId: request.params.id,
        input: request.body,
      });
      return reply.code(201).send(saved);
    },
  );

  app.delete(
    '/orgs/:orgId/callback/absences/:id',
    {
      schema: {
        tags: staffTags,
        summary: 'Retirer une absence / Remove an absence',
        params: IdParams,
        response: { 200: Ok, ...errors },
      },
    },
    async (request) =>
      removeAbsence({
        db,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        absenceId: request.params.id,
      }),
  );

  app.get(
    '/orgs/:orgId/callback/rules',
    {
      schema: {
        tags: staffTags,
        summary: 'Règles de la convention / Agreement rules',
        params: OrgParams,
        response: { 200: Type.Array(RulesRowSchema), 401: err, 403: err },
      },
    },
    async (request) => listRules({ db, auth: request.auth, orgId: request.params.orgId }),
  );

  app.put(
    '/orgs/:orgId/callback/rules',
    {
      schema: {
        tags: staffTags,
        summary:
          'Fixer les règles d’une classe d’emploi (vide : par défaut) / Set a job class’s rules (empty: default)',
        params: OrgParams,
        body: Type.Object(
          { jobClass: Type.String({ maxLength: 80 }), rules: RulesSchema },
          { additionalProperties: false },
        ),
        response: { 200: RulesRowSchema, ...errors },
      },
    },
    async (request) =>
      saveRules({
        db,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        jobClass: request.body.jobClass,
        rules: request.body.rules,
      }),
  );

  app.delete(
    '/orgs/:orgId/callback/rules',
    {
      schema: {
        tags: staffTags,
        summary: 'Retirer les règles propres à une classe / Remove a class’s own rules',
        params: OrgParams,
        querystring: Type.Object({ jobClass: Type.String({ minLength: 1, maxLength: 80 }) }),
        response: { 200: Ok, ...errors },
      },
    },
    async (request) =>
      removeRules({
        db,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        jobClass: request.query.jobClass,
      }),
  );

  app.get(
    '/orgs/:orgId/callback/needs',
    {
      schema: {
        tags: staffTags,
        summary: 'Tableau des besoins / Needs board',
        params: OrgParams,
        querystring: Type.Object({
          ...PageQuery.properties,
          status: Type.Optional(NeedStatusSchema),
          from: Type.Optional(Type.String({ format: 'date-time' })),
          to: Type.Optional(Type.String({ format: 'date-time' })),
        }),
        response: { 200: Page(NeedSummarySchema), 401: err, 403: err },
      },
    },
    async (request) =>
      listNeeds({ db, auth: request.auth, orgId: request.params.orgId, query: request.query }),
  );

  app.post(
    '/orgs/:orgId/callback/needs',
    {
      schema: {
        tags: staffTags,
        summary: 'Afficher un besoin (la ronde d’appels commence) / Post a need (the call round starts)',
        params: OrgParams,
        body: NeedInputSchema,
        response: { 201: NeedDetailSchema, ...errors },
      },
    },
    async (request, reply) => {
      const need = await postNeed(ctx, {
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        need: request.body,
      });
      const detail = await getNeed({ db, auth: request.auth, orgId: request.params.orgId, needId: need.id });
      return reply.code(201).send(detail);
    },
  );

  app.get(
    '/orgs/:orgId/callback/needs/:id',
    {
      schema: {
        tags: staffTags,
        summary: 'Un besoin, sa ronde et son journal / One need, its round and its log',
        params: IdParams,
        response: { 200: NeedDetailSchema, ...errors },
      },
    },
    async (request) =>
      getNeed({ db, auth: request.auth, orgId: request.params.orgId, needId: request.params.id }),
  );

  app.post(
    '/orgs/:orgId/callback/needs/:id/cancel',
    {
      schema: {
        tags: staffTags,
        summary: 'Annuler un besoin / Cancel a need',
        params: IdParams,
        body: Type.Object({ reason: Type.String({ maxLength: 500 }) }, { additionalProperties: false }),
        response: { 200: Ok, ...errors },
      },
    },
    async (request) =>
      cancelNeed(ctx, {
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        needId: request.params.id,
        reason: request.body.reason,
      }),
  );

  app.get(
    '/orgs/:orgId/callback/needs/:id/log.:format',
    {
      schema: {
        tags: staffTags,
        summary: 'Exporter le journal (CSV, XLSX, PDF) / Export the log (CSV, XLSX, PDF)',
        params: Type.Object({
          orgId: Uuid,
          id: Uuid,
          format: Type.Union([Type.Literal('csv'), Type.Literal('xlsx'), Type.Literal('pdf')]),
        }),
        response: { 401: err, 403: err, 404: err },
      },
    },
    async (request, reply) => {
      const { name, body } = await exportNeedLog({
        db,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        needId: request.params.id,
        locale: request.locale,
        format: request.params.format,
      });
      const format = request.params.format;
      const type = format === 'pdf' ? 'application/pdf' : EXPORT_FORMATS[format].type;
      return reply
        .type(type)
        .header('content-disposition', `attachment; filename="${name}.${format}"`)
        .send(body);
    },
  );

  app.post(
    '/orgs/:orgId/callback/offers/:id/calls',
    {
      schema: {
        tags: staffTags,
        summary: 'Consigner un appel téléphonique / Log a phone call',
        params: IdParams,
        body: Type.Object(
          {
            outcome: Type.Union([
              Type.Literal('accepted'),
              Type.Literal('refused'),
              Type.Literal('no_answer'),
              Type.Literal('message_left'),
            ]),
            note: Type.Optional(Type.String({ maxLength: 1000 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ id: Type.String(), status: Type.String() }), ...errors },
      },
    },
    async (request) =>
      logPhoneCall(ctx, {
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        offerId: request.params.id,
        outcome: request.body.outcome,
        note: request.body.note,
      }),
  );

  app.get(
    '/orgs/:orgId/callback/reports',
    {
      schema: {
        tags: staffTags,
        summary: 'Rapport : heures, refus, délai pour combler / Report: hours, refusals, time to fill',
        params: OrgParams,
        querystring: Period,
        response: { 200: ReportSchema, ...errors },
      },
    },
    async (request) =>
      callbackReport({ db, auth: request.auth, orgId: request.params.orgId, ...request.query }),
  );

  app.get(
    '/orgs/:orgId/callback/reports/export.:format',
    {
      schema: {
        tags: staffTags,
        summary: 'Exporter le rapport par personne / Export the per-person report',
        params: Type.Object({ orgId: Uuid, format: Type.Union([Type.Literal('csv'), Type.Literal('xlsx')]) }),
        querystring: Period,
        response: { 401: err, 403: err },
      },
    },
    async (request, reply) => {
      const body = await exportCallbackReport({
        db,
        auth: request.auth,
        orgId: request.params.orgId,
        ...request.query,
        locale: request.locale,
        format: request.params.format,
      });
      const format = EXPORT_FORMATS[request.params.format];
      return reply
        .type(format.type)
        .header('content-disposition', `attachment; filename="rappel-rapport.${format.extension}"`)
        .send(body);
    },
  );

  app.get(
    '/orgs/:orgId/callback/union-reps',
    {
      schema: {
        tags: staffTags,
        summary: 'Représentants syndicaux / Union representatives',
        params: OrgParams,
        response: { 200: Type.Array(UnionRepSchema), 401: err, 403: err },
      },
    },
    async (request) => listUnionReps({ db, auth: request.auth, orgId: request.params.orgId }),
  );

  app.post(
    '/orgs/:orgId/callback/union-reps',
    {
      schema: {
        tags: staffTags,
        summary: 'Désigner un représentant syndical / Designate a union representative',
        params: OrgParams,
        body: Type.Object(
          { email: Type.String({ format: 'email', maxLength: 254 }), union: Type.String({ maxLength: 120 }) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Array(UnionRepSchema), ...errors },
      },
    },
    async (request) =>
      addUnionRep({ db, auth: request.auth, ip: request.ip, orgId: request.params.orgId, ...request.body }),
  );

  app.delete(
    '/orgs/:orgId/callback/union-reps/:id',
    {
      schema: {
        tags: staffTags,
        summary: 'Retirer un représentant / Remove a representative',
        params: IdParams,
        response: { 200: Ok, ...errors },
      },
    },
    async (request) =>
      removeUnionRep({
        db,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        repId: request.params.id,
      }),
  );
};

const employeeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;
  const db = deps.database.db;
  const ctx = { db, jobs: deps.jobs, publicUrl: deps.config.publicUrl };

  app.get(
    '/orgs/:orgId/callback/me',
    {
      schema: {
        tags: meTags,
        summary:
          'Mon espace : rang, heures, disponibilités, offres / My space: rank, hours, availabilities, offers',
        params: OrgParams,
        response: { 200: MySpaceSchema, 401: err, 404: err },
      },
    },
    async (request) => getMySpace({ db, auth: request.auth, orgId: request.params.orgId }),
  );

  app.put(
    '/orgs/:orgId/callback/me/availability',
    {
      schema: {
        tags: meTags,
        summary: 'Déclarer mes disponibilités / Declare my availabilities',
        params: OrgParams,
        body: Type.Object(
          { slots: Type.Array(SlotSchema, { maxItems: 21 }) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            effectiveFrom: Type.String(),
            slots: Type.Array(Type.String()),
            declaredAt: Type.String(),
          }),
          ...errors,
        },
      },
    },
    async (request) =>
      declareMyAvailability({
        db,
        auth: request.auth,
        orgId: request.params.orgId,
        slots: request.body.slots,
      }),
  );

  app.post(
    '/orgs/:orgId/callback/me/offers/:id/answer',
    {
      schema: {
        tags: meTags,
        summary: 'Répondre à une offre / Answer an offer',
        params: IdParams,
        body: Answer,
        response: { 200: MyOfferSchema, ...errors },
      },
    },
    async (request) =>
      answerMyOffer(ctx, {
        auth: request.auth,
        orgId: request.params.orgId,
        offerId: request.params.id,
        answer: request.body.answer,
      }),
  );

  app.get(
    '/orgs/:orgId/callback/offer-links/:token',
    {
      schema: {
        tags: meTags,
        summary: 'Offre d’un lien à un toucher / Offer of a one-tap link',
        params: TokenParams,
        response: { 200: TokenOfferSchema, ...errors },
      },
    },
    async (request) => getOfferByToken({ db, orgId: request.params.orgId, token: request.params.token }),
  );

  app.post(
    '/orgs/:orgId/callback/offer-links/:token/answer',
    {
      schema: {
        tags: meTags,
        summary: 'Répondre par le lien / Answer through the link',
        params: TokenParams,
        body: Answer,
        response: { 200: TokenOfferSchema, ...errors },
      },
    },
    async (request) =>
      answerByToken(ctx, {
        orgId: request.params.orgId,
        token: request.params.token,
        answer: request.body.answer,
      }),
  );
};

/** The call-back list (liste de rappel): staff, union representatives and employees (under /api). */
export const callbackRoutes: FastifyPluginAsync = async (app) => {
  await app.register(staffRoutes, { prefix: '/api' });
  await app.register(employeeRoutes, { prefix: '/api' });
};
