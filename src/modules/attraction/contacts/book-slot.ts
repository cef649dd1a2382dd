import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { Locale } from '../../../platform/http/locale.ts';
import type { JobQueue } from '../../../platform/jobs/queue.ts';
import { enqueueEmail, queueEmail } from '../../../platform/notify/send-email.ts';
import type { Region } from '../site/policies.ts';
import { appointmentInvitation } from './calendar.ts';
import { contactRow } from './contacts.ts';
import { APPOINTMENT_BOOKED } from './emails.ts';
import { regionContactSlots } from './schema.ts';

const MODES = {
  in_person: { fr: 'en personne, aux bureaux de la MRC', en: 'in person, at the MRC offices' },
  phone: {
    fr: 'par téléphone (la personne-ressource vous appelle)',
    en: 'by phone (the resource person calls you)',
  },
  video: {
    fr: 'en visioconférence (le lien vous sera envoyé)',
    en: 'by video call (the link will be sent to you)',
  },
} as const;

/** How a time is said in Quebec, in the person's language. */
export function whenText(start: Date, end: Date, locale: Locale): string {
  const day = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-CA' : 'en-CA', {
    timeZone: 'America/Toronto',
    dateStyle: 'full',
  }).format(start);
  const time = (d: Date) =>
    new Intl.DateTimeFormat(locale === 'fr' ? 'fr-CA' : 'en-CA', {
      timeZone: 'America/Toronto',
      timeStyle: 'short',
    }).format(d);
  return `${day}, ${time(start)} – ${time(end)}`;
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Books an open slot for a visitor. One conditional UPDATE takes it (`booked_at IS NULL`): of two people who
 * click at once, exactly one gets it and the other a 409. Both sides then get an e-mail with the calendar
 * invitation link; the contact's address is never shown to the visitor.
 */
export async function bookSlot(options: {
  db: Database;
  jobs: JobQueue;
  region: Region;
  slotId: string;
  input: { name: string; email: string; note?: string; website?: string };
  locale: Locale;
  publicUrl: string;
}) {
  const { db, region, slotId, input, locale } = options;
  if (input.website?.trim()) throw new AppError('validation.failed', 400);
  const token = randomBytes(24).toString('base64url');
  const calendarPath = `/region/${region.slug}/rendez-vous/${token}.ics`;
  const { booked, messageIds, contactName } = await db.transaction(async (tx) => {
    const [slot] = await tx
      .update(regionContactSlots)
      .set({
        bookedAt: new Date(),
        bookerName: input.name.trim(),
        bookerEmail: input.email.trim().toLowerCase(),
        bookerLocale: locale,
        bookerNote: input.note?.trim() || null,
        calendarTokenHash: hashToken(token),
      })
      .where(
        inOrg(
          regionContactSlots,
          region.id,
          eq(regionContactSlots.id, slotId),
          isNull(regionContactSlots.bookedAt),
          gt(regionContactSlots.startsAt, sql`now()`),
        ),
      )
      .returning();
    if (!slot) {
      const [existing] = await tx
        .select()
        .from(regionContactSlots)
        .where(inOrg(regionContactSlots, region.id, eq(regionContactSlots.id, slotId)));
      if (!existing) throw new AppError('region.slot_not_found', 404);
      if (existing.startsAt.getTime() <= Date.now()) throw new AppError('region.slot_past', 422);
      throw new AppError('region.slot_taken', 409);
    }
    const contact = await contactRow(tx, region.id, slot.contactId).catch(() => null);
    if (!contact) throw new AppError('region.contact_not_found', 404);
    const calendarUrl = `${options.publicUrl}${calendarPath}`;
    const common = {
      contact: contact.name,
      visitor: slot.bookerName ?? '',
      visitorEmail: slot.bookerEmail ?? '',
      note: slot.bookerNote ?? '',
      calendarUrl,
    };
    const ids = [
      await queueEmail(tx, {
        to: slot.bookerEmail ?? '',
        locale,
        template: APPOINTMENT_BOOKED,
        orgId: region.id,
        params: {
          ...common,
          to: 'visitor',
          when: whenText(slot.startsAt, slot.endsAt, locale),
          mode: MODES[slot.mode][locale],
        },
      }),
      await queueEmail(tx, {
        to: contact.email,
        locale: 'fr',
        template: APPOINTMENT_BOOKED,
        orgId: region.id,
        params: {
          ...common,
          to: 'contact',
          when: whenText(slot.startsAt, slot.endsAt, 'fr'),
          mode: MODES[slot.mode].fr,
        },
      }),
    ];
    return { booked: slot, messageIds: ids, contactName: contact.name };
  });
  for (const id of messageIds) await enqueueEmail(options.jobs, id);
  return {
    slotId: booked.id,
    startsAt: booked.startsAt.toISOString(),
    endsAt: booked.endsAt.toISOString(),
    mode: booked.mode,
    contact: contactName,
    calendarUrl: calendarPath,
  };
}

/** The invitation file of a booked appointment, for whoever holds the link sent by e-mail. */
export async function appointmentCalendar(options: {
  db: Database;
  region: Region;
  token: string;
  publicUrl: string;
}) {
  const { db, region } = options;
  const [slot] = await db
    .select()
    .from(regionContactSlots)
    .where(
      inOrg(
        regionContactSlots,
        region.id,
        and(eq(regionContactSlots.calendarTokenHash, hashToken(options.token))),
      ),
    );
  if (!slot?.bookedAt) throw new AppError('region.slot_not_found', 404);
  const contact = await contactRow(db, region.id, slot.contactId);
  const locale: Locale = slot.bookerLocale === 'en' ? 'en' : 'fr';
  const fr = locale === 'fr';
  return appointmentInvitation({
    slotId: slot.id,
    startsAt: slot.startsAt,
    endsAt: slot.endsAt,
    title: fr
      ? `Rendez-vous : ${slot.bookerName} et ${contact.name}`
      : `Appointment: ${slot.bookerName} and ${contact.name}`,
    description: `${fr ? contact.roleFr : contact.roleEn} — ${region.name[locale]}. ${MODES[slot.mode][locale]}.${slot.bookerNote ? `\n${slot.bookerNote}` : ''}`,
    location: MODES[slot.mode][locale],
    organizer: { name: `${contact.name} — ${region.name[locale]}` },
    attendee: { name: slot.bookerName ?? '', email: slot.bookerEmail ?? '' },
    url: `${options.publicUrl}/region/${region.slug}/${locale}/personnes-ressources`,
  });
}
