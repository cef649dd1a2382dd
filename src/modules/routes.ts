import type { FastifyPluginAsync } from 'fastify';
import { attractionRoutes } from './attraction/routes.ts';
import { regionSiteRoutes } from './attraction/site-routes.ts';
import { citizenRoutes } from './citizen/routes.ts';
import { callbackRoutes } from './operations/callback/routes.ts';
import { operationsRoutes } from './operations/routes.ts';
import { portalRoutes } from './portal/routes.ts';
import { transitRoutes } from './transit/routes.ts';

/** Every module's routes under /api (and standards under their own paths); each module adds one line. */
export const moduleRoutes: FastifyPluginAsync = async (app) => {
  await app.register(portalRoutes);
  await app.register(attractionRoutes);
  await app.register(regionSiteRoutes);
  await app.register(citizenRoutes);
  await app.register(operationsRoutes);
  await app.register(callbackRoutes);
  await app.register(transitRoutes);
};
