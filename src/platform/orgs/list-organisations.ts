import { asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { organisations, partnershipMembers, partnerships } from './schema.ts';

/** An organisation as the API shows it, with its partners and MRC members. */
export interface OrganisationView {
  id: string;
  slug: string;
  kind: 'municipality' | 'mrc';
  geoCode: string;
  name: { fr: string; en: string };
  refPrefix: string;
  mrcId: string | null;
  branding: { primaryColor: string; accentColor: string; logoUrl?: string };
  partnerships: Array<{ id: string; scope: string; name: { fr: string; en: string }; orgIds: string[] }>;
}

type OrgRow = typeof organisations.$inferSelect;

/** Lists active organisations (public), each with its partnerships. */
export async function listOrganisations(options: {
  db: Executor;
  includeInactive?: boolean;
}): Promise<OrganisationView[]> {
  const query = options.db.select().from(organisations);
  const rows = await (options.includeInactive ? query : query.where(eq(organisations.active, true))).orderBy(
    asc(organisations.nameFr),
  );
  return withPartnerships(options.db, rows);
}

/** Loads partnerships for organisation rows. */
export async function withPartnerships(db: Executor, rows: OrgRow[]): Promise<OrganisationView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const links = await db
    .select({ partnershipId: partnershipMembers.partnershipId, orgId: partnershipMembers.orgId })
    .from(partnershipMembers)
    .where(
      inArray(
        partnershipMembers.partnershipId,
        db
          .select({ id: partnershipMembers.partnershipId })
          .from(partnershipMembers)
          .where(inArray(partnershipMembers.orgId, ids)),
      ),
    );
  const partnershipIds = [...new Set(links.map((l) => l.partnershipId))];
  const ps = partnershipIds.length
    ? await db.select().from(partnerships).where(inArray(partnerships.id, partnershipIds))
    : [];
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    kind: r.kind,
    geoCode: r.geoCode,
    name: { fr: r.nameFr, en: r.nameEn },
    refPrefix: r.refPrefix,
    mrcId: r.mrcId,
    branding: r.branding,
    partnerships: ps
      .filter((p) => links.some((l) => l.partnershipId === p.id && l.orgId === r.id))
      .map((p) => ({
        id: p.id,
        scope: p.scope,
        name: { fr: p.nameFr, en: p.nameEn },
        orgIds: links.filter((l) => l.partnershipId === p.id).map((l) => l.orgId),
      })),
  }));
}
