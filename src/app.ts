import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import underPressure from '@fastify/under-pressure';
import Fastify, { type FastifyInstance } from 'fastify';
import { moduleRoutes } from './modules/routes.ts';
import { authContext } from './platform/auth/context.ts';
import type { PlatformDeps } from './platform/deps.ts';
import { idempotency } from './platform/http/idempotency.ts';
import { observability } from './platform/http/observability.ts';
import { openApi } from './platform/http/openapi.ts';
import { frameworkErrorHandler, httpPlatform } from './platform/http/plugin.ts';
import { webIndex } from './platform/http/web-index.ts';
import { StripeCspState } from './platform/payments/content-security.ts';
import { platformRoutes } from './platform/routes.ts';

/** What the application needs from the outside; tests build their own. */
export type AppDeps = PlatformDeps;

export const WEB_DIST = fileURLToPath(new URL('../web/dist', import.meta.url));
/**
 * The cache-control of a file of the web build, when not the default: Vite names every file under assets/ by
 * a hash of its content, so a browser keeps them for a year without asking again; index.html (which names
 * them) keeps the default and is revalidated on each visit.
 */
export function webCacheControl(path: string): string | undefined {
  return /[\\/]assets[\\/][^\\/]+$/.test(path) ? 'public, max-age=31536000, immutable' : undefined;
}

/** Builds the Fastify application: platform plugins first, then each module's routes. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, database } = deps;
  const app = Fastify({
    logger: { level: config.logLevel },
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    frameworkErrors: frameworkErrorHandler,
    ajv: {
      customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: true },
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorate('deps', deps);
  // The route table as registered, for the suites that must cover every route (authorization matrix, CSRF).
  const routeTable: RegisteredRoute[] = [];
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      routeTable.push({
        method,
        url: route.url,
        config: (route.config ?? {}) as Record<string, unknown>,
        schema: (route.schema ?? {}) as Record<string, unknown>,
      });
    }
  });
  app.decorate('routeTable', routeTable);
  const hasWeb = existsSync(WEB_DIST);
  await app.register(httpPlatform, { spaIndex: hasWeb, pageIndex: hasWeb ? webIndex(WEB_DIST) : undefined });
  await app.register(openApi);
  await app.register(observability, { database });
  // Stripe.js (script, card and 3-D Secure frames, API calls) is allowed only once Stripe is configured, by
  // the installation or by one organisation; the pages need it nowhere else.
  const stripeCsp = new StripeCspState(database.db, config.stripe);
  app.decorate('stripeCsp', stripeCsp);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) await stripeCsp.refreshIfStale();
  });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:', 'https:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'", () => stripeCsp.sources('scriptSrc')],
        connectSrc: ["'self'", () => stripeCsp.sources('connectSrc')],
        frameSrc: ["'self'", () => stripeCsp.sources('frameSrc')],
        workerSrc: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: config.secureCookies && !config.publicUrl.startsWith('http://'),
  });
  await app.register(underPressure, {
    // Off under test: compiling the routes' schemas at start-up blocks the loop for seconds, and the
    // next sample would shed the first second of requests of every test file (a timing-dependent 503).
    maxEventLoopDelay: config.env === 'test' ? 0 : 2000,
    exposeStatusRoute: false,
    pressureHandler: (request, reply) => {
      // Only the API is shed: a page's JavaScript, CSS and images cost next to nothing, and refusing them
      // breaks the whole app in the browser instead of one call it retries (returning lets them through).
      if (!request.url.startsWith('/api/')) return;
      reply.header('retry-after', '5');
      reply.status(503).send({
        error: {
          code: 'unavailable',
          message:
            request.locale === 'en'
              ? 'The service is temporarily overloaded.'
              : 'Le service est momentanément surchargé.',
        },
      });
    },
  });
  await app.register(cookie);
  await app.register(rateLimit, { max: config.rateLimitMax, timeWindow: '1 minute' });
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: config.secureCookies ? '__Host-civique_csrf' : 'civique_csrf',
    cookieOpts: { path: '/', httpOnly: true, secure: config.secureCookies, sameSite: 'lax' },
  });
  await app.register(authContext, { db: database.db, secureCookies: config.secureCookies });
  // Every state-changing browser request needs the CSRF token (machine clients use bearer tokens).
  app.addHook('onRequest', (request, reply, done) => {
    const method = request.method;
    if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return done();
    if (!request.url.startsWith('/api/')) return done();
    if (request.headers.authorization?.startsWith('Bearer ')) return done();
    // Signed machine callbacks (payment webhooks) carry their own proof instead of a CSRF token.
    if (request.routeOptions.config?.csrf === false) return done();
    app.csrfProtection(request, reply, done);
  });
  await app.register(idempotency, { db: database.db });

  await app.register(platformRoutes, { prefix: '/api' });
  // Modules register their own prefixes: /api/… for the JSON API, /open311/v2 and /feeds/<org>/… for standards.
  await app.register(moduleRoutes);

  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: WEB_DIST,
      prefix: '/',
      wildcard: false,
      index: ['index.html'],
      // The build writes .br and .gz copies (web/vite.config.ts); sent to browsers that accept them.
      preCompressed: true,
      setHeaders: (reply, path) => {
        const cacheControl = webCacheControl(path);
        if (cacheControl) reply.header('cache-control', cacheControl);
      },
    });
  }
  return app;
}

/** One method of one registered route, with its route-level `config` (e.g. `csrf: false`). */
export interface RegisteredRoute {
  method: string;
  url: string;
  config: Record<string, unknown>;
  schema: Record<string, unknown>;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
    stripeCsp: StripeCspState;
    routeTable: readonly RegisteredRoute[];
  }
}
