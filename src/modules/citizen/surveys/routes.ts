import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Ok, Uuid } from '../../../platform/http/schemas.ts';
import { exportSurveyResults, getPublicResults, getStaffResults } from './get-results.ts';
import { getPublicSurvey, getStaffSurvey, listPublicSurveys, listStaffSurveys } from './get-survey.ts';
import './messages.ts';
import { createSurvey, publishSurvey, updateSurvey } from './save-survey.ts';
import { SurveyInput, SurveyResultsSchema, SurveySchema } from './schemas.ts';
import { submitResponse } from './submit-response.ts';

const err = { $ref: 'Error#' };
const tags = ['citizen: surveys'];
const OrgParams = Type.Object({ orgId: Uuid });
const SurveyParams = Type.Object({ orgId: Uuid, id: Uuid });
const errors = { 400: err, 401: err, 403: err, 404: err, 409: err, 422: err };
const List = Type.Object({ items: Type.Array(SurveySchema) });

/** Surveys: public list, answering (once), published results; staff builder, publication, results, exports. */
export const surveyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.deps.database.db;

  app.get(
    '/orgs/:orgId/citizen/surveys',
    {
      schema: {
        tags,
        summary: 'Sondages publiés / Published surveys',
        params: OrgParams,
        response: { 200: List },
      },
    },
    async (request) => listPublicSurveys({ db, auth: request.auth, orgId: request.params.orgId }),
  );

  app.get(
    '/orgs/:orgId/citizen/surveys/:id',
    {
      schema: {
        tags,
        summary: 'Un sondage / One survey',
        params: SurveyParams,
        response: { 200: SurveySchema, 404: err },
      },
    },
    async (request) =>
      getPublicSurvey({ db, auth: request.auth, orgId: request.params.orgId, surveyId: request.params.id }),
  );

  app.put(
    '/orgs/:orgId/citizen/surveys/:id/my-response',
    {
      schema: {
        tags,
        summary: 'Répondre (une fois) / Answer (once)',
        description:
          'PUT: une réponse par personne. / One answer per person; a second one is 409 survey.already_answered.',
        params: SurveyParams,
        body: Type.Object(
          { answers: Type.Record(Type.String({ maxLength: 40 }), Type.Unknown()) },
          { additionalProperties: false },
        ),
        response: { 200: Ok, ...errors },
      },
    },
    async (request) =>
      submitResponse({
        db,
        auth: request.auth,
        orgId: request.params.orgId,
        surveyId: request.params.id,
        answers: request.body.answers,
      }),
  );

  app.get(
    '/orgs/:orgId/citizen/surveys/:id/results',
    {
      schema: {
        tags,
        summary: 'Résultats publiés / Published results',
        params: SurveyParams,
        response: { 200: SurveyResultsSchema, 404: err },
      },
    },
    async (request) => getPublicResults({ db, orgId: request.params.orgId, surveyId: request.params.id }),
  );

  app.get(
    '/orgs/:orgId/citizen/staff/surveys',
    {
      schema: {
        tags,
        summary: 'Tous les sondages (personnel) / All surveys (staff)',
        params: OrgParams,
        response: { 200: List, 401: err, 403: err },
      },
    },
    async (request) => listStaffSurveys({ db, auth: request.auth, orgId: request.params.orgId }),
  );

  app.post(
    '/orgs/:orgId/citizen/staff/surveys',
    {
      schema: {
        tags,
        summary: 'Créer un sondage / Create a survey',
        params: OrgParams,
        body: SurveyInput,
        response: { 200: SurveySchema, ...errors },
      },
    },
    async (request) =>
      createSurvey({
        db,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        input: request.body,
      }),
  );

  app.get(
    '/orgs/:orgId/citizen/staff/surveys/:id',
    {
      schema: {
        tags,
        summary: 'Un sondage (personnel) / One survey (staff)',
        params: SurveyParams,
        response: { 200: SurveySchema, ...errors },
      },
    },
    async (request) =>
      getStaffSurvey({ db, auth: request.auth, orgId: request.params.orgId, surveyId: request.params.id }),
  );

  app.put(
    '/orgs/:orgId/citizen/staff/surveys/:id',
    {
      schema: {
        tags,
        summary: 'Modifier un sondage / Update a survey',
        params: SurveyParams,
        body: SurveyInput,
        response: { 200: SurveySchema, ...errors },
      },
    },
    async (request) =>
      updateSurvey({
        db,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        surveyId: request.params.id,
        input: request.body,
      }),
  );

  app.post(
    '/orgs/:orgId/citizen/staff/surveys/:id/publication',
    {
      schema: {
        tags,
        summary: 'Publier le sondage ou ses résultats / Publish the survey or its results',
        params: SurveyParams,
        body: Type.Object(
          { what: Type.Union([Type.Literal('survey'), Type.Literal('results')]), published: Type.Boolean() },
          { additionalProperties: false },
        ),
        response: { 200: SurveySchema, ...errors },
      },
    },
    async (request) =>
      publishSurvey({
        db,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        surveyId: request.params.id,
        what: request.body.what,
        published: request.body.published,
      }),
  );

  app.get(
    '/orgs/:orgId/citizen/staff/surveys/:id/results',
    {
      schema: {
        tags,
        summary: 'Résultats en direct / Live results',
        params: SurveyParams,
        response: { 200: SurveyResultsSchema, ...errors },
      },
    },
    async (request) =>
      getStaffResults({ db, auth: request.auth, orgId: request.params.orgId, surveyId: request.params.id }),
  );

  app.get(
    '/orgs/:orgId/citizen/staff/surveys/:id/results.:format',
    {
      schema: {
        tags,
        summary: 'Exporter les réponses / Export the answers',
        params: Type.Object({
          orgId: Uuid,
          id: Uuid,
          format: Type.Union([Type.Literal('csv'), Type.Literal('xlsx')]),
        }),
        response: { 200: Type.Unknown(), ...errors },
      },
    },
    async (request, reply) => {
      const { body, fileName } = await exportSurveyResults({
        db,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        surveyId: request.params.id,
        format: request.params.format,
        locale: request.locale,
      });
      return reply
        .type(EXPORT_TYPES[request.params.format])
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .send(body);
    },
  );
};

const EXPORT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
