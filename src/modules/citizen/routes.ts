import type { FastifyPluginAsync } from 'fastify';
import { apiKeyRoutes } from './open311/key-routes.ts';
import { open311Routes } from './open311/routes.ts';
import { requestRoutes } from './requests/routes.ts';

/** Espace citoyen: each feature's routes, one line each (JSON API under /api, standards on their own paths). */
export const citizenRoutes: FastifyPluginAsync = async (app) => {
  await app.register(requestRoutes, { prefix: '/api' });
  await app.register(apiKeyRoutes, { prefix: '/api' });
  await app.register(open311Routes, { prefix: '/open311/v2' });
};
