import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { organisations } from '../../../platform/orgs/schema.ts';
import type { RequestOrg } from '../requests/context.ts';

/**
 * The organisation a GeoReport call is about: `jurisdiction_id` is its slug. The parameter may be left
 * out only when the installation serves a single municipality, as the standard allows.
 */
export async function resolveJurisdiction(
  db: Executor,
  jurisdictionId: string | undefined,
): Promise<RequestOrg> {
  const active = eq(organisations.active, true);
  const rows = await db
    .select({
      id: organisations.id,
      slug: organisations.slug,
      refPrefix: organisations.refPrefix,
      nameFr: organisations.nameFr,
      nameEn: organisations.nameEn,
    })
    .from(organisations)
    .where(jurisdictionId ? and(active, eq(organisations.slug, jurisdictionId)) : active)
    .limit(2);
  if (!jurisdictionId && rows.length !== 1) throw new AppError('open311.jurisdiction_required', 400);
  const [org] = rows;
  if (!org)
    throw new AppError('open311.jurisdiction_unknown', 404, {
      params: { jurisdiction: jurisdictionId ?? '' },
    });
  return { id: org.id, slug: org.slug, refPrefix: org.refPrefix, name: { fr: org.nameFr, en: org.nameEn } };
}
