import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Uuid } from '../../../platform/http/schemas.ts';
import { alertCap, alertsAtom } from './feeds.ts';
import './messages.ts';

const tags = ['citizen: alerts'];
const Slug = Type.String({ pattern: '^[a-z0-9-]{1,80}$' });

/** The standard feeds of alerts: an Atom index per organisation and one CAP 1.2 (CAP-CP) document per message. */
export const alertFeedRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.deps.database.db;
  const publicUrl = app.deps.config.publicUrl;

  app.get(
    '/:org/alerts.atom',
    {
      schema: {
        tags,
        summary: 'Flux Atom des alertes CAP / Atom feed of CAP alerts',
        params: Type.Object({ org: Slug }),
        querystring: Type.Object({
          lang: Type.Optional(Type.Union([Type.Literal('fr'), Type.Literal('en')])),
        }),
      },
    },
    async (request, reply) => {
      const xml = await alertsAtom({
        db,
        publicUrl,
        slug: request.params.org,
        locale: request.query.lang ?? request.locale,
      });
      return reply
        .type('application/atom+xml; charset=utf-8')
        .header('cache-control', 'public, max-age=60')
        .send(xml);
    },
  );

  app.get(
    '/:org/alerts/:id.xml',
    {
      schema: {
        tags,
        summary: 'Un message CAP 1.2 (CAP-CP) / One CAP 1.2 (CAP-CP) message',
        params: Type.Object({ org: Slug, id: Uuid }),
      },
    },
    async (request, reply) => {
      const xml = await alertCap({ db, publicUrl, slug: request.params.org, alertId: request.params.id });
      return reply
        .type('application/cap+xml; charset=utf-8')
        .header('cache-control', 'public, max-age=60')
        .send(xml);
    },
  );
};
