import type { FastifyPluginAsync } from 'fastify';
import { mapRoutes } from './maps/routes.ts';
import { permitRoutes } from './permits/routes.ts';
import { ApplicationSchema } from './permits/schemas.ts';
import { permitStaffRoutes } from './permits/staff-routes.ts';
import { rollRoutes } from './roll/routes.ts';

/** Services en ligne: the assessment roll, permits and work declarations, the citizen map (under /api). */
export const portalRoutes: FastifyPluginAsync = async (app) => {
  // Shared by the applicants' and the staff's routes.
  app.addSchema(ApplicationSchema);
  await app.register(rollRoutes, { prefix: '/api' });
  await app.register(permitRoutes, { prefix: '/api' });
  await app.register(permitStaffRoutes, { prefix: '/api' });
  await app.register(mapRoutes, { prefix: '/api' });
};
