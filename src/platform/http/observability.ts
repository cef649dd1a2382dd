import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import client from 'prom-client';
import { Type } from 'typebox';
import type { DatabaseHandle } from '../db/client.ts';
import { sendError } from './plugin.ts';

const registry = new client.Registry();
client.collectDefaultMetrics({ register: registry });
const httpDuration = new client.Histogram({
  name: 'civique_http_request_duration_seconds',
  help: 'HTTP request duration by route and status',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [registry],
});

/** Health check at /api/health and Prometheus metrics at /metrics. */
export const observability = fp(async (app: FastifyInstance, opts: { database: DatabaseHandle }) => {
  app.addHook('onResponse', async (request, reply) => {
    httpDuration
      .labels(request.method, request.routeOptions.url ?? 'unknown', String(reply.statusCode))
      .observe(reply.elapsedTime / 1000);
  });

  app.get(
    '/api/health',
    {
      schema: {
        tags: ['platform'],
        summary: 'État du service / Service health',
        response: {
          200: Type.Object({ status: Type.Literal('ok'), database: Type.String(), time: Type.String() }),
          503: { $ref: 'Error#' },
        },
      },
      config: { rateLimit: false },
    },
    async (request, reply) => {
      try {
        await opts.database.db.execute(sql`SELECT 1`);
      } catch {
        reply.header('retry-after', '5');
        return sendError(reply, request, 503, 'unavailable');
      }
      return { status: 'ok' as const, database: opts.database.kind, time: new Date().toISOString() };
    },
  );

  app.get('/metrics', { schema: { hide: true }, config: { rateLimit: false } }, async (_request, reply) => {
    reply.type(registry.contentType);
    return registry.metrics();
  });
});
