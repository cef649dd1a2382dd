import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import type { AuthContext } from '../auth/context.ts';
import { requireAccount } from '../auth/policies.ts';
import type { Database } from '../db/client.ts';
import { newId } from '../db/ids.ts';
import type { PlatformDeps } from '../deps.ts';
import { AppError } from '../http/errors.ts';
import { organisations } from '../orgs/schema.ts';
import { ScannerUnavailable, scanFile } from './clamd.ts';
import { sanitizeFileName } from './file-names.ts';
import { reencodeImage } from './images.ts';
import { FILE_TYPES, filePurpose } from './purposes.ts';
import { digestFile, receiveToFile } from './receive.ts';
import { type FileRow, files, type ScanStatus } from './schema.ts';
import { identifyUpload } from './sniff.ts';
import { fileStorageFor, storageKeyFor } from './storage.ts';

/** An incoming file: a `@fastify/multipart` part, or any stream with a name and a declared type. */
export interface UploadPart {
  file: Readable & { truncated?: boolean };
  filename: string;
  mimetype: string;
}

async function scan(deps: PlatformDeps, path: string): Promise<ScanStatus> {
  const server = deps.config.clamav;
  if (!server) return 'not_scanned';
  try {
    const result = await scanFile(server, path);
    if (result.infected)
      throw new AppError('files.infected', 422, { params: { signature: result.signature } });
    return 'clean';
  } catch (error) {
    // Fail closed: with a scanner configured, nothing unscanned is stored.
    if (error instanceof ScannerUnavailable) throw new AppError('files.scan_unavailable', 503);
    throw error;
  }
}

/**
 * Stores an upload for a purpose: size limit, type sniffing against the purpose's formats, virus
 * scan when clamd is configured, images re-encoded without their metadata, a server-generated name,
 * then the `files` row. Nothing is stored when any step refuses the file.
 */
export async function storeUpload(options: {
  db: Database;
  deps: PlatformDeps;
  auth: AuthContext | null;
  orgId: string;
  purpose: string;
  part: UploadPart;
}): Promise<FileRow> {
  const who = requireAccount(options.auth);
  const { db, deps, orgId, part } = options;
  if (!options.purpose) throw new AppError('files.purpose_missing', 400);
  const purpose = filePurpose(options.purpose);
  if (!purpose) throw new AppError('files.purpose_unknown', 400, { params: { purpose: options.purpose } });
  const [org] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.id, orgId));
  if (!org) throw new AppError('org.not_found', 404);

  const maxBytes = Math.min(deps.config.uploadMaxBytes, purpose.maxBytes ?? Number.POSITIVE_INFINITY);
  const tmpRoot = join(deps.config.dataDir, 'tmp');
  await mkdir(tmpRoot, { recursive: true });
  const work = await mkdtemp(join(tmpRoot, 'upload-'));
  try {
    const raw = join(work, 'raw');
    let digest = await receiveToFile(part.file, raw, maxBytes);
    if (digest.size === 0) throw new AppError('files.empty', 400);
    const originalName = sanitizeFileName(part.filename);
    const typeKey = await identifyUpload({
      path: raw,
      name: originalName,
      declaredMime: part.mimetype,
      purpose,
    });
    const scanStatus = await scan(deps, raw);
    const type = FILE_TYPES[typeKey];
    let stored = raw;
    if (type.image) {
      stored = join(work, 'clean');
      await reencodeImage(raw, stored, typeKey);
      digest = await digestFile(stored);
    }

    const id = newId();
    const storageKey = storageKeyFor(orgId, id, type.extensions[0]);
    const storage = fileStorageFor(deps.config);
    await storage.put(storageKey, { path: stored, size: digest.size, contentType: type.mime });
    try {
      const [row] = await db
        .insert(files)
        .values({
          orgId,
          id,
          ownerAccountId: who.account.id,
          purpose: purpose.name,
          originalName,
          mime: type.mime,
          sizeBytes: digest.size,
          sha256: digest.sha256,
          storageKey,
          scanStatus,
        })
        .returning();
      if (!row) throw new Error('file insert returned no row');
      return row;
    } catch (error) {
      await storage.delete(storageKey).catch(() => {});
      throw error;
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
