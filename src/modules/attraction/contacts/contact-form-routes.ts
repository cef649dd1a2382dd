import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../../../platform/http/errors.ts';
import type { Lang } from '../site/render-site.ts';
import {
  type ContactFormErrors,
  checkContactForm,
  contactFormPage,
  contactPagePath,
  contactSentPage,
  formValues,
} from './contact-form-page.ts';
import { messageContact, regionContact } from './public-api.ts';

const Org = Type.String({ pattern: '^[a-z0-9-]{2,60}$' });
const LangParam = Type.Union([Type.Literal('fr'), Type.Literal('en')]);
const Slug = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 80 });
const Params = Type.Object({ org: Org, lang: LangParam, slug: Slug });
/** What the browser posts: strings as typed; the use case's schema is checked field by field afterwards. */
const FormBody = Type.Object({
  _csrf: Type.Optional(Type.String({ maxLength: 200 })),
  name: Type.Optional(Type.String({ maxLength: 1000 })),
  email: Type.Optional(Type.String({ maxLength: 1000 })),
  message: Type.Optional(Type.String({ maxLength: 8000 })),
  website: Type.Optional(Type.String({ maxLength: 1000 })),
  consent: Type.Optional(Type.String({ maxLength: 10 })),
});
const html = 'text/html; charset=utf-8';
const EXPIRED = {
  fr: 'Le formulaire avait expiré et n’a pas été envoyé. Vérifiez-le et envoyez-le de nouveau.',
  en: 'The form had expired and was not sent. Check it and send it again.',
};
const TOO_MANY = {
  fr: 'Trop de messages ont été envoyés depuis votre connexion. Réessayez dans quelques minutes ; votre texte est conservé ci-dessous.',
  en: 'Too many messages were sent from your connection. Try again in a few minutes; your text is kept below.',
};

type PageParams = { org: string; lang: Lang; slug: string };

/**
 * The resource person's page and its contact form without JavaScript, under /region/<mrc>/<fr|en>/
 * personnes-ressources/<slug>. Registered inside the public site's pages (their HTML 404 page applies). The
 * POST is an ordinary form: the CSRF token comes in a hidden field (checked against the CSRF cookie set when
 * the page was shown), it is rate limited like the JSON route, and it calls the same use case.
 */
export const contactFormRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;
  const db = deps.database.db;
  const publicUrl = deps.config.publicUrl;
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 32 * 1024 },
    (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );

  const render = async (
    request: FastifyRequest,
    reply: FastifyReply,
    p: PageParams,
    form?: { body: Record<string, unknown>; errors: ContactFormErrors; status: number; notice?: string },
  ) => {
    const page = await contactFormPage({
      db,
      org: p.org,
      locale: p.lang,
      publicUrl,
      slug: p.slug,
      csrfToken: reply.generateCsrf(),
      values: form ? formValues(form.body) : undefined,
      errors: form?.errors,
      notice: form?.notice,
      userAgent: request.headers['user-agent'],
    });
    // The page carries a visitor's own CSRF token: never stored by a shared cache.
    return reply
      .status(form?.status ?? 200)
      .type(html)
      .header('cache-control', 'private, no-store')
      .send(page);
  };

  // Refusals that come before the handler (expired form, too many posts) re-show the form with what was typed.
  app.setErrorHandler(async (error, request, reply) => {
    const p = request.params as PageParams;
    const code = (error as { code?: string }).code ?? '';
    const status = (error as { statusCode?: number }).statusCode;
    const lang: Lang = p?.lang === 'en' ? 'en' : 'fr';
    if (request.method === 'POST' && p?.slug && (code.startsWith('FST_CSRF') || status === 429)) {
      const expired = code.startsWith('FST_CSRF');
      return render(
        request,
        reply,
        { ...p, lang },
        {
          body: (request.body as Record<string, unknown>) ?? {},
          errors: {},
          status: expired ? 403 : 429,
          notice: expired ? EXPIRED[lang] : TOO_MANY[lang],
        },
      );
    }
    const notFound =
      error instanceof AppError ? error.status === 404 : !!(error as { validation?: unknown }).validation;
    if (!notFound) request.log.error({ err: error }, 'contact page failed');
    const text = notFound
      ? lang === 'fr'
        ? 'Page introuvable.'
        : 'Page not found.'
      : lang === 'fr'
        ? 'Cette page n’a pas pu être affichée.'
        : 'This page could not be shown.';
    return reply
      .status(notFound ? 404 : 500)
      .type(html)
      .send(
        `<!doctype html><html lang="${lang}-CA"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${text}</title></head><body><main><h1>${text}</h1><p><a href="/">${lang === 'fr' ? 'Accueil' : 'Home'}</a></p></main></body></html>`,
      );
  });

  const path = '/region/:org/:lang/personnes-ressources/:slug';
  app.get(path, { schema: { hide: true, params: Params } }, async (request, reply) =>
    render(request, reply, request.params),
  );
  app.post(
    path,
    {
      preHandler: app.csrfProtection,
      // Same limit as the JSON contact route; counted after parsing so a refusal can keep the text.
      config: { rateLimit: { max: 5, timeWindow: '10 minutes', hook: 'preHandler' } },
      schema: { hide: true, params: Params, body: FormBody },
    },
    async (request, reply) => {
      const p = request.params;
      const checked = checkContactForm(formValues(request.body), p.lang);
      if (!checked.ok)
        return render(request, reply, p, { body: request.body, errors: checked.errors, status: 400 });
      const { contact } = await regionContact({ db, org: p.org, idOrSlug: p.slug });
      await messageContact({
        db,
        jobs: deps.jobs,
        org: p.org,
        contactId: contact.id,
        input: checked.input,
        locale: p.lang,
      });
      return reply.redirect(`${contactPagePath(p.org, p.lang, contact.slug)}/envoye`, 303);
    },
  );
  app.get(`${path}/envoye`, { schema: { hide: true, params: Params } }, async (request, reply) =>
    reply
      .type(html)
      .header('cache-control', 'private, no-store')
      .send(
        await contactSentPage({
          db,
          org: request.params.org,
          locale: request.params.lang,
          publicUrl,
          slug: request.params.slug,
          userAgent: request.headers['user-agent'],
        }),
      ),
  );
};
