import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { getPublicOffer, listPublicOffers } from './public-offers.ts';
import { renderOfferList, renderOfferPage } from './render-offer-page.ts';

const Slug = Type.String({ pattern: '^[a-z0-9-]{2,60}$' });
const Lang = Type.Object({ lang: Type.Optional(Type.Union([Type.Literal('fr'), Type.Literal('en')])) });

/**
 * Public offer pages under /emplois (outside /api): server-rendered HTML that search engines and people
 * without JavaScript read, with the schema.org JobPosting JSON-LD. Registered routes win over the SPA fallback.
 */
export const offerPageRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;
  const db = deps.database.db;
  const publicUrl = deps.config.publicUrl;

  app.get(
    '/emplois/:org',
    { schema: { hide: true, params: Type.Object({ org: Slug }), querystring: Lang } },
    async (request, reply) => {
      const locale = request.query.lang ?? request.locale;
      const { org, items } = await listPublicOffers({ db, orgIdOrSlug: request.params.org, publicUrl });
      return reply
        .type('text/html; charset=utf-8')
        .send(
          renderOfferList(
            { nameFr: org.name.fr, nameEn: org.name.en, slug: org.slug },
            items,
            locale,
            `${publicUrl}/emplois/${org.slug}`,
          ),
        );
    },
  );

  app.get(
    '/emplois/:org/:reference',
    {
      schema: {
        hide: true,
        params: Type.Object({ org: Slug, reference: Type.String({ pattern: '^[A-Z0-9-]{3,40}$' }) }),
        querystring: Lang,
      },
    },
    async (request, reply) => {
      const locale = request.query.lang ?? request.locale;
      const { org, offer, posting } = await getPublicOffer({
        db,
        orgIdOrSlug: request.params.org,
        reference: request.params.reference,
        publicUrl,
      });
      const html = renderOfferPage(
        {
          ...posting,
          municipality: offer.municipality[locale],
          nocTitle: offer.nocTitle[locale],
          teer: offer.teer,
          housingHelp: offer.housingHelp,
          relocationHelp: offer.relocationHelp,
          orgName: org.name[locale],
          orgId: org.id,
          listUrl: `/emplois/${org.slug}`,
        },
        locale,
      );
      return reply.type('text/html; charset=utf-8').send(html);
    },
  );
};
