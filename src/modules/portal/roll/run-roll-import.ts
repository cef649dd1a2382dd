import { createReadStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import type { Database } from '../../../platform/db/client.ts';
import { importRoll, type RollImportSummary } from './import-roll.ts';

/** The job of a roll import started from the web: streams the received file, then removes it. */
export async function runRollImport(options: {
  db: Database;
  orgId: string;
  importId: string;
  path: string;
}): Promise<RollImportSummary> {
  const { path } = options;
  try {
    const size = (await stat(path)).size;
    return await importRoll({
      db: options.db,
      orgId: options.orgId,
      importId: options.importId,
      source: createReadStream(path, { highWaterMark: 256 * 1024 }),
      fileName: path,
      bytesTotal: size,
    });
  } finally {
    await rm(path, { force: true });
  }
}
