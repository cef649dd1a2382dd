import { and, eq, inArray, lt, notExists, sql } from 'drizzle-orm';
import type { Config } from '../../../config.ts';
import type { Database } from '../../../platform/db/client.ts';
import { files } from '../../../platform/files/schema.ts';
import { fileStorageFor } from '../../../platform/files/storage.ts';
import { requestPhotos } from './schema.ts';
import { REQUEST_PHOTO } from './upload-request-photo.ts';

// A photo is uploaded as soon as it is chosen; one never attached (the form was abandoned) is kept this long.
const KEEP_UNATTACHED = sql`interval '1 day'`;
const BATCH = 500;

/**
 * Deletes request photos never attached to a request (bytes, then rows), so abandoned forms, and anyone
 * uploading without reporting, leave nothing behind. Runs nightly for the whole installation.
 */
export async function purgeUnusedPhotos(options: { db: Database; config: Config }): Promise<number> {
  const { db, config } = options;
  const storage = fileStorageFor(config);
  let purged = 0;
  for (;;) {
    const unused = await db
      .select({ orgId: files.orgId, id: files.id, storageKey: files.storageKey })
      .from(files)
      .where(
        and(
          eq(files.purpose, REQUEST_PHOTO),
          lt(files.createdAt, sql`now() - ${KEEP_UNATTACHED}`),
          notExists(
            db
              .select({ one: sql`1` })
              .from(requestPhotos)
              .where(and(eq(requestPhotos.orgId, files.orgId), eq(requestPhotos.fileId, files.id))),
          ),
        ),
      )
      .limit(BATCH);
    if (unused.length === 0) return purged;
    for (const file of unused) await storage.delete(file.storageKey).catch(() => {});
    await db.delete(files).where(
      inArray(
        files.id,
        unused.map((f) => f.id),
      ),
    );
    purged += unused.length;
    if (unused.length < BATCH) return purged;
  }
}
