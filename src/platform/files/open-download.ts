import type { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { inOrg } from '../db/tenancy.ts';
import type { PlatformDeps } from '../deps.ts';
import { AppError } from '../http/errors.ts';
import { linkSecret, verifyLinkToken } from './links.ts';
import type { FileRow } from './schema.ts';
import { files } from './schema.ts';
import { fileStorageFor } from './storage.ts';

/**
 * Opens the file a download token names. The token is the permission (it was issued after the
 * access check), so no session is needed: a forged token is 403, an expired one 410.
 */
export async function openDownload(options: {
  db: Database;
  deps: PlatformDeps;
  token: string;
}): Promise<{ file: FileRow; body: Readable }> {
  const { db } = options;
  const claims = verifyLinkToken(await linkSecret(db), options.token);
  const [file] = await db
    .select()
    .from(files)
    .where(inOrg(files, claims.orgId, eq(files.id, claims.fileId)));
  if (!file) throw new AppError('files.not_found', 404);
  const body = await fileStorageFor(options.deps.config).get(file.storageKey);
  if (!body) throw new AppError('files.not_found', 404);
  return { file, body };
}
