import type { FastifyPluginAsync } from 'fastify';

/** Every module's routes under /api (and standards under their own paths); each module adds one line. */
export const moduleRoutes: FastifyPluginAsync = async (_app) => {};
