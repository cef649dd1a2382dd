import { asc, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import { recordPersonalDataAccess } from '../../../platform/audit/record-personal-data-access.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Database } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { requireSiteStaff } from '../site/policies.ts';
import { regionContactSlots, regionContacts } from './schema.ts';

async function requireContact(db: Database, orgId: string, contactId: string) {
  const [c] = await db
    .select({ id: regionContacts.id })
    .from(regionContacts)
    .where(inOrg(regionContacts, orgId, eq(regionContacts.id, contactId)));
  if (!c) throw new AppError('region.contact_not_found', 404);
}

/** A contact's slots with who booked them (staff; reading bookers is logged as personal-data access). */
export async function listStaffSlots(options: {
  db: Database;
  auth: AuthContext | null;
  orgId: string;
  contactId: string;
  ip?: string;
}) {
  const who = requireSiteStaff(options.auth, options.orgId);
  await requireContact(options.db, options.orgId, options.contactId);
  const rows = await options.db
    .select()
    .from(regionContactSlots)
    .where(inOrg(regionContactSlots, options.orgId, eq(regionContactSlots.contactId, options.contactId)))
    .orderBy(asc(regionContactSlots.startsAt));
  if (rows.some((r) => r.bookedAt)) {
    await recordPersonalDataAccess(options.db, {
      orgId: options.orgId,
      actorAccountId: who.account.id,
      subjectAccountId: null,
      ip: options.ip ?? null,
      targetType: 'region_contact',
      targetId: options.contactId,
      purpose: 'region.appointments',
    });
  }
  return {
    items: rows.map((s) => ({
      id: s.id,
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt.toISOString(),
      mode: s.mode,
      booked: !!s.bookedAt,
      bookerName: s.bookerName,
      bookerEmail: s.bookerEmail,
      bookerNote: s.bookerNote,
    })),
  };
}

/** Opens slots in a contact's calendar. */
export async function addSlots(options: {
  db: Database;
  auth: AuthContext | null;
  orgId: string;
  contactId: string;
  slots: Array<{ startsAt: string; endsAt: string; mode: string }>;
  ip?: string;
}) {
  const who = requireSiteStaff(options.auth, options.orgId);
  await requireContact(options.db, options.orgId, options.contactId);
  const values = options.slots.map((s) => {
    const startsAt = new Date(s.startsAt);
    const endsAt = new Date(s.endsAt);
    if (!(endsAt > startsAt)) throw new AppError('region.slot_invalid', 422);
    return {
      orgId: options.orgId,
      contactId: options.contactId,
      startsAt,
      endsAt,
      mode: s.mode as 'in_person' | 'phone' | 'video',
    };
  });
  const rows = await options.db
    .insert(regionContactSlots)
    .values(values)
    .returning({ id: regionContactSlots.id });
  await recordAudit(options.db, {
    orgId: options.orgId,
    actorAccountId: who.account.id,
    action: 'region.slots_added',
    targetType: 'region_contact',
    targetId: options.contactId,
    ip: options.ip ?? null,
    details: { count: rows.length },
  });
  return { ids: rows.map((r) => r.id) };
}

/** Removes an open slot (a booked one stays: someone counts on it). */
export async function deleteSlot(options: {
  db: Database;
  auth: AuthContext | null;
  orgId: string;
  slotId: string;
  ip?: string;
}) {
  const who = requireSiteStaff(options.auth, options.orgId);
  const [row] = await options.db
    .delete(regionContactSlots)
    .where(
      inOrg(
        regionContactSlots,
        options.orgId,
        eq(regionContactSlots.id, options.slotId),
        isNull(regionContactSlots.bookedAt),
      ),
    )
    .returning({ id: regionContactSlots.id });
  if (!row) {
    const [existing] = await options.db
      .select({ id: regionContactSlots.id })
      .from(regionContactSlots)
      .where(inOrg(regionContactSlots, options.orgId, eq(regionContactSlots.id, options.slotId)));
    throw existing ? new AppError('region.slot_booked', 409) : new AppError('region.slot_not_found', 404);
  }
  await recordAudit(options.db, {
    orgId: options.orgId,
    actorAccountId: who.account.id,
    action: 'region.slot_deleted',
    targetType: 'region_contact_slot',
    targetId: row.id,
    ip: options.ip ?? null,
  });
  return { ok: true };
}
