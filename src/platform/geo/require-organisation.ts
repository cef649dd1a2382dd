import { eq } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { AppError } from '../http/errors.ts';
import { organisations } from '../orgs/schema.ts';

/**
 * Throws `org.not_found` (404) unless the organisation exists. Public geo reads call it only when they
 * found nothing, so that an unknown organisation is told apart from an empty register at no cost otherwise.
 */
export async function requireOrganisation(db: Executor, orgId: string): Promise<void> {
  const [row] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.id, orgId));
  if (!row) throw new AppError('org.not_found', 404);
}
