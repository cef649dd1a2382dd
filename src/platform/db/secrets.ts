import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Executor } from './client.ts';
import { installationSecrets } from './schema.ts';

// Keyed by the database (or transaction) object, so each test database and process has its own.
const cache = new WeakMap<Executor, Map<string, Promise<string>>>();

async function loadOrCreate(db: Executor, name: string, generate: () => string): Promise<string> {
  // Whichever process starts first creates the value; the others read that same value.
  await db.insert(installationSecrets).values({ name, value: generate() }).onConflictDoNothing();
  const [row] = await db.select().from(installationSecrets).where(eq(installationSecrets.name, name));
  if (!row) throw new Error(`installation secret ${name} missing after insert`);
  return row.value;
}

/**
 * An installation-wide secret (signing keys, VAPID keys), generated on first use and kept in the
 * database so that every server and worker process of the installation shares it. Cached per database.
 */
export function installationSecret(
  db: Executor,
  name: string,
  generate: () => string = () => randomBytes(32).toString('base64url'),
): Promise<string> {
  let byName = cache.get(db);
  if (!byName) {
    byName = new Map();
    cache.set(db, byName);
  }
  let value = byName.get(name);
  if (!value) {
    const loading = loadOrCreate(db, name, generate);
    loading.catch(() => byName.delete(name));
    byName.set(name, loading);
    value = loading;
  }
  return value;
}
