import { eq } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.ts';
import { organisations } from '../../../platform/orgs/schema.ts';

/** The web app path of an operations page for an organisation's staff (`/staff/<slug>/modules/operations/…`). */
export async function staffUrl(db: Executor, orgId: string, page: string): Promise<string> {
  const [org] = await db
    .select({ slug: organisations.slug })
    .from(organisations)
    .where(eq(organisations.id, orgId));
  return `/staff/${org?.slug ?? ''}/modules/operations${page ? `/${page}` : ''}`;
}
