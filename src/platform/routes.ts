import type { FastifyPluginAsync } from 'fastify';
import { orgRoutes } from './orgs/routes.ts';

/** Every platform route under /api; each feature registers its own plugin here. */
export const platformRoutes: FastifyPluginAsync = async (app) => {
  await app.register(orgRoutes);
};
