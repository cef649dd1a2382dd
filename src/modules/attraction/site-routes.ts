import type { FastifyPluginAsync } from 'fastify';
import { contactRoutes } from './contacts/routes.ts';
import { placeRoutes } from './places/routes.ts';
import './site/messages.ts';
import { sitePageRoutes } from './site/page-routes.ts';
import { siteRoutes } from './site/routes.ts';

/** The regional site (issue 12): JSON API under /api, public server-rendered pages under /region and /robots.txt. */
export const regionSiteRoutes: FastifyPluginAsync = async (app) => {
  await app.register(siteRoutes, { prefix: '/api' });
  await app.register(placeRoutes, { prefix: '/api' });
  await app.register(contactRoutes, { prefix: '/api' });
  await app.register(sitePageRoutes);
};
