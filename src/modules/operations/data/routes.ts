import type { FastifyPluginAsyncTypebox, TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { EXPORT_FORMATS } from '../../../platform/audit/table-export.ts';
import { attachmentDisposition } from '../../../platform/files/file-names.ts';
import { Uuid } from '../../../platform/http/schemas.ts';
import { createDevice, listDevices, revokeDevice } from './devices.ts';
import { exportSeries } from './export-series.ts';
import { getStation, listStations } from './get-station.ts';
import { ingestTelemetry, TELEMETRY_BATCH_MAX } from './ingest-telemetry.ts';
import './messages.ts';
import { previewReadingImport, remapReadingImport } from './preview-reading-import.ts';
import { querySeries } from './query-series.ts';
import { recordReadings } from './record-readings.ts';
import { getReadingImport, startReadingImport } from './run-reading-import.ts';
import { listStationKinds, saveStation, saveStationKind } from './save-station.ts';
import {
  DeviceSchema,
  FormatSchema,
  GrainSchema,
  ImportSchema,
  IngestResultSchema,
  KindSchema,
  MappingSchema,
  OrgParams,
  RawReadingSchema,
  SeriesQuery,
  SeriesSchema,
  StationInputSchema,
  StationParams,
  StationSchema,
} from './schemas.ts';

const err = { $ref: 'Error#' };
const tags = ['operations: data'];
const CSV_MAX_BYTES = 50 * 1024 * 1024;
const base = '/orgs/:orgId/operations';

/** Stations, measures, readings (manual, CSV, telemetry), series and exports. */
export const dataRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { database, jobs } = app.deps;
  const db = database.db;
  app.addSchema(StationSchema);
  const station = { $ref: 'OpsStation#' };

  app.get(
    `${base}/stations`,
    {
      schema: {
        tags,
        summary: 'Stations et leurs mesures / Stations and their measures',
        params: OrgParams,
        querystring: Type.Object({ kind: Type.Optional(Type.String({ maxLength: 40 })) }),
        response: { 200: Type.Object({ items: Type.Array(station) }), 401: err, 403: err },
      },
    },
    async (request) =>
      listStations({ db, auth: request.auth, orgId: request.params.orgId, kind: request.query.kind }),
  );

  app.post(
    `${base}/stations`,
    {
      schema: {
        tags,
        summary: 'Créer une station / Create a station',
        params: OrgParams,
        body: StationInputSchema,
        response: { 201: station, 400: err, 401: err, 403: err, 409: err, 422: err },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await saveStation({
          db,
          auth: request.auth,
          ip: request.ip,
          orgId: request.params.orgId,
          input: request.body,
        }),
      ),
  );

  app.get(
    `${base}/stations/:stationId`,
    {
      schema: {
        tags,
        summary: 'Une station / One station',
        params: StationParams,
        response: { 200: station, 401: err, 403: err, 404: err },
      },
    },
    async (request) =>
      getStation({
        db,
        auth: request.auth,
        orgId: request.params.orgId,
        stationId: request.params.stationId,
      }),
  );

  app.put(
    `${base}/stations/:stationId`,
    {
      schema: {
        tags,
        summary: 'Modifier une station / Change a station',
        params: StationParams,
        body: StationInputSchema,
        response: { 200: station, 400: err, 401: err, 403: err, 404: err, 409: err, 422: err },
      },
    },
    async (request) =>
      saveStation({
        db,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        stationId: request.params.stationId,
        input: request.body,
      }),
  );

  app.get(
    `${base}/station-kinds`,
    {
      schema: {
        tags,
        summary: 'Types de stations / Station kinds',
        params: OrgParams,
        response: { 200: Type.Array(KindSchema), 401: err, 403: err },
      },
    },
    async (request) => listStationKinds({ db, auth: request.auth, orgId: request.params.orgId }),
  );

  app.post(
    `${base}/station-kinds`,
    {
      schema: {
        tags,
        summary: 'Définir un type de station / Define a station kind',
        params: OrgParams,
        body: Type.Object(
          {
            code: Type.String({ minLength: 1, maxLength: 40, pattern: '^[a-z0-9_]+$' }),
            nameFr: Type.String({ minLength: 1, maxLength: 120 }),
            nameEn: Type.String({ minLength: 1, maxLength: 120 }),
          },
          { additionalProperties: false },
        ),
        response: { 201: KindSchema, 400: err, 401: err, 403: err },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await saveStationKind({
          db,
          auth: request.auth,
          ip: request.ip,
          orgId: request.params.orgId,
          input: request.body,
        }),
      ),
  );

  app.post(
    `${base}/stations/:stationId/readings`,
    {
      schema: {
        tags,
        summary: 'Saisir des lectures (opérateur) / Enter readings (operator)',
        params: StationParams,
        body: Type.Object(
          {
            readings: Type.Array(
              Type.Object(
                {
                  measure: Type.String({ minLength: 1, maxLength: 40 }),
                  observedAt: Type.Optional(Type.String({ minLength: 4, maxLength: 40 })),
                  value: Type.Union([Type.Number(), Type.String({ maxLength: 40 })]),
                  direction: Type.Optional(Type.String({ maxLength: 4 })),
                },
                { additionalProperties: false },
              ),
              { minItems: 1, maxItems: 100 },
            ),
          },
          { additionalProperties: false },
        ),
        response: { 201: IngestResultSchema, 400: err, 401: err, 403: err, 404: err, 422: err },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await recordReadings({
          db,
          jobs,
          auth: request.auth,
          ip: request.ip,
          orgId: request.params.orgId,
          stationId: request.params.stationId,
          locale: request.locale,
          readings: request.body.readings,
        }),
      ),
  );

  app.post(
    `${base}/telemetry`,
    {
      // A machine client: authenticated by its device token (Authorization: Bearer), no browser session.
      config: { csrf: false },
      schema: {
        tags: ['operations: telemetry'],
        summary: 'Téléverser des lectures (appareil) / Post readings (device)',
        description: `Authorization: Bearer <jeton d’appareil / device token>. ${TELEMETRY_BATCH_MAX} lectures au plus / readings at most. Renvoyer un lot est sans effet sur les lectures déjà reçues / resending a batch does not duplicate readings.`,
        params: OrgParams,
        body: Type.Object({ readings: Type.Array(RawReadingSchema) }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            accepted: Type.Integer(),
            duplicates: Type.Integer(),
            alarmsOpened: Type.Integer(),
            rejected: Type.Array(
              Type.Object({
                index: Type.Integer(),
                code: Type.String(),
                params: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]))),
              }),
            ),
          }),
          400: err,
          401: err,
          404: err,
          413: err,
        },
      },
    },
    async (request) =>
      ingestTelemetry({
        db,
        jobs,
        orgId: request.params.orgId,
        authorization: request.headers.authorization,
        readings: request.body.readings,
      }),
  );

  app.get(
    `${base}/stations/:stationId/devices`,
    {
      schema: {
        tags,
        summary: 'Appareils de télémesure / Telemetry devices',
        params: StationParams,
        response: { 200: Type.Object({ items: Type.Array(DeviceSchema) }), 401: err, 403: err },
      },
    },
    async (request) =>
      listDevices({
        db,
        auth: request.auth,
        orgId: request.params.orgId,
        stationId: request.params.stationId,
      }),
  );

  app.post(
    `${base}/stations/:stationId/devices`,
    {
      schema: {
        tags,
        summary: 'Enregistrer un appareil (jeton montré une fois) / Register a device (token shown once)',
        params: StationParams,
        body: Type.Object(
          { name: Type.String({ minLength: 1, maxLength: 120 }) },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({ ...DeviceSchema.properties, token: Type.String() }),
          401: err,
          403: err,
          404: err,
        },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await createDevice({
          db,
          auth: request.auth,
          ip: request.ip,
          orgId: request.params.orgId,
          stationId: request.params.stationId,
          name: request.body.name,
        }),
      ),
  );

  app.post(
    `${base}/devices/:deviceId/revoke`,
    {
      schema: {
        tags,
        summary: 'Révoquer un appareil / Revoke a device',
        params: Type.Object({ orgId: Uuid, deviceId: Uuid }),
        response: { 200: DeviceSchema, 401: err, 403: err, 404: err },
      },
    },
    async (request) =>
      revokeDevice({
        db,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        deviceId: request.params.deviceId,
      }),
  );

  // The CSV upload takes the file as the body, with its own parser and size limit.
  await app.register(async (upload) => {
    upload.removeAllContentTypeParsers();
    upload.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'buffer' }, (_request, body, done) => {
      done(null, (body as Buffer).toString('utf8'));
    });
    upload.withTypeProvider<TypeBoxTypeProvider>().post(
      `${base}/stations/:stationId/imports`,
      {
        bodyLimit: CSV_MAX_BYTES,
        schema: {
          tags,
          summary: 'Téléverser un CSV de lectures et le prévisualiser / Upload and preview a CSV of readings',
          consumes: ['text/csv', 'text/plain'],
          params: StationParams,
          querystring: Type.Object({ fileName: Type.Optional(Type.String({ maxLength: 200 })) }),
          body: Type.String({ minLength: 1 }),
          response: { 201: ImportSchema, 400: err, 401: err, 403: err, 404: err, 413: err, 422: err },
        },
      },
      async (request, reply) =>
        reply.status(201).send(
          await previewReadingImport({
            db,
            auth: request.auth,
            orgId: request.params.orgId,
            stationId: request.params.stationId,
            locale: request.locale,
            fileName: request.query.fileName,
            text: request.body,
          }),
        ),
    );
  });

  const ImportParams = Type.Object({ orgId: Uuid, importId: Uuid });
  app.post(
    `${base}/imports/:importId/preview`,
    {
      schema: {
        tags,
        summary: 'Prévisualiser avec d’autres colonnes / Preview with other columns',
        params: ImportParams,
        body: MappingSchema,
        response: { 200: ImportSchema, 400: err, 401: err, 403: err, 404: err, 409: err, 422: err },
      },
    },
    async (request) =>
      remapReadingImport({
        db,
        auth: request.auth,
        orgId: request.params.orgId,
        importId: request.params.importId,
        locale: request.locale,
        mapping: request.body,
      }),
  );

  app.post(
    `${base}/imports/:importId/start`,
    {
      schema: {
        tags,
        summary: 'Lancer l’importation / Start the import',
        params: ImportParams,
        response: { 202: ImportSchema, 401: err, 403: err, 404: err, 409: err, 422: err },
      },
    },
    async (request, reply) =>
      reply.status(202).send(
        await startReadingImport({
          db,
          jobs,
          auth: request.auth,
          ip: request.ip,
          orgId: request.params.orgId,
          importId: request.params.importId,
          locale: request.locale,
        }),
      ),
  );

  app.get(
    `${base}/imports/:importId`,
    {
      schema: {
        tags,
        summary: 'Progression d’une importation / Progress of an import',
        params: ImportParams,
        response: { 200: ImportSchema, 401: err, 403: err, 404: err },
      },
    },
    async (request) =>
      getReadingImport({
        db,
        auth: request.auth,
        orgId: request.params.orgId,
        importId: request.params.importId,
        locale: request.locale,
      }),
  );

  const MeasureParams = Type.Object({ orgId: Uuid, measureId: Uuid });
  app.get(
    `${base}/measures/:measureId/series`,
    {
      schema: {
        tags,
        summary:
          'Série par heure, jour ou mois, avec comparaison / Series by hour, day or month, with comparison',
        params: MeasureParams,
        querystring: SeriesQuery,
        response: { 200: SeriesSchema, 400: err, 401: err, 403: err, 404: err },
      },
    },
    async (request) =>
      querySeries({
        db,
        auth: request.auth,
        orgId: request.params.orgId,
        measureId: request.params.measureId,
        ...request.query,
      }),
  );

  app.get(
    `${base}/measures/:measureId/series.:format`,
    {
      schema: {
        tags,
        summary: 'Exporter une série (CSV, XLSX) / Export a series (CSV, XLSX)',
        params: Type.Object({ orgId: Uuid, measureId: Uuid, format: FormatSchema }),
        querystring: Type.Object({
          grain: GrainSchema,
          from: Type.String({ format: 'date-time' }),
          to: Type.String({ format: 'date-time' }),
          direction: Type.Optional(Type.String({ maxLength: 4 })),
        }),
        response: { 401: err, 403: err, 404: err },
      },
    },
    async (request, reply) => {
      const { body, fileName } = await exportSeries({
        db,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        measureId: request.params.measureId,
        format: request.params.format,
        locale: request.locale,
        ...request.query,
      });
      return reply
        .type(EXPORT_FORMATS[request.params.format].type)
        .header('content-disposition', attachmentDisposition(fileName))
        .send(body);
    },
  );
};
