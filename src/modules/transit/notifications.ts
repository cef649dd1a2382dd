// What riders are told about their trips, on the channels they chose for the `transit` category.
import type { Executor } from '../../platform/db/client.ts';
import type { Locale } from '../../platform/http/locale.ts';
import type { JobQueue } from '../../platform/jobs/queue.ts';
import { defineNotification } from '../../platform/notify/notification-templates.ts';
import { notify } from '../../platform/notify/notify.ts';

export type TripNotice =
  | 'confirmed'
  | 'assigned'
  | 'arriving'
  | 'arrived'
  | 'delayed'
  | 'cancelled'
  | 'no_show';

interface TripParams extends Record<string, unknown> {
  notice: TripNotice;
  reference: string;
  stopName: string;
  windowStart: string;
  windowEnd: string;
  minutes?: number;
  vehicle?: string;
  penaltyCents?: number;
  url: string;
}

const time = (iso: string, l: Locale) =>
  new Intl.DateTimeFormat(l === 'fr' ? 'fr-CA' : 'en-CA', {
    timeZone: 'America/Toronto',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
const clock = (iso: string, l: Locale) =>
  new Intl.DateTimeFormat(l === 'fr' ? 'fr-CA' : 'en-CA', {
    timeZone: 'America/Toronto',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
const money = (cents: number, l: Locale) =>
  new Intl.NumberFormat(l === 'fr' ? 'fr-CA' : 'en-CA', { style: 'currency', currency: 'CAD' }).format(
    cents / 100,
  );

function short(p: TripParams, l: Locale): string {
  const fr = l === 'fr';
  switch (p.notice) {
    case 'confirmed':
      return fr
        ? `TaxiBus ${p.reference} confirmé : ${p.stopName}, ${time(p.windowStart, l)}–${clock(p.windowEnd, l)}.`
        : `TaxiBus ${p.reference} confirmed: ${p.stopName}, ${time(p.windowStart, l)}–${clock(p.windowEnd, l)}.`;
    case 'assigned':
      return fr
        ? `Le véhicule ${p.vehicle ?? ''} fera votre trajet ${p.reference}.`
        : `Vehicle ${p.vehicle ?? ''} will make your trip ${p.reference}.`;
    case 'arriving':
      return fr
        ? `Votre TaxiBus arrive à ${p.stopName} dans environ ${p.minutes ?? 0} minutes.`
        : `Your TaxiBus reaches ${p.stopName} in about ${p.minutes ?? 0} minutes.`;
    case 'arrived':
      return fr ? `Votre TaxiBus est arrivé à ${p.stopName}.` : `Your TaxiBus has arrived at ${p.stopName}.`;
    case 'delayed':
      return fr
        ? `Votre TaxiBus ${p.reference} est en retard d’environ ${p.minutes ?? 0} minutes.`
        : `Your TaxiBus ${p.reference} is about ${p.minutes ?? 0} minutes late.`;
    case 'cancelled':
      return fr
        ? `Votre déplacement ${p.reference} est annulé${p.penaltyCents ? ` (frais ${money(p.penaltyCents, l)})` : ''}.`
        : `Your trip ${p.reference} is cancelled${p.penaltyCents ? ` (fee ${money(p.penaltyCents, l)})` : ''}.`;
    case 'no_show':
      return fr
        ? `Absence notée pour ${p.reference}${p.penaltyCents ? ` (frais ${money(p.penaltyCents, l)})` : ''}.`
        : `No-show recorded for ${p.reference}${p.penaltyCents ? ` (fee ${money(p.penaltyCents, l)})` : ''}.`;
  }
}

/** One template for every step of a trip; the short text carries the news. */
export const TRIP_NOTICE = defineNotification<TripParams>('transit.trip_notice', {
  subject: (p, l) => (l === 'fr' ? `TaxiBus ${p.reference}` : `TaxiBus ${p.reference}`),
  text: (p, l) =>
    `${short(p, l)}\n\n${l === 'fr' ? 'Suivre votre déplacement' : 'Follow your trip'} : ${p.url}`,
  short,
  url: (p) => p.url,
});

/** Sends a trip notice to a rider with an account (riders booked by phone are called back by staff). */
export async function notifyRider(
  ctx: { db: Executor; jobs: JobQueue },
  trip: {
    orgId: string;
    id: string;
    reference: string;
    riderAccountId: string | null;
    promisedPickupStart: Date;
    promisedPickupEnd: Date;
  },
  notice: TripNotice,
  extra: { stopName: string; minutes?: number; vehicle?: string; penaltyCents?: number },
): Promise<void> {
  if (!trip.riderAccountId) return;
  await notify(ctx, {
    accountId: trip.riderAccountId,
    orgId: trip.orgId,
    category: 'transit',
    template: TRIP_NOTICE,
    urgency: notice === 'arriving' || notice === 'arrived' ? 'high' : 'normal',
    params: {
      notice,
      reference: trip.reference,
      windowStart: trip.promisedPickupStart.toISOString(),
      windowEnd: trip.promisedPickupEnd.toISOString(),
      url: `/transit/${trip.orgId}/trips/${trip.id}`,
      ...extra,
    },
  });
}
