import { and, asc, gte, lt, lte } from 'drizzle-orm';
import { tableToCsv } from '../../../platform/audit/table-export.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Database } from '../../../platform/db/client.ts';
import { scopeOf } from '../../../platform/db/tenancy.ts';
import { transitBookingRequests, transitTrips } from '../bookings/schema.ts';
import { localTime, startOfLocalDay } from '../network/rules.ts';
import { transitStops } from '../network/schema.ts';
import { distanceKm } from '../network/travel-time.ts';
import { requireDispatcher } from '../policies.ts';
import { type AcceptanceCounts, acceptanceByDay } from './acceptance.ts';

export interface DayIndicators extends AcceptanceCounts {
  date: string;
  booked: number;
  completed: number;
  cancelled: number;
  noShows: number;
  passengers: number;
  /** Average minutes between booking and the promised pickup. */
  leadMinutes: number | null;
  /** Share of pickups made inside the promised window (0–1). */
  punctuality: number | null;
  /** Average riders on board per completed trip's party. */
  occupancy: number | null;
  /** Straight-line kilometres carried per passenger (completed trips). */
  kmPerPassenger: number | null;
}

const avg = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);

/**
 * Daily indicators of the service over a period (default: the last 30 days): trips booked, completed,
 * cancelled, no-shows, booking lead time, pickup punctuality, party size, kilometres per passenger, and
 * the acceptance rate of the booking requests made for each day (accepted vs alternatives/refused).
 */
export async function getIndicators(options: {
  db: Database;
  auth: AuthContext | null;
  orgId: string;
  from?: string;
  to?: string;
  format?: 'json' | 'csv';
}): Promise<{ days: DayIndicators[] } | string> {
  requireDispatcher(options.auth, options.orgId);
  const { db, orgId } = options;
  const scope = scopeOf(orgId);
  const today = localTime(new Date()).date;
  const to = options.to ?? today;
  const from = options.from ?? localTime(new Date(startOfLocalDay(to).getTime() - 29 * 86_400_000)).date;
  const rows = await db
    .select()
    .from(transitTrips)
    .where(
      scope.where(
        transitTrips,
        and(
          gte(transitTrips.promisedPickupStart, startOfLocalDay(from)),
          lt(transitTrips.promisedPickupStart, new Date(startOfLocalDay(to).getTime() + 86_400_000)),
        ),
      ),
    )
    .orderBy(asc(transitTrips.promisedPickupStart));
  const stops = await db.select().from(transitStops).where(scope.where(transitStops));
  const at = new Map(stops.map((s) => [s.id, { lat: s.latitude, lon: s.longitude }]));
  const requests = await db
    .select({ serviceDate: transitBookingRequests.serviceDate, outcome: transitBookingRequests.outcome })
    .from(transitBookingRequests)
    .where(
      scope.where(
        transitBookingRequests,
        and(gte(transitBookingRequests.serviceDate, from), lte(transitBookingRequests.serviceDate, to)),
      ),
    );
  const acceptance = acceptanceByDay(requests);
  const byDay = new Map<string, typeof rows>();
  for (const r of rows) {
    const day = localTime(r.promisedPickupStart).date;
    byDay.set(day, [...(byDay.get(day) ?? []), r]);
  }
  // A day whose every request was refused has no trip but belongs in the indicators.
  for (const day of acceptance.keys()) if (!byDay.has(day)) byDay.set(day, []);
  const noRequest = { requests: 0, accepted: 0, alternativesOffered: 0, refused: 0, acceptanceRate: null };
  const ordered = [...byDay.entries()].sort(([a], [b]) => a.localeCompare(b));
  const days: DayIndicators[] = ordered.map(([date, trips]) => {
    const kept = trips.filter((t) => t.status !== 'cancelled');
    const done = trips.filter((t) => t.status === 'completed');
    const picked = trips.filter((t) => t.pickedUpAt);
    const onTime = picked.filter(
      (t) => (t.pickedUpAt as Date) >= t.promisedPickupStart && (t.pickedUpAt as Date) <= t.promisedPickupEnd,
    );
    const km = done.reduce((sum, t) => {
      const a = at.get(t.pickupStopId);
      const b = at.get(t.dropoffStopId);
      return sum + (a && b ? distanceKm(a, b) * t.passengers : 0);
    }, 0);
    const carried = done.reduce((sum, t) => sum + t.passengers, 0);
    return {
      date,
      booked: kept.length,
      completed: done.length,
      cancelled: trips.length - kept.length,
      noShows: trips.filter((t) => t.status === 'no_show').length,
      passengers: kept.reduce((sum, t) => sum + t.passengers, 0),
      leadMinutes: avg(kept.map((t) => (t.promisedPickupStart.getTime() - t.createdAt.getTime()) / 60_000)),
      punctuality: picked.length ? onTime.length / picked.length : null,
      occupancy: avg(done.map((t) => t.passengers)),
      kmPerPassenger: carried ? km / carried : null,
      ...(acceptance.get(date) ?? noRequest),
    };
  });
  if (options.format !== 'csv') return { days };
  const round = (v: number | null, d = 2) => (v === null ? null : Number(v.toFixed(d)));
  return tableToCsv({
    columns: [
      { key: 'date', header: 'date' },
      { key: 'booked', header: 'reservations / booked' },
      { key: 'completed', header: 'effectues / completed' },
      { key: 'cancelled', header: 'annules / cancelled' },
      { key: 'noShows', header: 'absences / no-shows' },
      { key: 'passengers', header: 'passagers / passengers' },
      { key: 'leadMinutes', header: 'delai reservation (min) / booking lead (min)' },
      { key: 'punctuality', header: 'ponctualite / punctuality' },
      { key: 'occupancy', header: 'personnes par deplacement / people per trip' },
      { key: 'kmPerPassenger', header: 'km par passager / km per passenger' },
      { key: 'requests', header: 'demandes / requests' },
      { key: 'accepted', header: 'acceptees / accepted' },
      { key: 'alternativesOffered', header: 'autres heures offertes / alternatives offered' },
      { key: 'refused', header: 'refusees / refused' },
      { key: 'acceptanceRate', header: "taux d'acceptation / acceptance rate" },
    ],
    rows: days.map((d) => ({
      ...d,
      leadMinutes: round(d.leadMinutes, 0),
      punctuality: round(d.punctuality),
      occupancy: round(d.occupancy),
      kmPerPassenger: round(d.kmPerPassenger),
      acceptanceRate: round(d.acceptanceRate),
    })),
  });
}
