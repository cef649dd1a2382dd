import type { FastifyPluginAsync } from 'fastify';
import { dataRoutes } from './data/routes.ts';
import { reportRoutes } from './reports/routes.ts';
import { trafficRoutes } from './traffic/routes.ts';
import { waterRoutes } from './water/routes.ts';

/** Opérations: stations and readings, drinking water, traffic, monthly reports and transmissions (under /api). */
export const operationsRoutes: FastifyPluginAsync = async (app) => {
  await app.register(dataRoutes, { prefix: '/api' });
  await app.register(waterRoutes, { prefix: '/api' });
  await app.register(trafficRoutes, { prefix: '/api' });
  await app.register(reportRoutes, { prefix: '/api' });
};
