import { PassThrough } from 'node:stream';
import type { FastifyMultipartBaseOptions, Multipart } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import { AppError } from '../http/errors.ts';
import { tooLarge } from './receive.ts';
import type { UploadPart } from './store-upload.ts';

/**
 * Options for registering `@fastify/multipart` in a feature's own plugin: the installation's size
 * limit and one file per request unless the feature allows more.
 */
export function uploadLimits(config: Config, options: { files?: number } = {}): FastifyMultipartBaseOptions {
  return {
    limits: {
      fileSize: config.uploadMaxBytes,
      files: options.files ?? 1,
      fields: 20,
      fieldSize: 4096,
      parts: 40,
      headerPairs: 100,
    },
  };
}

/** Turns @fastify/multipart's errors into the API's bilingual ones. */
export function multipartError(error: unknown, config: Config): unknown {
  switch ((error as { code?: string } | null)?.code) {
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new AppError('files.not_multipart', 415);
    case 'FST_FILES_LIMIT':
      return new AppError('files.too_many', 413);
    case 'FST_REQ_FILE_TOO_LARGE':
      return tooLarge(config.uploadMaxBytes);
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return new AppError('validation.too_large', 413);
    default:
      // busboy's own errors carry no code: a missing boundary, a truncated body, a broken part header.
      return error instanceof Error &&
        /^Multipart: |multipart data|Boundary required|Malformed part header/.test(error.message)
        ? new AppError('files.malformed', 400)
        : error;
  }
}

/**
 * The request's one file, with the text fields sent before it, and `discard` to call when the file
 * is refused. The file's stream only ends once the rest of the request has been read: a second file
 * (or any parser error) fails the stream, so the use case reading it stores nothing.
 */
export async function singleUpload(
  request: FastifyRequest,
  config: Config,
): Promise<{ part: UploadPart; fields: Record<string, string>; discard: () => void }> {
  if (!request.isMultipart()) throw new AppError('files.not_multipart', 415);
  const iterator = request.parts()[Symbol.asyncIterator]();
  const next = () =>
    iterator.next().catch((error: unknown) => {
      throw multipartError(error, config);
    });
  const fields: Record<string, string> = {};
  for (;;) {
    const { value, done } = await next();
    if (done) throw new AppError('files.missing', 400);
    const part: Multipart = value;
    if (part.type === 'field') {
      if (typeof part.value === 'string') fields[part.fieldname] = part.value;
      continue;
    }
    const source = part.file;
    const guarded = new PassThrough();
    Object.defineProperty(guarded, 'truncated', { get: () => source.truncated });
    source.pipe(guarded, { end: false });
    source.on('error', (error) => guarded.destroy(error));
    // The reader of `guarded` gets its errors; when it already gave up, they have nowhere else to go.
    guarded.on('error', () => {});
    void (async () => {
      try {
        for (let rest = await next(); !rest.done; rest = await next()) {
          if (rest.value.type === 'file') {
            rest.value.file.resume();
            throw new AppError('files.too_many', 413);
          }
        }
        guarded.end();
      } catch (error) {
        guarded.destroy(error instanceof Error ? error : new Error(String(error)));
      }
    })();
    // After a refusal, the rest of the file is read and dropped so the parser reaches the end.
    const discard = () => {
      source.unpipe(guarded);
      source.resume();
    };
    return { part: { file: guarded, filename: part.filename, mimetype: part.mimetype }, fields, discard };
  }
}
