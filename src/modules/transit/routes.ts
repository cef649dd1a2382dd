import type { FastifyPluginAsync } from 'fastify';
import { boardRoutes } from './board/routes.ts';
import { bookingRoutes } from './bookings/routes.ts';
import { driverRoutes } from './driver/routes.ts';
import { fareRoutes } from './fares/routes.ts';
import { transitFeedRoutes } from './feeds/routes.ts';
import './messages.ts';
import { networkRoutes } from './network/routes.ts';
import { TripSchema } from './schemas.ts';

/** Transport à la demande: network, bookings, dispatch board, driver app (under /api) and open feeds (/feeds). */
export const transitRoutes: FastifyPluginAsync = async (app) => {
  app.addSchema(TripSchema);
  await app.register(networkRoutes, { prefix: '/api' });
  await app.register(bookingRoutes, { prefix: '/api' });
  await app.register(boardRoutes, { prefix: '/api' });
  await app.register(driverRoutes, { prefix: '/api' });
  await app.register(fareRoutes, { prefix: '/api' });
  await app.register(transitFeedRoutes, { prefix: '/feeds' });
};
