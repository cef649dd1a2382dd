import type { FastifyPluginAsync } from 'fastify';
import { citizenRequestRoutes } from './citizen-routes.ts';
import { requestConfigRoutes } from './config-routes.ts';
import { followRoutes } from './follow-routes.ts';
import './messages.ts';
import { staffRequestRoutes } from './staff-routes.ts';

/** Requests to the city (311) under /api: citizens, staff queues, and how an organisation sets them up. */
export const requestRoutes: FastifyPluginAsync = async (app) => {
  await app.register(citizenRequestRoutes);
  await app.register(followRoutes);
  await app.register(staffRequestRoutes);
  await app.register(requestConfigRoutes);
};
