import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Page, PageQuery } from '../http/pagination.ts';
import { Uuid } from '../http/schemas.ts';
import { CATEGORIES } from './categories.ts';
import { getCampaign } from './get-campaign.ts';
import { listCampaigns } from './list-campaigns.ts';
import { sendCampaign } from './send-campaign.ts';

const err = { $ref: 'Error#' };
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const Progress = Type.Object({
  id: Type.String(),
  orgId: Type.String(),
  title: Type.String(),
  category: Type.String(),
  urgency: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  total: Type.Integer(),
  processed: Type.Integer(),
  skipped: Type.Integer(),
  messages: Type.Integer(),
  queued: Type.Integer(),
  sent: Type.Integer(),
  failed: Type.Integer(),
  bounced: Type.Integer(),
  percent: Type.Integer(),
  done: Type.Boolean(),
});
const CampaignInput = Type.Object(
  {
    category: Type.Union(CATEGORIES.map((c) => Type.Literal(c))),
    urgency: Type.Optional(Type.Union([Type.Literal('low'), Type.Literal('normal'), Type.Literal('high')])),
    subject: Type.Object({ fr: Text(200), en: Text(200) }),
    body: Type.Object({ fr: Text(10_000), en: Text(10_000) }),
    url: Type.Optional(Type.String({ maxLength: 500, pattern: '^(https://|/)' })),
    // Ids only: modules that know richer audiences (registrants, a zone) call notifyMany themselves.
    accountIds: Type.Array(Uuid, { minItems: 1, maxItems: 20_000 }),
  },
  { additionalProperties: false },
);

/** Mass sends of an organisation: started by its administrators, progress read by its staff. */
export const campaignRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { database, jobs } = app.deps;
  const db = database.db;
  const tags = ['notifications'];
  const OrgParams = Type.Object({ orgId: Uuid });

  app.post(
    '/orgs/:orgId/notify/campaigns',
    {
      bodyLimit: 2 * 1024 * 1024,
      schema: {
        tags,
        summary: 'Envoyer un message bilingue à un public / Send a bilingual message to an audience',
        params: OrgParams,
        body: CampaignInput,
        response: {
          202: Type.Object({ id: Type.String(), total: Type.Integer() }),
          400: err,
          401: err,
          403: err,
          422: err,
        },
      },
    },
    async (request, reply) => {
      const started = await sendCampaign({
        db,
        jobs,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        input: request.body,
      });
      return reply.status(202).send(started);
    },
  );
  app.get(
    '/orgs/:orgId/notify/campaigns',
    {
      schema: {
        tags,
        summary: 'Envois de masse et leur progression / Mass sends and their progress',
        params: OrgParams,
        querystring: PageQuery,
        response: { 200: Page(Progress), 401: err, 403: err },
      },
    },
    async (request) =>
      listCampaigns({ db, auth: request.auth, orgId: request.params.orgId, query: request.query }),
  );
  app.get(
    '/orgs/:orgId/notify/campaigns/:id',
    {
      schema: {
        tags,
        summary: 'Progression d’un envoi de masse / Progress of a mass send',
        params: Type.Object({ orgId: Uuid, id: Uuid }),
        response: { 200: Progress, 401: err, 403: err, 404: err },
      },
    },
    async (request) =>
      getCampaign({ db, auth: request.auth, orgId: request.params.orgId, id: request.params.id }),
  );
};
