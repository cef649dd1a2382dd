import type { FastifyPluginAsync } from 'fastify';
import { candidateRoutes } from './candidates/routes.ts';
import { ProfileView } from './candidates/schemas.ts';
import { offerPageRoutes } from './employers/page-routes.ts';
import { employerRoutes } from './employers/routes.ts';
import { CompanyView, OfferView } from './employers/schemas.ts';
import { matchingRoutes } from './matching/routes.ts';
import './messages.ts';
import { attractionStaffRoutes } from './staff/routes.ts';

/** Attractivité et emploi: candidates, employers, matching and MRC staff (under /api); public offer pages. */
export const attractionRoutes: FastifyPluginAsync = async (app) => {
  app.addSchema(ProfileView);
  app.addSchema(CompanyView);
  app.addSchema(OfferView);
  await app.register(candidateRoutes, { prefix: '/api' });
  await app.register(employerRoutes, { prefix: '/api' });
  await app.register(matchingRoutes, { prefix: '/api' });
  await app.register(attractionStaffRoutes, { prefix: '/api' });
  await app.register(offerPageRoutes);
};
