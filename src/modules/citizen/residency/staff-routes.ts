import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Page, PageQuery } from '../../../platform/http/pagination.ts';
import { Uuid } from '../../../platform/http/schemas.ts';
import { importHouseholds } from './import-households.ts';
import { ResidencyStatusSchema, StaffResidencySchema } from './schemas.ts';
import { decideResidency, endResidency, listResidencies } from './staff-residency.ts';

const err = { $ref: 'Error#' };
const OrgParams = Type.Object({ orgId: Uuid });

/** Residency for staff: proofs to check and decide, residencies to end, households to import. */
export const staffResidencyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { database, jobs, config } = app.deps;
  const db = database.db;
  const tags = ['citizen: residency'];
  const ref = Type.Ref('CitizenResidency');

  app.get(
    '/citizen/orgs/:orgId/staff/residencies',
    {
      schema: {
        tags,
        summary: 'Résidences et preuves à vérifier / Residencies and proofs to check',
        params: OrgParams,
        querystring: Type.Intersect([
          PageQuery,
          Type.Object({ status: Type.Optional(ResidencyStatusSchema) }),
        ]),
        response: {
          200: Page(StaffResidencySchema),
          400: err,
          401: err,
          403: err,
        },
      },
    },
    async (request) => {
      const { status, ...page } = request.query;
      return listResidencies({
        db,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        status,
        page,
      });
    },
  );

  app.post(
    '/citizen/orgs/:orgId/staff/residencies/:residencyId/decide',
    {
      schema: {
        tags,
        summary: 'Accepter ou refuser une preuve / Approve or refuse a proof',
        params: Type.Object({ orgId: Uuid, residencyId: Uuid }),
        body: Type.Object(
          { approve: Type.Boolean(), note: Type.Optional(Type.String({ maxLength: 1000 })) },
          { additionalProperties: false },
        ),
        response: { 200: ref, 401: err, 403: err, 409: err },
      },
    },
    async (request) =>
      decideResidency({
        db,
        jobs,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        residencyId: request.params.residencyId,
        publicUrl: config.publicUrl,
        input: request.body,
      }),
  );

  app.post(
    '/citizen/orgs/:orgId/staff/residencies/:residencyId/end',
    {
      schema: {
        tags,
        summary: 'Mettre fin à une résidence / End a residency',
        params: Type.Object({ orgId: Uuid, residencyId: Uuid }),
        body: Type.Object(
          {
            reason: Type.Union([Type.Literal('moved'), Type.Literal('revoked')]),
            note: Type.Optional(Type.String({ maxLength: 1000 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: ref, 401: err, 403: err, 404: err },
      },
    },
    async (request) =>
      endResidency({
        db,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        residencyId: request.params.residencyId,
        input: request.body,
      }),
  );

  app.post(
    '/citizen/orgs/:orgId/staff/household-imports',
    {
      bodyLimit: 20 * 1024 * 1024,
      schema: {
        tags,
        summary: 'Importer les ménages (CSV) / Import households (CSV)',
        description:
          'Colonnes (fr ou en) : menage/household_id, adresse/address, code_postal/postal_code, prenom/given_name, nom/family_name, date_naissance/birth_date, courriel/email, telephone/phone, numero_carte/card_number.',
        params: OrgParams,
        body: Type.Object(
          { fileName: Type.String({ minLength: 1, maxLength: 200 }), csv: Type.String({ minLength: 1 }) },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({ importId: Type.String(), households: Type.Integer(), members: Type.Integer() }),
          400: err,
          401: err,
          403: err,
          422: err,
        },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await importHouseholds({
          db,
          auth: request.auth,
          ip: request.ip,
          orgId: request.params.orgId,
          locale: request.locale,
          input: request.body,
        }),
      ),
  );
};
