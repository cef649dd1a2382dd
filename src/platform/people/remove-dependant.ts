import { eq } from 'drizzle-orm';
import type { AuthContext } from '../auth/context.ts';
import type { Executor } from '../db/client.ts';
import { AppError } from '../http/errors.ts';
import { requireOwnDependant } from './act-for.ts';
import { persons } from './schema.ts';

function isForeignKeyViolation(error: unknown): boolean {
  // Drizzle wraps the driver's error; the SQLSTATE sits on it or on its cause.
  for (let e: unknown = error, depth = 0; e && depth < 3; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { code?: unknown }).code === '23503') return true;
  }
  return false;
}

/** Removes a dependant from the household (their guardian only); refused while other records point to them. */
export async function removeDependant(options: {
  db: Executor;
  auth: AuthContext | null;
  personId: string;
}): Promise<void> {
  const { dependant } = await requireOwnDependant(options);
  try {
    await options.db.delete(persons).where(eq(persons.id, dependant.id));
  } catch (error) {
    if (isForeignKeyViolation(error)) throw new AppError('household.dependant_in_use', 409);
    throw error;
  }
}
