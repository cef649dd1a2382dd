import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../http/errors.ts';
import { formatSizeLimit } from './file-names.ts';

/** Size and SHA-256 of some bytes. */
export interface Digest {
  size: number;
  sha256: string;
}

/** The 413 of an upload over its limit. */
export function tooLarge(maxBytes: number): AppError {
  return new AppError('files.too_large', 413, { params: formatSizeLimit(maxBytes) });
}

/**
 * Writes an incoming stream to a file, counting and hashing as it goes; stops with a 413 as soon as
 * the limit is passed (by @fastify/multipart's own limit or by this count, for non-HTTP sources).
 */
export async function receiveToFile(
  source: Readable & { truncated?: boolean },
  target: string,
  maxBytes: number,
): Promise<Digest> {
  const hash = createHash('sha256');
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      if (size > maxBytes) return callback(tooLarge(maxBytes));
      hash.update(chunk);
      callback(null, chunk);
    },
  });
  try {
    await pipeline(source, meter, createWriteStream(target, { flags: 'wx' }));
  } catch (error) {
    if (error instanceof AppError) throw error;
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(maxBytes);
    throw error;
  }
  if (source.truncated) throw tooLarge(maxBytes);
  return { size, sha256: hash.digest('hex') };
}

/** Size and SHA-256 of a file on disk. */
export async function digestFile(path: string): Promise<Digest> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path)) {
    const bytes = chunk as Buffer;
    size += bytes.length;
    hash.update(bytes);
  }
  return { size, sha256: hash.digest('hex') };
}
