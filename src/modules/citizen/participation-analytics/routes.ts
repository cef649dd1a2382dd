import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Uuid } from '../../../platform/http/schemas.ts';
import { participationAnalytics } from './participation-analytics.ts';

const err = { $ref: 'Error#' };
const Series = Type.Array(Type.Integer());

/** Staff analytics of participation: twelve months of answers, contributions, subscriptions and alert reach. */
export const participationAnalyticsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.deps.database.db;
  app.get(
    '/orgs/:orgId/citizen/staff/participation-analytics',
    {
      schema: {
        tags: ['citizen: participation'],
        summary: 'Participation sur douze mois / Participation over twelve months',
        params: Type.Object({ orgId: Uuid }),
        response: {
          200: Type.Object({
            months: Type.Array(Type.String()),
            surveyAnswers: Series,
            contributions: Series,
            subscriptions: Series,
            alerts: Series,
            alertReach: Series,
          }),
          401: err,
          403: err,
        },
      },
    },
    async (request) => participationAnalytics({ db, auth: request.auth, orgId: request.params.orgId }),
  );
};
