import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Page } from '../../../platform/http/pagination.ts';
import { LocaleSchema, Uuid } from '../../../platform/http/schemas.ts';
import { activityCalendar } from './activity-calendar.ts';
import { getActivity, getStaffActivity } from './get-activity.ts';
import { listCatalogue } from './list-catalogue.ts';
import { listSeasons } from './list-seasons.ts';
import './messages.ts';
import { saveActivity } from './save-activity.ts';
import { saveSeason } from './save-season.ts';
import { ActivityBody, ActivitySchema, CatalogueQuery, SeasonBody, SeasonSchema } from './schemas.ts';

const err = { $ref: 'Error#' };
const OrgParams = Type.Object({ orgId: Uuid });
const ActivityParams = Type.Object({ orgId: Uuid, activityId: Uuid });
const SeasonParams = Type.Object({ orgId: Uuid, seasonId: Uuid });

/** Seasons and activities: the public catalogue and calendar files, and what staff manage. */
export const activityRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addSchema(SeasonSchema);
  app.addSchema(ActivitySchema);
  const { database, config, jobs } = app.deps;
  const db = database.db;
  const tags = ['citizen: activities'];

  app.get(
    '/citizen/orgs/:orgId/seasons',
    {
      schema: {
        tags,
        summary: 'Saisons / Seasons',
        params: OrgParams,
        response: { 200: Type.Array(Type.Ref('CitizenSeason')), 404: err },
      },
    },
    async (request) => listSeasons({ db, orgId: request.params.orgId }),
  );

  app.get(
    '/citizen/orgs/:orgId/catalogue',
    {
      schema: {
        tags,
        summary: 'Catalogue des activités (ville et partenaires) / Activity catalogue (town and partners)',
        params: OrgParams,
        querystring: CatalogueQuery,
        response: { 200: Page(Type.Ref('CitizenActivity')), 400: err, 404: err },
      },
    },
    async (request) => {
      const { page, perPage, ...filter } = request.query;
      return listCatalogue({ db, orgId: request.params.orgId, filter, page: { page, perPage } });
    },
  );

  app.get(
    '/citizen/orgs/:orgId/activities/:activityId',
    {
      schema: {
        tags,
        summary: 'Une activité / One activity',
        params: ActivityParams,
        response: { 200: Type.Ref('CitizenActivity'), 404: err },
      },
    },
    async (request) => getActivity({ db, ...request.params }),
  );

  app.get(
    '/citizen/orgs/:orgId/activities/:activityId/calendar.ics',
    {
      schema: {
        tags,
        summary: 'Calendrier iCalendar de l’activité / Activity iCalendar file',
        params: ActivityParams,
        querystring: Type.Object({ lang: Type.Optional(LocaleSchema) }),
        response: { 200: Type.String({ description: 'text/calendar' }), 404: err },
      },
    },
    async (request, reply) => {
      const file = await activityCalendar({
        db,
        ...request.params,
        locale: request.query.lang ?? request.locale,
        publicUrl: config.publicUrl,
      });
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.body);
    },
  );

  app.post(
    '/citizen/orgs/:orgId/staff/seasons',
    {
      schema: {
        tags,
        summary: 'Créer une saison / Create a season',
        params: OrgParams,
        body: SeasonBody,
        response: { 201: Type.Ref('CitizenSeason'), 400: err, 401: err, 403: err, 422: err },
      },
    },
    async (request, reply) => {
      const season = await saveSeason({
        db,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        input: request.body,
      });
      return reply.status(201).send(season);
    },
  );

  app.put(
    '/citizen/orgs/:orgId/staff/seasons/:seasonId',
    {
      schema: {
        tags,
        summary: 'Modifier une saison / Change a season',
        params: SeasonParams,
        body: SeasonBody,
        response: { 200: Type.Ref('CitizenSeason'), 400: err, 401: err, 403: err, 404: err, 422: err },
      },
    },
    async (request) =>
      saveSeason({
        db,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        seasonId: request.params.seasonId,
        input: request.body,
      }),
  );

  app.post(
    '/citizen/orgs/:orgId/staff/activities',
    {
      schema: {
        tags,
        summary: 'Créer une activité / Create an activity',
        params: OrgParams,
        body: ActivityBody,
        response: {
          201: Type.Ref('CitizenActivity'),
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
      const activity = await saveActivity({
        db,
        jobs,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        input: request.body,
      });
      return reply.status(201).send(activity);
    },
  );

  app.get(
    '/citizen/orgs/:orgId/staff/activities/:activityId',
    {
      schema: {
        tags,
        summary: 'Une activité, brouillons compris / One activity, drafts included',
        params: ActivityParams,
        response: { 200: Type.Ref('CitizenActivity'), 401: err, 403: err, 404: err },
      },
    },
    async (request) => getStaffActivity({ db, auth: request.auth, ...request.params }),
  );

  app.put(
    '/citizen/orgs/:orgId/staff/activities/:activityId',
    {
      schema: {
        tags,
        summary: 'Modifier une activité (prix, places, fenêtres…) / Change an activity (prices, places…)',
        params: ActivityParams,
        body: ActivityBody,
        response: {
          200: Type.Ref('CitizenActivity'),
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
      saveActivity({
        db,
        jobs,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        activityId: request.params.activityId,
        input: request.body,
      }),
  );
};
