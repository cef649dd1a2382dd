import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Config } from '../../config.ts';
import { newId } from '../db/ids.ts';
import { S3Storage } from './s3-storage.ts';

/** Where stored files' bytes live; keys are server-generated (`<orgId>/<yyyy>/<mm>/<uuid>.<ext>`). */
export interface FileStorage {
  readonly kind: 'local' | 's3';
  /** Stores a local file under a key. */
  put(key: string, source: { path: string; size: number; contentType: string }): Promise<void>;
  /** Opens a stored file for reading; undefined when it is not there. */
  get(key: string): Promise<Readable | undefined>;
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
}

// Keys are built by the server, but a key is still checked before it becomes a path.
const KEY = /^[0-9a-f-]{36}\/\d{4}\/\d{2}\/[0-9a-f-]{36}\.[a-z0-9]{1,8}$/;

/** Checks that a storage key has the server's shape (no `..`, no absolute path). */
export function assertStorageKey(key: string): string {
  if (!KEY.test(key)) throw new Error(`invalid storage key: ${key}`);
  return key;
}

/** The storage key of a new file. */
export function storageKeyFor(orgId: string, fileId: string, extension: string, now = new Date()): string {
  const month = String(now.getUTCMonth() + 1).padStart(2, '0');
  return assertStorageKey(`${orgId}/${now.getUTCFullYear()}/${month}/${fileId}.${extension}`);
}

/** Files on local disk under a root folder (`DATA_DIR/files`). */
export class LocalStorage implements FileStorage {
  readonly kind = 'local' as const;
  readonly root: string;

  constructor(root: string) {
    this.root = root;
  }

  private pathOf(key: string): string {
    return join(this.root, assertStorageKey(key));
  }

  async put(key: string, source: { path: string }): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(dirname(target), { recursive: true });
    // Written beside the target then renamed, so a reader never sees half a file.
    const partial = `${target}.${newId()}.partial`;
    try {
      await pipeline(createReadStream(source.path), createWriteStream(partial, { flags: 'wx' }));
      await rename(partial, target);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Readable | undefined> {
    const path = this.pathOf(key);
    if (!(await this.exists(key))) return undefined;
    return createReadStream(path);
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  async exists(key: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(key))).isFile();
    } catch {
      return false;
    }
  }
}

const storages = new WeakMap<Config, FileStorage>();

/** The storage a configuration names: S3-compatible when configured, else local disk (one per config). */
export function fileStorageFor(config: Config): FileStorage {
  let storage = storages.get(config);
  if (!storage) {
    storage = config.s3 ? new S3Storage(config.s3) : new LocalStorage(join(config.dataDir, 'files'));
    storages.set(config, storage);
  }
  return storage;
}
