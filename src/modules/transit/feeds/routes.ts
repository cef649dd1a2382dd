import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { feedAsJson, getGtfsZip, getRealtimeFeed } from './get-feeds.ts';

const err = { $ref: 'Error#' };
const tags = ['transit: open data'];
const Slug = Type.String({ pattern: '^[a-z0-9-]{1,80}$' });

/** Open feeds under /feeds/<org>/: GTFS + GTFS-Flex (zip) and GTFS-Realtime (protobuf or JSON). */
export const transitFeedRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;
  const db = deps.database.db;

  app.get(
    '/:org/gtfs.zip',
    {
      schema: {
        tags,
        summary: 'GTFS + GTFS-Flex',
        params: Type.Object({ org: Slug }),
        response: { 200: Type.Unknown(), 404: err },
      },
    },
    async (request, reply) => {
      const zip = await getGtfsZip({ db, publicUrl: deps.config.publicUrl, slug: request.params.org });
      return reply
        .type('application/zip')
        .header('content-disposition', `attachment; filename="gtfs-${request.params.org}.zip"`)
        .header('cache-control', 'public, max-age=300')
        .send(Buffer.from(zip));
    },
  );

  app.get(
    '/:org/gtfs-rt/:feed',
    {
      schema: {
        tags,
        summary: 'GTFS-Realtime: vehicle-positions.pb, trip-updates.pb (?format=json)',
        params: Type.Object({
          org: Slug,
          feed: Type.Union([Type.Literal('vehicle-positions.pb'), Type.Literal('trip-updates.pb')]),
        }),
        querystring: Type.Object({
          format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('pb')])),
        }),
        response: { 200: Type.Unknown(), 404: err },
      },
    },
    async (request, reply) => {
      const kind = request.params.feed === 'vehicle-positions.pb' ? 'vehicle-positions' : 'trip-updates';
      const { message, bytes } = await getRealtimeFeed({ db, slug: request.params.org, kind });
      reply.header('cache-control', 'no-store');
      if (request.query.format === 'json')
        return reply.type('application/json; charset=utf-8').send(feedAsJson(message));
      return reply.type('application/x-protobuf').send(Buffer.from(bytes));
    },
  );
};
