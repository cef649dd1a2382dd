import type { FastifyPluginAsync } from 'fastify';
import { citizenRoutes } from './citizen/routes.ts';
import { portalRoutes } from './portal/routes.ts';

/** Every module's routes under /api (and standards under their own paths); each module adds one line. */
export const moduleRoutes: FastifyPluginAsync = async (app) => {
  await app.register(portalRoutes);
  await app.register(citizenRoutes);
};
