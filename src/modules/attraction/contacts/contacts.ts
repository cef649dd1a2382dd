import { and, asc, count, eq, gt, isNull, sql } from 'drizzle-orm';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Database, Executor } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { findRegion, type Region, requireSiteStaff } from '../site/policies.ts';
import { saveStaffRecord } from '../site/staff-records.ts';
import { type RegionContact, regionContactSlots, regionContacts } from './schema.ts';
import type { ContactInputT } from './schemas.ts';

/** The public view of a contact: built field by field so the e-mail address cannot slip in. */
export function publicContact(c: RegionContact, nextSlots: number) {
  return {
    id: c.id,
    slug: c.slug,
    name: c.name,
    role: { fr: c.roleFr, en: c.roleEn },
    bio: { fr: c.bioFr, en: c.bioEn },
    topics: c.topics,
    languages: c.languages,
    nextSlots,
  };
}

const openSlot = () => and(isNull(regionContactSlots.bookedAt), gt(regionContactSlots.startsAt, sql`now()`));

/** Active resource people of the region, filtered by topic and language spoken. */
export async function listPublicContacts(
  db: Database,
  region: Region,
  filters: { topic?: string; language?: string } = {},
) {
  const rows = await db
    .select()
    .from(regionContacts)
    .where(
      inOrg(
        regionContacts,
        region.id,
        eq(regionContacts.active, true),
        filters.topic ? sql`${filters.topic} = any(${regionContacts.topics})` : undefined,
        filters.language ? sql`${filters.language} = any(${regionContacts.languages})` : undefined,
      ),
    )
    .orderBy(asc(regionContacts.name));
  const counts = await db
    .select({ contactId: regionContactSlots.contactId, n: count() })
    .from(regionContactSlots)
    .where(inOrg(regionContactSlots, region.id, openSlot()))
    .groupBy(regionContactSlots.contactId);
  const byContact = new Map(counts.map((c) => [c.contactId, c.n]));
  return rows.map((c) => publicContact(c, byContact.get(c.id) ?? 0));
}

/** One active contact (by id or slug) with the open slots people may book. */
export async function getPublicContact(db: Database, region: Region, idOrSlug: string) {
  const byId = /^[0-9a-f-]{36}$/i.test(idOrSlug);
  const [c] = await db
    .select()
    .from(regionContacts)
    .where(
      inOrg(
        regionContacts,
        region.id,
        eq(regionContacts.active, true),
        byId ? eq(regionContacts.id, idOrSlug) : eq(regionContacts.slug, idOrSlug),
      ),
    );
  if (!c) throw new AppError('region.contact_not_found', 404);
  const slots = await db
    .select()
    .from(regionContactSlots)
    .where(inOrg(regionContactSlots, region.id, eq(regionContactSlots.contactId, c.id), openSlot()))
    .orderBy(asc(regionContactSlots.startsAt))
    .limit(100);
  return {
    contact: publicContact(c, slots.length),
    slots: slots.map((s) => ({
      id: s.id,
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt.toISOString(),
      mode: s.mode,
    })),
  };
}

/** The contact row itself (server use only: it carries the address). */
export async function contactRow(db: Executor, orgId: string, contactId: string): Promise<RegionContact> {
  const [c] = await db
    .select()
    .from(regionContacts)
    .where(inOrg(regionContacts, orgId, eq(regionContacts.id, contactId), eq(regionContacts.active, true)));
  if (!c) throw new AppError('region.contact_not_found', 404);
  return c;
}

/** Every contact with its address, for staff. */
export async function listStaffContacts(options: { db: Database; auth: AuthContext | null; orgId: string }) {
  requireSiteStaff(options.auth, options.orgId);
  const rows = await options.db
    .select()
    .from(regionContacts)
    .where(inOrg(regionContacts, options.orgId))
    .orderBy(asc(regionContacts.name));
  return { items: rows.map((c) => ({ ...publicContact(c, 0), email: c.email, active: c.active })) };
}

/** Creates or changes a resource person. */
export async function saveContact(options: {
  db: Database;
  auth: AuthContext | null;
  orgId: string;
  contactId?: string;
  input: ContactInputT;
  ip?: string;
}) {
  const who = requireSiteStaff(options.auth, options.orgId);
  const { db, orgId, input } = options;
  await findRegion(db, orgId);
  const values = {
    ...input,
    email: input.email.trim().toLowerCase(),
    topics: [...new Set(input.topics)],
    languages: [...new Set(input.languages)],
    updatedAt: new Date(),
  };
  const row = await saveStaffRecord({
    db,
    who,
    orgId,
    kind: 'contact',
    id: options.contactId,
    slug: input.slug,
    ip: options.ip,
    insert: () =>
      db
        .insert(regionContacts)
        .values({ ...values, orgId })
        .returning(),
    update: (id) =>
      db
        .update(regionContacts)
        .set(values)
        .where(inOrg(regionContacts, orgId, eq(regionContacts.id, id)))
        .returning(),
  });
  return { ...publicContact(row, 0), email: row.email, active: row.active };
}
