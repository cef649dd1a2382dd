import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Email, IdParams } from '../http/schemas.ts';
import { getOrganisation } from './get-organisation.ts';
import { listOrganisations } from './list-organisations.ts';
import { saveOrganisation } from './save-organisation.ts';
import { savePartnership } from './save-partnership.ts';

const Color = Type.String({ pattern: '^#[0-9a-fA-F]{6}$' });
const BrandingSchema = Type.Object(
  { primaryColor: Color, accentColor: Color, logoUrl: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);
const Bilingual = Type.Object({ fr: Type.String(), en: Type.String() });
export const OrganisationSchema = Type.Object(
  {
    id: Type.String(),
    slug: Type.String(),
    kind: Type.Union([Type.Literal('municipality'), Type.Literal('mrc')]),
    geoCode: Type.String(),
    name: Bilingual,
    refPrefix: Type.String(),
    mrcId: Type.Union([Type.String(), Type.Null()]),
    branding: BrandingSchema,
    partnerships: Type.Array(
      Type.Object({
        id: Type.String(),
        scope: Type.String(),
        name: Bilingual,
        orgIds: Type.Array(Type.String()),
      }),
    ),
  },
  { $id: 'Organisation' },
);
const OrganisationInput = Type.Object(
  {
    slug: Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', minLength: 2, maxLength: 60 }),
    kind: Type.Union([Type.Literal('municipality'), Type.Literal('mrc')]),
    geoCode: Type.String({ pattern: '^[0-9]{2,5}$' }),
    nameFr: Type.String({ minLength: 2, maxLength: 120 }),
    nameEn: Type.String({ minLength: 2, maxLength: 120 }),
    refPrefix: Type.String({ pattern: '^[A-Z]{2,5}$' }),
    mrcId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])),
    branding: BrandingSchema,
    contactEmail: Type.Optional(Type.Union([Email, Type.Null()])),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
const PartnershipInput = Type.Object(
  {
    nameFr: Type.String({ minLength: 2, maxLength: 120 }),
    nameEn: Type.String({ minLength: 2, maxLength: 120 }),
    scope: Type.String({ pattern: '^[a-z_]+$', maxLength: 40 }),
    orgIds: Type.Array(Type.String({ format: 'uuid' }), { minItems: 2, maxItems: 50 }),
  },
  { additionalProperties: false },
);
const err = { $ref: 'Error#' };

/** Organisations and partnerships: public reading, installation administrators writing. */
export const orgRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addSchema(OrganisationSchema);
  const db = app.deps.database.db;
  const tags = ['organisations'];

  app.get(
    '/orgs',
    { schema: { tags, summary: 'Organisations', response: { 200: Type.Array(Type.Ref('Organisation')) } } },
    async () => listOrganisations({ db }),
  );
  app.get(
    '/orgs/:idOrSlug',
    {
      schema: {
        tags,
        summary: 'Une organisation / One organisation',
        params: Type.Object({ idOrSlug: Type.String({ maxLength: 100, pattern: '^[A-Za-z0-9-]+$' }) }),
        response: { 200: Type.Ref('Organisation'), 404: err },
      },
    },
    async (request) => getOrganisation({ db, idOrSlug: request.params.idOrSlug }),
  );
  app.post(
    '/admin/orgs',
    {
      schema: {
        tags,
        summary: 'Créer une organisation / Create an organisation',
        body: OrganisationInput,
        response: { 201: Type.Ref('Organisation'), 400: err, 401: err, 403: err, 409: err },
      },
    },
    async (request, reply) => {
      const org = await saveOrganisation({ db, auth: request.auth, ip: request.ip, input: request.body });
      return reply.status(201).send(org);
    },
  );
  app.put(
    '/admin/orgs/:id',
    {
      schema: {
        tags,
        summary: 'Modifier une organisation / Update an organisation',
        params: IdParams,
        body: OrganisationInput,
        response: { 200: Type.Ref('Organisation'), 400: err, 401: err, 403: err, 404: err, 409: err },
      },
    },
    async (request) =>
      saveOrganisation({
        db,
        auth: request.auth,
        ip: request.ip,
        id: request.params.id,
        input: request.body,
      }),
  );
  app.post(
    '/admin/partnerships',
    {
      schema: {
        tags,
        summary: 'Créer un partenariat / Create a partnership',
        body: PartnershipInput,
        response: { 201: Type.Object({ id: Type.String() }), 400: err, 401: err, 403: err, 404: err },
      },
    },
    async (request, reply) => {
      const result = await savePartnership({ db, auth: request.auth, ip: request.ip, input: request.body });
      return reply.status(201).send(result);
    },
  );
  app.put(
    '/admin/partnerships/:id',
    {
      schema: {
        tags,
        summary: 'Modifier un partenariat / Update a partnership',
        params: IdParams,
        body: PartnershipInput,
        response: { 200: Type.Object({ id: Type.String() }), 400: err, 401: err, 403: err, 404: err },
      },
    },
    async (request) =>
      savePartnership({ db, auth: request.auth, ip: request.ip, id: request.params.id, input: request.body }),
  );
};
