// The GTFS (schedule) files of an on-demand, stop-to-stop service, with GTFS-Flex: the service points
// form one location group, every service period of a weekday is one trip whose two stop_times carry the
// pickup/drop-off window and the booking rule, and the service zones are published in locations.geojson.
// Pure: takes the network, returns the files.
import { stringify } from 'csv-stringify/sync';
import { zipSync } from 'fflate';
import type { BookingRules, ServiceHours, ZoneGeometry } from '../network/rules.ts';

export interface GtfsNetwork {
  agency: { id: string; name: string; url: string; phone: string | null; lang: 'fr' | 'en' };
  service: { nameFr: string; hours: ServiceHours; closedDates: string[]; rules: BookingRules };
  stops: Array<{
    code: string;
    name: string;
    latitude: number;
    longitude: number;
    wheelchair: boolean;
    zoneCode: string | null;
  }>;
  zones: Array<{ code: string; nameFr: string; nameEn: string; geometry: ZoneGeometry }>;
  /** First and last dates the calendar covers (YYYY-MM-DD). */
  from: string;
  to: string;
  version: string;
}

const GROUP = 'TAXIBUS';
const ROUTE = 'TAXIBUS';
const RULE = 'RESERVATION';
const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

const gtfsDate = (iso: string) => iso.replaceAll('-', '');
/** GTFS time of a minute of the service day (may pass 24:00:00). */
export function gtfsTime(minute: number): string {
  const h = Math.floor(minute / 60);
  const m = Math.round(minute % 60);
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00`;
}

function csv(columns: string[], rows: Array<Record<string, string | number | null | undefined>>): string {
  return stringify(
    rows.map((r) => columns.map((c) => r[c] ?? '')),
    { header: true, columns, record_delimiter: '\r\n' },
  );
}

function weekdayOf(iso: string): number {
  const d = new Date(`${iso}T12:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** The files of the feed, by name. */
export function gtfsFiles(net: GtfsNetwork): Record<string, string> {
  const { rules, hours } = net.service;
  const files: Record<string, string> = {};
  files['agency.txt'] = csv(
    ['agency_id', 'agency_name', 'agency_url', 'agency_timezone', 'agency_lang', 'agency_phone'],
    [
      {
        agency_id: net.agency.id,
        agency_name: net.agency.name,
        agency_url: net.agency.url,
        agency_timezone: 'America/Toronto',
        agency_lang: net.agency.lang,
        agency_phone: net.agency.phone,
      },
    ],
  );
  files['stops.txt'] = csv(
    [
      'stop_id',
      'stop_code',
      'stop_name',
      'stop_lat',
      'stop_lon',
      'zone_id',
      'location_type',
      'wheelchair_boarding',
    ],
    net.stops.map((s) => ({
      stop_id: s.code,
      stop_code: s.code,
      stop_name: s.name,
      stop_lat: s.latitude.toFixed(6),
      stop_lon: s.longitude.toFixed(6),
      zone_id: s.zoneCode,
      location_type: 0,
      wheelchair_boarding: s.wheelchair ? 1 : 2,
    })),
  );
  files['routes.txt'] = csv(
    ['route_id', 'agency_id', 'route_short_name', 'route_long_name', 'route_type', 'route_desc'],
    [
      {
        route_id: ROUTE,
        agency_id: net.agency.id,
        route_short_name: 'TaxiBus',
        route_long_name: net.service.nameFr,
        route_type: 3,
        route_desc: 'Transport à la demande, sur réservation',
      },
    ],
  );
  const services = DAYS.map((day, i) => ({
    id: `JOUR${i + 1}`,
    day,
    periods: hours[String(i + 1)] ?? [],
  })).filter((s) => s.periods.length > 0);
  files['calendar.txt'] = csv(
    ['service_id', ...DAYS, 'start_date', 'end_date'],
    services.map((s) => ({
      service_id: s.id,
      ...Object.fromEntries(DAYS.map((d) => [d, d === s.day ? 1 : 0])),
      start_date: gtfsDate(net.from),
      end_date: gtfsDate(net.to),
    })),
  );
  const closures = net.service.closedDates
    .filter((d) => d >= net.from && d <= net.to)
    .map((d) => ({ service_id: `JOUR${weekdayOf(d)}`, date: gtfsDate(d), exception_type: 2 }))
    .filter((c) => services.some((s) => s.id === c.service_id));
  if (closures.length) files['calendar_dates.txt'] = csv(['service_id', 'date', 'exception_type'], closures);
  const trips = services.flatMap((s) =>
    s.periods.map((p, k) => ({ id: `${s.id}_P${k + 1}`, service: s.id, period: p })),
  );
  files['trips.txt'] = csv(
    ['route_id', 'service_id', 'trip_id', 'trip_headsign'],
    trips.map((t) => ({ route_id: ROUTE, service_id: t.service, trip_id: t.id, trip_headsign: 'TaxiBus' })),
  );
  files['location_groups.txt'] = csv(
    ['location_group_id', 'location_group_name'],
    [{ location_group_id: GROUP, location_group_name: 'Points de service TaxiBus' }],
  );
  files['location_group_stops.txt'] = csv(
    ['location_group_id', 'stop_id'],
    net.stops.map((s) => ({ location_group_id: GROUP, stop_id: s.code })),
  );
  // Per GTFS-Flex: board at any service point of the group (booked), alight at any of them (booked).
  files['stop_times.txt'] = csv(
    [
      'trip_id',
      'location_group_id',
      'stop_sequence',
      'start_pickup_drop_off_window',
      'end_pickup_drop_off_window',
      'pickup_type',
      'drop_off_type',
      'pickup_booking_rule_id',
      'drop_off_booking_rule_id',
    ],
    trips.flatMap((t) => [
      {
        trip_id: t.id,
        location_group_id: GROUP,
        stop_sequence: 1,
        start_pickup_drop_off_window: gtfsTime(t.period.from),
        end_pickup_drop_off_window: gtfsTime(t.period.to),
        pickup_type: 2,
        drop_off_type: 1,
        pickup_booking_rule_id: RULE,
      },
      {
        trip_id: t.id,
        location_group_id: GROUP,
        stop_sequence: 2,
        start_pickup_drop_off_window: gtfsTime(t.period.from),
        end_pickup_drop_off_window: gtfsTime(t.period.to),
        pickup_type: 1,
        drop_off_type: 2,
        drop_off_booking_rule_id: RULE,
      },
    ]),
  );
  files['booking_rules.txt'] = csv(
    [
      'booking_rule_id',
      'booking_type',
      'prior_notice_duration_min',
      'prior_notice_duration_max',
      'message',
      'phone_number',
      'info_url',
      'booking_url',
    ],
    [
      {
        booking_rule_id: RULE,
        // 1: up to same-day booking with advance notice.
        booking_type: 1,
        prior_notice_duration_min: rules.minNoticeMinutes,
        prior_notice_duration_max: rules.maxDaysAhead * 1440,
        message: `Réservez au moins ${rules.minNoticeMinutes} minutes à l’avance, en ligne ou par téléphone.`,
        phone_number: net.agency.phone,
        info_url: net.agency.url,
        booking_url: net.agency.url,
      },
    ],
  );
  files['locations.geojson'] = JSON.stringify({
    type: 'FeatureCollection',
    features: net.zones.map((z) => ({
      type: 'Feature',
      id: `ZONE_${z.code}`,
      properties: { stop_name: z.nameFr, stop_desc: z.nameEn },
      geometry: z.geometry,
    })),
  });
  files['feed_info.txt'] = csv(
    [
      'feed_publisher_name',
      'feed_publisher_url',
      'feed_lang',
      'feed_start_date',
      'feed_end_date',
      'feed_version',
    ],
    [
      {
        feed_publisher_name: net.agency.name,
        feed_publisher_url: net.agency.url,
        feed_lang: net.agency.lang,
        feed_start_date: gtfsDate(net.from),
        feed_end_date: gtfsDate(net.to),
        feed_version: net.version,
      },
    ],
  );
  return files;
}

/** The feed as a zip archive. */
export function gtfsZip(net: GtfsNetwork): Uint8Array {
  const files = gtfsFiles(net);
  const encoder = new TextEncoder();
  return zipSync(
    Object.fromEntries(Object.entries(files).map(([name, text]) => [name, encoder.encode(text)])),
    {
      level: 6,
      mtime: new Date('2026-01-01T00:00:00Z'),
    },
  );
}
