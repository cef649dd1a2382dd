import type { FastifyPluginAsync } from 'fastify';
import { csrfRoutes } from './http/csrf-routes.ts';
import { orgRoutes } from './orgs/routes.ts';

/** Every platform route under /api; each feature registers its own plugin here. */
export const platformRoutes: FastifyPluginAsync = async (app) => {
  await app.register(csrfRoutes);
  await app.register(orgRoutes);
};
