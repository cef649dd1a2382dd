import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../../../platform/http/errors.ts';
import { appointmentCalendar } from '../contacts/book-slot.ts';
import { contactFormRoutes } from '../contacts/contact-form-routes.ts';
import { contactsPage } from '../contacts/contact-pages.ts';
import { employerPage, employersPage, placePage, placesPage } from '../places/place-pages.ts';
import { fairKit } from './fair-kit.ts';
import { findRegion } from './policies.ts';
import { contentPage, homePage, listingPage } from './public-pages.ts';
import { publicImage, robotsTxt, sitemap } from './seo.ts';

const Org = Type.String({ pattern: '^[a-z0-9-]{2,60}$' });
const Lang = Type.Union([Type.Literal('fr'), Type.Literal('en')]);
const Slug = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 80 });
const Q = Type.Optional(Type.String({ maxLength: 100 }));
const html = 'text/html; charset=utf-8';

/**
 * The public regional site under /region/<mrc>/<fr|en>/…, outside /api: server-rendered HTML that people
 * without JavaScript and search engines read. Registered routes win over the web app's SPA fallback, which
 * only answers paths no route claims. /robots.txt and each site's sitemap.xml live here too.
 */
export const sitePageRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;
  const db = deps.database.db;
  const publicUrl = deps.config.publicUrl;
  const base = (request: {
    params: { org: string; lang: 'fr' | 'en' };
    headers: { 'user-agent'?: string };
  }) => ({
    db,
    org: request.params.org,
    locale: request.params.lang,
    publicUrl,
    userAgent: typeof request.headers['user-agent'] === 'string' ? request.headers['user-agent'] : undefined,
  });
  const send = (
    reply: { type: (t: string) => { header: (k: string, v: string) => { send: (b: string) => unknown } } },
    body: string,
  ) => reply.type(html).header('cache-control', 'public, max-age=60').send(body);

  // These routes answer people, not programs: errors come back as a small HTML page in the right language.
  app.setErrorHandler((error, request, reply) => {
    const status =
      error instanceof AppError ? error.status : (error as { validation?: unknown }).validation ? 404 : 500;
    if (status >= 500) request.log.error({ err: error }, 'public page failed');
    const fr = request.locale !== 'en';
    const text =
      status === 404
        ? fr
          ? 'Page introuvable.'
          : 'Page not found.'
        : fr
          ? 'Cette page n’a pas pu être affichée.'
          : 'This page could not be shown.';
    return reply
      .status(status)
      .type(html)
      .send(
        `<!doctype html><html lang="${fr ? 'fr' : 'en'}-CA"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${text}</title></head><body><main><h1>${text}</h1><p><a href="/">${fr ? 'Accueil' : 'Home'}</a></p></main></body></html>`,
      );
  });

  app.get('/robots.txt', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/plain; charset=utf-8').send(await robotsTxt({ db, publicUrl })),
  );

  app.get(
    '/region/:org',
    { schema: { hide: true, params: Type.Object({ org: Org }) } },
    async (request, reply) => {
      const region = await findRegion(db, request.params.org);
      return reply.redirect(`/region/${region.slug}/${request.locale}`, 302);
    },
  );
  app.get(
    '/region/:org/sitemap.xml',
    { schema: { hide: true, params: Type.Object({ org: Org }) } },
    async (request, reply) =>
      reply
        .type('application/xml; charset=utf-8')
        .send(await sitemap({ db, org: request.params.org, publicUrl })),
  );
  app.get(
    '/region/:org/images/:fileId',
    { schema: { hide: true, params: Type.Object({ org: Org, fileId: Type.String({ format: 'uuid' }) }) } },
    async (request, reply) => {
      const { file, body } = await publicImage({
        db,
        deps,
        org: request.params.org,
        fileId: request.params.fileId,
      });
      return reply
        .type(file.mime)
        .header('cache-control', 'public, max-age=3600')
        .header('x-content-type-options', 'nosniff')
        .send(body);
    },
  );
  app.get(
    '/region/:org/rendez-vous/:file',
    {
      schema: {
        hide: true,
        params: Type.Object({ org: Org, file: Type.String({ pattern: '^[A-Za-z0-9_-]{20,64}\\.ics$' }) }),
      },
    },
    async (request, reply) => {
      const region = await findRegion(db, request.params.org);
      const ics = await appointmentCalendar({
        db,
        region,
        token: request.params.file.replace(/\.ics$/, ''),
        publicUrl,
      });
      return reply
        .type('text/calendar; charset=utf-8; method=REQUEST')
        .header('cache-control', 'private, no-store')
        .header('content-disposition', 'attachment; filename="rendez-vous.ics"')
        .send(ics);
    },
  );

  const L = Type.Object({ org: Org, lang: Lang });
  const LS = Type.Object({ org: Org, lang: Lang, slug: Slug });
  app.get('/region/:org/:lang', { schema: { hide: true, params: L } }, async (request, reply) =>
    send(reply, await homePage(base(request))),
  );
  app.get('/region/:org/:lang/actualites', { schema: { hide: true, params: L } }, async (request, reply) =>
    send(reply, await listingPage({ ...base(request), kind: 'news' })),
  );
  app.get(
    '/region/:org/:lang/actualites/:slug',
    { schema: { hide: true, params: LS } },
    async (request, reply) =>
      send(reply, await contentPage({ ...base(request), kind: 'news', slug: request.params.slug })),
  );
  app.get('/region/:org/:lang/evenements', { schema: { hide: true, params: L } }, async (request, reply) =>
    send(reply, await listingPage({ ...base(request), kind: 'event' })),
  );
  app.get(
    '/region/:org/:lang/evenements/:slug',
    { schema: { hide: true, params: LS } },
    async (request, reply) =>
      send(reply, await contentPage({ ...base(request), kind: 'event', slug: request.params.slug })),
  );
  app.get(
    '/region/:org/:lang/lieux',
    { schema: { hide: true, params: L, querystring: Type.Object({ categorie: Q, municipalite: Q, q: Q }) } },
    async (request, reply) =>
      send(
        reply,
        await placesPage({
          ...base(request),
          category: request.query.categorie || undefined,
          municipality: request.query.municipalite || undefined,
          q: request.query.q || undefined,
        }),
      ),
  );
  app.get('/region/:org/:lang/lieux/:slug', { schema: { hide: true, params: LS } }, async (request, reply) =>
    send(reply, await placePage({ ...base(request), slug: request.params.slug })),
  );
  app.get(
    '/region/:org/:lang/employeurs',
    { schema: { hide: true, params: L, querystring: Type.Object({ q: Q, municipalite: Q, logement: Q }) } },
    async (request, reply) =>
      send(
        reply,
        await employersPage({
          ...base(request),
          q: request.query.q || undefined,
          municipality: request.query.municipalite || undefined,
          housing: request.query.logement === '1',
        }),
      ),
  );
  app.get(
    '/region/:org/:lang/employeurs/:slug',
    { schema: { hide: true, params: LS } },
    async (request, reply) =>
      send(reply, await employerPage({ ...base(request), slug: request.params.slug })),
  );
  app.get(
    '/region/:org/:lang/personnes-ressources',
    { schema: { hide: true, params: L, querystring: Type.Object({ sujet: Q, langue: Q }) } },
    async (request, reply) =>
      send(
        reply,
        await contactsPage({
          ...base(request),
          topic: request.query.sujet || undefined,
          language: request.query.langue || undefined,
        }),
      ),
  );
  app.get('/region/:org/:lang/trousse-salon', { schema: { hide: true, params: L } }, async (request, reply) =>
    reply
      .type(html)
      .header('cache-control', 'private, no-store')
      .header(
        'content-disposition',
        `inline; filename="trousse-${request.params.org}-${request.params.lang}.html"`,
      )
      .send(await fairKit(base(request))),
  );
  app.get('/region/:org/:lang/:slug', { schema: { hide: true, params: LS } }, async (request, reply) =>
    send(reply, await contentPage({ ...base(request), kind: 'page', slug: request.params.slug })),
  );
  // One resource person's page and its no-JavaScript contact form (inherits nothing but the prefix-free paths).
  await app.register(contactFormRoutes);
};
