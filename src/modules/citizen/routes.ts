import type { FastifyPluginAsync } from 'fastify';
import { activityRoutes } from './activities/routes.ts';
import { alertFeedRoutes } from './alerts/feed-routes.ts';
import { alertRoutes } from './alerts/routes.ts';
import { alertSettingsRoutes } from './alerts/settings-routes.ts';
import { cardRoutes } from './cards/routes.ts';
import { consultationRoutes } from './consultations/routes.ts';
import { newsletterRoutes } from './newsletters/routes.ts';
import { apiKeyRoutes } from './open311/key-routes.ts';
import { open311Routes } from './open311/routes.ts';
import { participationAnalyticsRoutes } from './participation-analytics/routes.ts';
import { registrationRoutes } from './registrations/routes.ts';
import { requestRoutes } from './requests/routes.ts';
import { residencyRoutes } from './residency/routes.ts';
import { surveyRoutes } from './surveys/routes.ts';
import { waitingRoomRoutes } from './waiting-room/routes.ts';

/** Espace citoyen: each feature's routes, one line each (JSON API under /api, standards on their own paths). */
export const citizenRoutes: FastifyPluginAsync = async (app) => {
  await app.register(requestRoutes, { prefix: '/api' });
  await app.register(apiKeyRoutes, { prefix: '/api' });
  await app.register(open311Routes, { prefix: '/open311/v2' });
  await app.register(residencyRoutes, { prefix: '/api' });
  await app.register(cardRoutes, { prefix: '/api' });
  await app.register(activityRoutes, { prefix: '/api' });
  await app.register(registrationRoutes, { prefix: '/api' });
  await app.register(waitingRoomRoutes, { prefix: '/api' });
  await app.register(surveyRoutes, { prefix: '/api' });
  await app.register(alertRoutes, { prefix: '/api' });
  await app.register(alertSettingsRoutes, { prefix: '/api' });
  await app.register(alertFeedRoutes, { prefix: '/feeds' });
  await app.register(newsletterRoutes, { prefix: '/api' });
  await app.register(consultationRoutes, { prefix: '/api' });
  await app.register(participationAnalyticsRoutes, { prefix: '/api' });
};
