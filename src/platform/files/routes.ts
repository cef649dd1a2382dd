import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Uuid } from '../http/schemas.ts';
import { attachmentDisposition } from './file-names.ts';
import { getFileLink } from './get-file-link.ts';
import './messages.ts';
import { singleUpload, uploadLimits } from './multipart.ts';
import { openDownload } from './open-download.ts';
import type { FileRow } from './schema.ts';
import { storeUpload } from './store-upload.ts';

export const StoredFileSchema = Type.Object(
  {
    id: Type.String(),
    orgId: Type.String(),
    purpose: Type.String(),
    originalName: Type.String(),
    mime: Type.String(),
    sizeBytes: Type.Integer(),
    sha256: Type.String(),
    scanStatus: Type.Union([Type.Literal('clean'), Type.Literal('not_scanned')]),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'StoredFile' },
);

/** What the API shows of a stored file (never its storage key). */
export function storedFileView(row: FileRow) {
  return {
    id: row.id,
    orgId: row.orgId,
    purpose: row.purpose,
    originalName: row.originalName,
    mime: row.mime,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    scanStatus: row.scanStatus,
    createdAt: row.createdAt.toISOString(),
  };
}

const err = { $ref: 'Error#' };

/** Uploads, expiring download links and downloads; multipart parsing is confined to this plugin. */
export const fileRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;
  const db = deps.database.db;
  const tags = ['files'];
  app.addSchema(StoredFileSchema);
  await app.register(multipart, uploadLimits(deps.config));

  app.post(
    '/files/:orgId',
    {
      schema: {
        tags,
        summary: 'Déposer un fichier / Upload a file',
        description:
          'multipart/form-data: a `purpose` field (image, document, data, or a purpose a feature registered) ' +
          'sent before one `file` part.',
        consumes: ['multipart/form-data'],
        params: Type.Object({ orgId: Uuid }),
        response: {
          201: Type.Ref('StoredFile'),
          400: err,
          401: err,
          403: err,
          404: err,
          413: err,
          415: err,
          422: err,
          503: err,
        },
      },
    },
    async (request, reply) => {
      const { part, fields, discard } = await singleUpload(request, deps.config);
      try {
        const row = await storeUpload({
          db,
          deps,
          auth: request.auth,
          orgId: request.params.orgId,
          purpose: fields.purpose ?? '',
          part,
        });
        return reply.status(201).send(storedFileView(row));
      } catch (error) {
        discard();
        throw error;
      }
    },
  );

  app.get(
    '/files/:orgId/:id/link',
    {
      schema: {
        tags,
        summary: 'Lien de téléchargement temporaire / Expiring download link',
        params: Type.Object({ orgId: Uuid, id: Uuid }),
        response: {
          200: Type.Object({ url: Type.String(), expiresAt: Type.String({ format: 'date-time' }) }),
          401: err,
          403: err,
          404: err,
        },
      },
    },
    async (request) =>
      getFileLink({
        db,
        auth: request.auth,
        ip: request.ip,
        orgId: request.params.orgId,
        fileId: request.params.id,
      }),
  );

  app.get(
    '/files/download/:token',
    {
      schema: {
        tags,
        summary: 'Télécharger par lien / Download through a link',
        params: Type.Object({ token: Type.String({ maxLength: 400 }) }),
        response: { 403: err, 404: err, 410: err },
      },
    },
    async (request, reply) => {
      const { file, body } = await openDownload({ db, deps, token: request.params.token });
      return reply
        .header('content-type', file.mime.startsWith('text/') ? `${file.mime}; charset=utf-8` : file.mime)
        .header('content-length', String(file.sizeBytes))
        .header('content-disposition', attachmentDisposition(file.originalName))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .send(body);
    },
  );
};
