import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { type TSchema, Type } from 'typebox';
import { singleUpload } from '../../../platform/files/multipart.ts';
import { Page, PageQuery } from '../../../platform/http/pagination.ts';
import { Uuid } from '../../../platform/http/schemas.ts';
import { getRollUnit } from './get-roll-unit.ts';
import { getRollImport, listRollImports } from './list-roll-imports.ts';
import { listRollYears } from './list-roll-years.ts';
import { loadUseCodes } from './load-use-codes.ts';
import './messages.ts';
import { searchRoll } from './search-roll.ts';
import { ROLL_UPLOAD_MAX_BYTES, startRollImport } from './start-roll-import.ts';

const err = { $ref: 'Error#' };
const tags = ['portal: roll'];
const N = <T extends TSchema>(s: T) => Type.Union([s, Type.Null()]);
const Decoded = Type.Object({ code: Type.String(), fr: Type.String(), en: Type.String() });
const OrgParams = Type.Object({ orgId: Uuid });

const RollMatchSchema = Type.Object({
  id: Type.String(),
  year: Type.Integer(),
  matricule: Type.String(),
  address: N(Type.String()),
  lots: Type.Array(Type.String()),
  use: N(Decoded),
  totalValue: N(Type.Number()),
  latitude: N(Type.Number()),
  longitude: N(Type.Number()),
});

const RollUnitSchema = Type.Object({
  id: Type.String(),
  year: Type.Integer(),
  matricule: Type.String(),
  matriculeFull: Type.String(),
  address: N(Type.String()),
  addresses: Type.Array(
    Type.Object({
      label: Type.String(),
      civicFrom: N(Type.Integer()),
      civicTo: N(Type.Integer()),
      streetName: N(Type.String()),
      streetType: N(Decoded),
      linkingWord: N(Decoded),
      cardinal: N(Decoded),
      apartment: N(Type.String()),
    }),
  ),
  lots: Type.Array(Type.String()),
  use: N(Decoded),
  neighbourhood: N(Type.String()),
  characteristics: Type.Object({
    frontage: N(Type.Number()),
    area: N(Type.Number()),
    storeys: N(Type.Integer()),
    yearBuilt: N(Type.Integer()),
    yearBuiltKind: N(Type.Union([Type.Literal('R'), Type.Literal('E')])),
    floorArea: N(Type.Number()),
    dwellings: N(Type.Integer()),
  }),
  values: Type.Object({
    referenceDate: N(Type.String()),
    land: N(Type.Number()),
    building: N(Type.Number()),
    total: N(Type.Number()),
    previous: N(Type.Number()),
    changePercent: N(Type.Number()),
  }),
  previousRoll: N(Type.Object({ year: Type.Integer(), totalValue: N(Type.Number()) })),
  latitude: N(Type.Number()),
  longitude: N(Type.Number()),
  ownersVisible: Type.Boolean(),
  owners: N(Type.Array(Type.Record(Type.String(), Type.String()))),
});

const RollImportSchema = Type.Object({
  id: Type.String(),
  status: Type.String(),
  fileName: Type.String(),
  year: N(Type.Integer()),
  municipalityCode: N(Type.String()),
  bytesTotal: N(Type.Number()),
  bytesRead: Type.Number(),
  progress: N(Type.Number()),
  unitsRead: Type.Integer(),
  unitsImported: Type.Integer(),
  unitsRejected: Type.Integer(),
  rejections: Type.Array(
    Type.Object({ line: Type.Integer(), code: Type.String(), field: Type.Optional(Type.String()) }),
  ),
  error: N(Type.Object({ code: Type.String(), line: N(Type.Integer()), message: N(Type.String()) })),
  createdAt: Type.String(),
  finishedAt: N(Type.String()),
});

/** The assessment roll: public search and unit pages, staff imports and the official CUBF list. */
export const rollRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;
  const db = deps.database.db;
  await app.register(multipart, {
    limits: { fileSize: ROLL_UPLOAD_MAX_BYTES, files: 1, fields: 5, parts: 10 },
  });

  app.get(
    '/orgs/:orgId/portal/roll/years',
    {
      schema: {
        tags,
        summary: 'Rôles chargés / Loaded rolls',
        params: OrgParams,
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({ year: Type.Integer(), units: Type.Integer(), importedAt: Type.String() }),
            ),
          }),
        },
      },
    },
    async (request) => listRollYears({ db, orgId: request.params.orgId }),
  );

  app.get(
    '/orgs/:orgId/portal/roll/search',
    {
      schema: {
        tags,
        summary: 'Chercher au rôle (adresse, matricule, lot) / Search the roll (address, matricule, lot)',
        params: OrgParams,
        querystring: Type.Object({
          q: Type.String({ minLength: 1, maxLength: 200 }),
          year: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2200 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 10 })),
        }),
        response: { 200: Type.Object({ items: Type.Array(RollMatchSchema) }), 400: err, 404: err },
      },
    },
    async (request) => ({
      items: await searchRoll({ db, orgId: request.params.orgId, input: request.query }),
    }),
  );

  app.get(
    '/orgs/:orgId/portal/roll/units/:unitId',
    {
      schema: {
        tags,
        summary: 'Une unité d’évaluation / One assessment unit',
        description:
          'Propriétaires : personnel seulement, consultation journalisée. / Owners: staff only, access is audited.',
        params: Type.Object({ orgId: Uuid, unitId: Uuid }),
        response: { 200: RollUnitSchema, 404: err },
      },
    },
    async (request) =>
      getRollUnit({
        db,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        unitId: request.params.unitId,
      }),
  );

  app.post(
    '/orgs/:orgId/portal/roll/imports',
    {
      schema: {
        tags,
        summary: 'Importer un rôle (XML du MAMH) / Import a roll (MAMH XML)',
        description: 'multipart/form-data, one `file` part (RLxxxxx_AAAA.xml).',
        consumes: ['multipart/form-data'],
        params: OrgParams,
        response: {
          202: Type.Object({ importId: Type.String() }),
          400: err,
          401: err,
          403: err,
          409: err,
          413: err,
          415: err,
        },
      },
    },
    async (request, reply) => {
      const { part, discard } = await singleUpload(request, deps.config);
      try {
        const result = await startRollImport({
          db,
          deps,
          auth: request.auth,
          ip: request.ip,
          orgId: request.params.orgId,
          part,
        });
        return reply.status(202).send(result);
      } catch (error) {
        discard();
        throw error;
      }
    },
  );

  app.get(
    '/orgs/:orgId/portal/roll/imports',
    {
      schema: {
        tags,
        summary: 'Importations du rôle / Roll imports',
        params: OrgParams,
        querystring: PageQuery,
        response: { 200: Page(RollImportSchema), 401: err, 403: err },
      },
    },
    async (request) =>
      listRollImports({ db, auth: request.auth, orgId: request.params.orgId, query: request.query }),
  );

  app.get(
    '/orgs/:orgId/portal/roll/imports/:importId',
    {
      schema: {
        tags,
        summary: 'Une importation (progression) / One import (progress)',
        params: Type.Object({ orgId: Uuid, importId: Uuid }),
        response: { 200: RollImportSchema, 401: err, 403: err, 404: err },
      },
    },
    async (request) =>
      getRollImport({
        db,
        auth: request.auth,
        orgId: request.params.orgId,
        importId: request.params.importId,
      }),
  );

  app.put(
    '/orgs/:orgId/portal/roll/use-codes',
    {
      schema: {
        tags,
        summary: 'Charger la liste officielle des codes CUBF (CSV) / Load the official CUBF list (CSV)',
        params: OrgParams,
        body: Type.Object(
          { csv: Type.String({ minLength: 1, maxLength: 900_000 }) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ loaded: Type.Integer() }), 400: err, 401: err, 403: err, 422: err },
      },
    },
    async (request) =>
      loadUseCodes({
        db,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        input: request.body,
      }),
  );
};
