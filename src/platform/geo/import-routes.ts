import type { FastifyPluginAsyncTypebox, TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError, renderMessage } from '../http/errors.ts';
import { getAddressImport } from './get-address-import.ts';
import { decodeUpload, formatOfContentType } from './import-sources.ts';
import { previewAddressImport } from './preview-address-import.ts';
import { remapAddressImport } from './remap-address-import.ts';
import {
  ImportParams,
  ImportPreviewSchema,
  ImportProgressSchema,
  MappingInput,
  OrgParams,
} from './schemas.ts';
import { startAddressImport } from './start-address-import.ts';

/** Largest address file accepted, on the upload route only (the API's default stays 1 MiB). */
export const ADDRESS_FILE_MAX_BYTES = 50 * 1024 * 1024;

const UPLOAD_TYPES = ['text/csv', 'text/plain', 'application/geo+json', 'application/json'];
const err = { $ref: 'Error#' };
const tags = ['addresses'];

function withMessages<
  T extends { errors: Array<{ line: number; code: string; params?: Record<string, string | number> }> },
>(request: FastifyRequest, value: T) {
  return {
    ...value,
    errors: value.errors.map((e) => ({
      line: e.line,
      code: e.code,
      message: renderMessage(e.code, request.locale, e.params),
    })),
  };
}

/** Address imports by staff: upload and preview, choose columns, start, follow progress. */
export const importRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { database, jobs } = app.deps;
  const db = database.db;

  // The upload takes the file itself as the body, so its own parsers (and limit) stay inside this plugin.
  await app.register(async (upload) => {
    upload.removeAllContentTypeParsers();
    upload.addContentTypeParser(UPLOAD_TYPES, { parseAs: 'buffer' }, (_request, body, done) => {
      done(null, decodeUpload(body as Buffer));
    });
    upload.withTypeProvider<TypeBoxTypeProvider>().post(
      '/orgs/:orgId/addresses/imports',
      {
        bodyLimit: ADDRESS_FILE_MAX_BYTES,
        schema: {
          tags,
          summary: 'Téléverser et prévisualiser un fichier d’adresses / Upload and preview an address file',
          description:
            'Corps : le fichier CSV (text/csv) ou GeoJSON (application/geo+json), 50 Mio au plus. / Body: the CSV (text/csv) or GeoJSON (application/geo+json) file, 50 MiB at most.',
          consumes: UPLOAD_TYPES,
          params: OrgParams,
          querystring: Type.Object({ fileName: Type.Optional(Type.String({ maxLength: 200 })) }),
          body: Type.String({ minLength: 1 }),
          response: { 201: ImportPreviewSchema, 400: err, 401: err, 403: err, 413: err, 415: err },
        },
      },
      async (request, reply) => {
        const format = formatOfContentType(request.headers['content-type'] ?? '');
        if (!format) throw new AppError('validation.unsupported_media_type', 415);
        const preview = await previewAddressImport({
          db,
          auth: request.auth,
          orgId: request.params.orgId,
          input: { format, text: request.body, fileName: request.query.fileName },
        });
        return reply.status(201).send(withMessages(request, preview));
      },
    );
  });

  app.post(
    '/orgs/:orgId/addresses/imports/:importId/preview',
    {
      schema: {
        tags,
        summary: 'Prévisualiser avec d’autres colonnes / Preview with other columns',
        params: ImportParams,
        body: MappingInput,
        response: { 200: ImportPreviewSchema, 400: err, 401: err, 403: err, 404: err, 409: err, 422: err },
      },
    },
    async (request) =>
      withMessages(
        request,
        await remapAddressImport({
          db,
          auth: request.auth,
          orgId: request.params.orgId,
          importId: request.params.importId,
          input: request.body,
        }),
      ),
  );

  app.post(
    '/orgs/:orgId/addresses/imports/:importId/start',
    {
      schema: {
        tags,
        summary: 'Lancer l’importation / Start the import',
        params: ImportParams,
        response: {
          202: Type.Object({ id: Type.String(), status: Type.Literal('queued') }),
          401: err,
          403: err,
          404: err,
          409: err,
          410: err,
          422: err,
        },
      },
    },
    async (request, reply) => {
      const started = await startAddressImport({
        db,
        jobs,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        importId: request.params.importId,
      });
      return reply.status(202).send(started);
    },
  );

  app.get(
    '/orgs/:orgId/addresses/imports/:importId',
    {
      schema: {
        tags,
        summary: 'Progression d’une importation / Progress of an import',
        params: ImportParams,
        response: { 200: ImportProgressSchema, 401: err, 403: err, 404: err },
      },
    },
    async (request) => {
      const view = await getAddressImport({
        db,
        auth: request.auth,
        orgId: request.params.orgId,
        importId: request.params.importId,
      });
      return withMessages(request, {
        ...view,
        createdAt: view.createdAt.toISOString(),
        startedAt: view.startedAt?.toISOString() ?? null,
        finishedAt: view.finishedAt?.toISOString() ?? null,
      });
    },
  );
};
