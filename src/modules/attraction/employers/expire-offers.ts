import { and, eq, lte, sql } from 'drizzle-orm';
import type { Database } from '../../../platform/db/client.ts';
import { jobOffers } from './schema.ts';

/** Expires published offers whose date passed, in every organisation (one statement; the nightly job). */
export async function expireOffers(options: { db: Database }) {
  const rows = await options.db
    .update(jobOffers)
    .set({ status: 'expired', updatedAt: new Date() })
    .where(and(eq(jobOffers.status, 'published'), lte(jobOffers.expiresAt, sql`now()`)))
    .returning({ orgId: jobOffers.orgId, id: jobOffers.id });
  return { expired: rows.length, offers: rows };
}
