import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Ok, Uuid } from '../../../platform/http/schemas.ts';
import { closingReport, exportContributions } from './closing-report.ts';
import { addMeeting, saveConsultation, setConsultationState } from './manage-consultation.ts';
import './messages.ts';
import { moderate, moderationQueue } from './moderation.ts';
import { MODERATION_REASONS } from './policy.ts';
import { cancelMeetingRegistration, contribute, follow, registerForMeeting, support } from './take-part.ts';
import { getConsultation, listConsultations, listStaffConsultations } from './view-consultation.ts';

const err = { $ref: 'Error#' };
const tags = ['citizen: consultations'];
const OrgParams = Type.Object({ orgId: Uuid });
const IdParams = Type.Object({ orgId: Uuid, id: Uuid });
const errors = { 400: err, 401: err, 403: err, 404: err, 409: err, 422: err };
const Bi = (max: number, min = 0) =>
  Type.Object(
    {
      fr: Type.String({ minLength: min, maxLength: max }),
      en: Type.String({ minLength: min, maxLength: max }),
    },
    { additionalProperties: false },
  );
const BiOut = Type.Object({ fr: Type.String(), en: Type.String() });
const Day = Type.String({ format: 'date' });
const Consultation = Type.Object({
  id: Uuid,
  title: BiOut,
  context: BiOut,
  documents: Type.Array(Type.Object({ title: BiOut, url: Type.String() })),
  phases: Type.Array(
    Type.Object({ title: BiOut, startsOn: Type.String(), endsOn: Type.String(), current: Type.Boolean() }),
  ),
  surveyId: Type.Union([Uuid, Type.Null()]),
  state: Type.Unsafe<'draft' | 'open' | 'closed'>(Type.String({ enum: ['draft', 'open', 'closed'] })),
  publishedAt: Type.Union([Type.String(), Type.Null()]),
  closedAt: Type.Union([Type.String(), Type.Null()]),
  closingSummary: Type.Union([BiOut, Type.Null()]),
});
const Page = Type.Intersect([
  Consultation,
  Type.Object({
    moderationPolicy: BiOut,
    following: Type.Boolean(),
    meetings: Type.Array(
      Type.Object({
        id: Uuid,
        title: BiOut,
        place: Type.String(),
        startsAt: Type.String(),
        capacity: Type.Integer(),
        seatsLeft: Type.Integer(),
        registered: Type.Boolean(),
      }),
    ),
    contributions: Type.Array(
      Type.Object({
        id: Uuid,
        kind: Type.String(),
        parentId: Type.Union([Uuid, Type.Null()]),
        authorName: Type.String(),
        title: Type.Union([Type.String(), Type.Null()]),
        body: Type.String(),
        hidden: Type.Boolean(),
        moderationReason: Type.Union([Type.String(), Type.Null()]),
        supports: Type.Integer(),
        supported: Type.Boolean(),
        createdAt: Type.String(),
      }),
    ),
  }),
]);
const Input = Type.Object(
  {
    title: Bi(200, 1),
    context: Bi(20_000, 1),
    documents: Type.Array(
      Type.Object(
        { title: Bi(200, 1), url: Type.String({ format: 'uri', maxLength: 1000 }) },
        { additionalProperties: false },
      ),
      { maxItems: 30 },
    ),
    phases: Type.Array(
      Type.Object({ title: Bi(200, 1), startsOn: Day, endsOn: Day }, { additionalProperties: false }),
      { maxItems: 12 },
    ),
    surveyId: Type.Optional(Type.Union([Uuid, Type.Null()])),
  },
  { additionalProperties: false },
);

/** Public consultations: the page, taking part, meetings; staff file, meetings, moderation, closing report. */
export const consultationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;
  const db = deps.database.db;
  const jobs = deps.jobs;
  const publicUrl = deps.config.publicUrl;

  app.get(
    '/orgs/:orgId/citizen/consultations',
    {
      schema: {
        tags,
        summary: 'Consultations publiques / Public consultations',
        params: OrgParams,
        response: { 200: Type.Object({ items: Type.Array(Consultation) }) },
      },
    },
    async (request) => listConsultations({ db, orgId: request.params.orgId }),
  );
  app.get(
    '/orgs/:orgId/citizen/consultations/:id',
    {
      schema: {
        tags,
        summary: 'Une consultation / One consultation',
        params: IdParams,
        response: { 200: Page, 404: err },
      },
    },
    async (request) =>
      getConsultation({
        db,
        auth: request.auth,
        orgId: request.params.orgId,
        consultationId: request.params.id,
      }),
  );
  app.post(
    '/orgs/:orgId/citizen/consultations/:id/contributions',
    {
      schema: {
        tags,
        summary: 'Commenter, répondre ou proposer / Comment, reply or propose',
        params: IdParams,
        body: Type.Object(
          {
            kind: Type.Union([Type.Literal('comment'), Type.Literal('proposal')]),
            body: Type.String({ minLength: 1, maxLength: 5000 }),
            title: Type.Optional(Type.String({ maxLength: 200 })),
            parentId: Type.Optional(Uuid),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ id: Uuid }), ...errors },
      },
    },
    async (request) =>
      contribute({
        db,
        auth: request.auth,
        orgId: request.params.orgId,
        consultationId: request.params.id,
        input: request.body,
      }),
  );
  app.post(
    '/orgs/:orgId/citizen/consultation-contributions/:id/support',
    {
      schema: {
        tags,
        summary: 'Appuyer une proposition / Support a proposal',
        params: IdParams,
        response: { 200: Type.Object({ supports: Type.Integer() }), ...errors },
      },
    },
    async (request) =>
      support({ db, auth: request.auth, orgId: request.params.orgId, contributionId: request.params.id }),
  );
  app.put(
    '/orgs/:orgId/citizen/consultations/:id/following',
    {
      schema: {
        tags,
        summary: 'Suivre la consultation / Follow the consultation',
        params: IdParams,
        body: Type.Object({ following: Type.Boolean() }, { additionalProperties: false }),
        response: { 200: Type.Object({ following: Type.Boolean() }), ...errors },
      },
    },
    async (request) =>
      follow({
        db,
        auth: request.auth,
        orgId: request.params.orgId,
        consultationId: request.params.id,
        following: request.body.following,
      }),
  );
  app.post(
    '/orgs/:orgId/citizen/consultation-meetings/:id/registration',
    {
      schema: {
        tags,
        summary: 'S’inscrire à une rencontre / Register for a meeting',
        params: IdParams,
        response: { 200: Type.Object({ seatsLeft: Type.Integer() }), ...errors },
      },
    },
    async (request) =>
      registerForMeeting({
        db,
        auth: request.auth,
        orgId: request.params.orgId,
        meetingId: request.params.id,
      }),
  );
  app.delete(
    '/orgs/:orgId/citizen/consultation-meetings/:id/registration',
    {
      schema: {
        tags,
        summary: 'Annuler mon inscription / Cancel my registration',
        params: IdParams,
        response: { 200: Ok, ...errors },
      },
    },
    async (request) =>
      cancelMeetingRegistration({
        db,
        auth: request.auth,
        orgId: request.params.orgId,
        meetingId: request.params.id,
      }),
  );

  app.get(
    '/orgs/:orgId/citizen/staff/consultations',
    {
      schema: {
        tags,
        summary: 'Consultations, brouillons compris (personnel) / Consultations with drafts (staff)',
        params: OrgParams,
        response: { 200: Type.Object({ items: Type.Array(Consultation) }), ...errors },
      },
    },
    async (request) => listStaffConsultations({ db, auth: request.auth, orgId: request.params.orgId }),
  );
  app.post(
    '/orgs/:orgId/citizen/staff/consultations',
    {
      schema: {
        tags,
        summary: 'Créer une consultation / Create a consultation',
        params: OrgParams,
        body: Input,
        response: { 200: Consultation, ...errors },
      },
    },
    async (request) =>
      saveConsultation({
        db,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        input: request.body,
      }),
  );
  app.put(
    '/orgs/:orgId/citizen/staff/consultations/:id',
    {
      schema: {
        tags,
        summary: 'Modifier une consultation / Update a consultation',
        params: IdParams,
        body: Input,
        response: { 200: Consultation, ...errors },
      },
    },
    async (request) =>
      saveConsultation({
        db,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        consultationId: request.params.id,
        input: request.body,
      }),
  );
  app.post(
    '/orgs/:orgId/citizen/staff/consultations/:id/state',
    {
      schema: {
        tags,
        summary: 'Publier ou clore (avec bilan) / Publish or close (with summary)',
        params: IdParams,
        body: Type.Object(
          {
            action: Type.Union([Type.Literal('publish'), Type.Literal('close')]),
            summary: Type.Optional(Bi(20_000)),
          },
          { additionalProperties: false },
        ),
        response: { 200: Consultation, ...errors },
      },
    },
    async (request) =>
      setConsultationState({
        db,
        jobs,
        publicUrl,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        consultationId: request.params.id,
        action: request.body.action,
        summary: request.body.summary,
      }),
  );
  app.post(
    '/orgs/:orgId/citizen/staff/consultations/:id/meetings',
    {
      schema: {
        tags,
        summary: 'Ajouter une rencontre publique / Add a public meeting',
        params: IdParams,
        body: Type.Object(
          {
            title: Bi(200, 1),
            place: Type.String({ minLength: 1, maxLength: 300 }),
            startsAt: Type.String({ format: 'date-time' }),
            capacity: Type.Integer({ minimum: 1, maximum: 10_000 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ id: Uuid }), ...errors },
      },
    },
    async (request) =>
      addMeeting({
        db,
        jobs,
        publicUrl,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        consultationId: request.params.id,
        input: request.body,
      }),
  );
  app.get(
    '/orgs/:orgId/citizen/staff/consultation-moderation',
    {
      schema: {
        tags,
        summary: 'File de modération / Moderation queue',
        params: OrgParams,
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Uuid,
                consultationId: Uuid,
                kind: Type.String(),
                authorName: Type.String(),
                title: Type.Union([Type.String(), Type.Null()]),
                body: Type.String(),
                createdAt: Type.String(),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (request) => moderationQueue({ db, auth: request.auth, orgId: request.params.orgId }),
  );
  app.post(
    '/orgs/:orgId/citizen/staff/consultation-contributions/:id/moderation',
    {
      schema: {
        tags,
        summary: 'Garder ou retirer une contribution / Keep or hide a contribution',
        params: IdParams,
        body: Type.Object(
          {
            decision: Type.Union([Type.Literal('keep'), Type.Literal('hide')]),
            reason: Type.Optional(
              Type.Unsafe<(typeof MODERATION_REASONS)[number]>(
                Type.String({ enum: [...MODERATION_REASONS] }),
              ),
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            id: Uuid,
            status: Type.String(),
            moderationReason: Type.Union([Type.String(), Type.Null()]),
          }),
          ...errors,
        },
      },
    },
    async (request) =>
      moderate({
        db,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        contributionId: request.params.id,
        decision: request.body.decision,
        reason: request.body.reason,
      }),
  );
  app.get(
    '/orgs/:orgId/citizen/staff/consultations/:id/report',
    {
      schema: {
        tags,
        summary: 'Bilan de clôture / Closing report',
        params: IdParams,
        response: {
          200: Type.Object({
            title: BiOut,
            summary: Type.Union([BiOut, Type.Null()]),
            contributions: Type.Integer(),
            contributors: Type.Integer(),
            supports: Type.Integer(),
            followers: Type.Integer(),
            meetings: Type.Integer(),
            meetingSeatsTaken: Type.Integer(),
            comments: Type.Integer(),
            hidden: Type.Integer(),
            proposals: Type.Array(Type.Object({ id: Uuid, title: Type.String(), supports: Type.Integer() })),
          }),
          ...errors,
        },
      },
    },
    async (request) =>
      closingReport({
        db,
        auth: request.auth,
        orgId: request.params.orgId,
        consultationId: request.params.id,
      }),
  );
  app.get(
    '/orgs/:orgId/citizen/staff/consultations/:id/contributions.:format',
    {
      schema: {
        tags,
        summary: 'Exporter les contributions / Export the contributions',
        params: Type.Object({
          orgId: Uuid,
          id: Uuid,
          format: Type.Union([Type.Literal('csv'), Type.Literal('xlsx')]),
        }),
        response: { 200: Type.Unknown(), ...errors },
      },
    },
    async (request, reply) => {
      const { body, fileName } = await exportContributions({
        db,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        consultationId: request.params.id,
        format: request.params.format,
        locale: request.locale,
      });
      return reply
        .type(
          request.params.format === 'csv'
            ? 'text/csv; charset=utf-8'
            : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        )
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .send(body);
    },
  );
};
