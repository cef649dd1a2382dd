import type { FastifyPluginAsync } from 'fastify';
import { auditRoutes } from './audit/routes.ts';
import { authRoutes } from './auth/routes.ts';
import { fileRoutes } from './files/routes.ts';
import { geoRoutes } from './geo/routes.ts';
import { csrfRoutes } from './http/csrf-routes.ts';
import { jobRoutes } from './jobs/routes.ts';
import { notifyRoutes } from './notify/routes.ts';
import { orgRoutes } from './orgs/routes.ts';
import { paymentRoutes } from './payments/routes.ts';
import { peopleRoutes } from './people/routes.ts';
import { privacyRoutes } from './privacy/routes.ts';

/** Every platform route under /api; each feature registers its own plugin here. */
export const platformRoutes: FastifyPluginAsync = async (app) => {
  await app.register(csrfRoutes);
  await app.register(orgRoutes);
  await app.register(authRoutes);
  await app.register(peopleRoutes);
  await app.register(privacyRoutes);
  await app.register(auditRoutes);
  await app.register(notifyRoutes);
  await app.register(jobRoutes);
  await app.register(fileRoutes);
  await app.register(geoRoutes);
  await app.register(paymentRoutes);
};
