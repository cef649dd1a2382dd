import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { AuthContext } from '../../../platform/auth/context.ts';
import { requireAccount } from '../../../platform/auth/policies.ts';
import type { Database } from '../../../platform/db/client.ts';
import { newId } from '../../../platform/db/ids.ts';
import type { PlatformDeps } from '../../../platform/deps.ts';
import { ScannerUnavailable, scanFile } from '../../../platform/files/clamd.ts';
import { sanitizeFileName } from '../../../platform/files/file-names.ts';
import { reencodeImage } from '../../../platform/files/images.ts';
import { FILE_TYPES, filePurpose } from '../../../platform/files/purposes.ts';
import { digestFile, receiveToFile } from '../../../platform/files/receive.ts';
import { type FileRow, files } from '../../../platform/files/schema.ts';
import { identifyUpload } from '../../../platform/files/sniff.ts';
import { fileStorageFor, storageKeyFor } from '../../../platform/files/storage.ts';
import { storeUpload, type UploadPart } from '../../../platform/files/store-upload.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { loadOrg } from './context.ts';
import { photoToken } from './guest-access.ts';

/** The upload purpose of request photos (images only; re-encoded, so their GPS position is dropped). */
export const REQUEST_PHOTO = 'request-photo';

/** A photo ready to be attached to a request; `token` proves a guest uploaded it. */
export interface UploadedPhoto {
  id: string;
  originalName: string;
  mime: string;
  sizeBytes: number;
  token: string | null;
}

/**
 * Stores a file the way the files platform's storeUpload does (size limit, type from the content, virus
 * scan, image re-encoded without metadata) for someone without an account: storeUpload needs an owner
 * account, which a guest reporting by e-mail does not have. The row has no owner; the returned token
 * is what lets the guest attach it to their request.
 */
async function storeGuestPhoto(
  db: Database,
  deps: PlatformDeps,
  orgId: string,
  part: UploadPart,
): Promise<FileRow> {
  const purpose = filePurpose(REQUEST_PHOTO);
  if (!purpose) throw new Error(`file purpose ${REQUEST_PHOTO} is not registered`);
  const maxBytes = Math.min(deps.config.uploadMaxBytes, purpose.maxBytes ?? Number.POSITIVE_INFINITY);
  const tmpRoot = join(deps.config.dataDir, 'tmp');
  await mkdir(tmpRoot, { recursive: true });
  const work = await mkdtemp(join(tmpRoot, 'upload-'));
  try {
    const raw = join(work, 'raw');
    const received = await receiveToFile(part.file, raw, maxBytes);
    if (received.size === 0) throw new AppError('files.empty', 400);
    const originalName = sanitizeFileName(part.filename);
    const typeKey = await identifyUpload({
      path: raw,
      name: originalName,
      declaredMime: part.mimetype,
      purpose,
    });
    let scanStatus: FileRow['scanStatus'] = 'not_scanned';
    if (deps.config.clamav) {
      try {
        const result = await scanFile(deps.config.clamav, raw);
        if (result.infected)
          throw new AppError('files.infected', 422, { params: { signature: result.signature } });
        scanStatus = 'clean';
      } catch (error) {
        if (error instanceof ScannerUnavailable) throw new AppError('files.scan_unavailable', 503);
        throw error;
      }
    }
    const type = FILE_TYPES[typeKey];
    const clean = join(work, 'clean');
    await reencodeImage(raw, clean, typeKey);
    const digest = await digestFile(clean);
    const id = newId();
    const storageKey = storageKeyFor(orgId, id, type.extensions[0]);
    const storage = fileStorageFor(deps.config);
    await storage.put(storageKey, { path: clean, size: digest.size, contentType: type.mime });
    try {
      const [row] = await db
        .insert(files)
        .values({
          orgId,
          id,
          ownerAccountId: null,
          purpose: REQUEST_PHOTO,
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

/**
 * Stores a photo for a request about to be submitted: through the files platform for a signed-in
 * person, or as a guest's photo (with its token) otherwise. Nothing is attached until the submission.
 */
export async function uploadRequestPhoto(options: {
  db: Database;
  deps: PlatformDeps;
  auth: AuthContext | null;
  orgId: string;
  part: UploadPart;
}): Promise<UploadedPhoto> {
  const { db, deps, orgId, part } = options;
  await loadOrg(db, orgId);
  if (options.auth) {
    requireAccount(options.auth);
    const row = await storeUpload({ db, deps, auth: options.auth, orgId, purpose: REQUEST_PHOTO, part });
    return {
      id: row.id,
      originalName: row.originalName,
      mime: row.mime,
      sizeBytes: row.sizeBytes,
      token: null,
    };
  }
  const row = await storeGuestPhoto(db, deps, orgId, part);
  return {
    id: row.id,
    originalName: row.originalName,
    mime: row.mime,
    sizeBytes: row.sizeBytes,
    token: await photoToken(db, row.id),
  };
}
