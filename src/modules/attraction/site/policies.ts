import { eq, or } from 'drizzle-orm';
import type { AuthContext } from '../../../platform/auth/context.ts';
import { requireRole } from '../../../platform/auth/policies.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { organisations } from '../../../platform/orgs/schema.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** MRC staff who edit the regional site, its map and its resource people (administrators too). */
export function requireSiteStaff(auth: AuthContext | null, orgId: string): AuthContext {
  return requireRole(auth, orgId, ['attraction']);
}

/** A regional site's MRC with its member municipalities. */
export interface Region {
  id: string;
  slug: string;
  name: { fr: string; en: string };
  members: Array<{ id: string; slug: string; name: { fr: string; en: string } }>;
}

/** The MRC named by id or slug, with its member municipalities; 404 when it is not an active MRC. */
export async function findRegion(db: Executor, idOrSlug: string): Promise<Region> {
  const [org] = await db
    .select()
    .from(organisations)
    .where(
      UUID.test(idOrSlug)
        ? or(eq(organisations.id, idOrSlug), eq(organisations.slug, idOrSlug))
        : eq(organisations.slug, idOrSlug),
    );
  if (org?.kind !== 'mrc' || !org.active) throw new AppError('region.not_found', 404);
  const members = await db
    .select({
      id: organisations.id,
      slug: organisations.slug,
      nameFr: organisations.nameFr,
      nameEn: organisations.nameEn,
    })
    .from(organisations)
    .where(eq(organisations.mrcId, org.id));
  return {
    id: org.id,
    slug: org.slug,
    name: { fr: org.nameFr, en: org.nameEn },
    members: members
      .map((m) => ({ id: m.id, slug: m.slug, name: { fr: m.nameFr, en: m.nameEn } }))
      .sort((a, b) => a.name.fr.localeCompare(b.name.fr, 'fr')),
  };
}

/** 422 unless the municipality is a member of the region (null is allowed: region-wide). */
export function requireMember(region: Region, municipalityOrgId: string | null | undefined): void {
  if (municipalityOrgId && !region.members.some((m) => m.id === municipalityOrgId)) {
    throw new AppError('region.municipality_unknown', 422);
  }
}
