import { parse } from 'csv-parse/sync';
import { unzipSync } from 'fflate';
import GtfsRealtimeBindings from 'gtfs-realtime-bindings';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../../../tests/support/client.ts';
import { createAccount, createOrg, signInAs } from '../../../../tests/support/factories.ts';
import { createTestContext, type TestContext } from '../../../../tests/support/harness.ts';

const { FeedMessage } = GtfsRealtimeBindings.transit_realtime;

let ctx: TestContext;
let orgId: string;
let slug: string;
let tripId: string;
let vehicleId: string;

// Fields the GTFS reference marks Required (or Conditionally Required and applicable here), per file.
const REQUIRED: Record<string, string[]> = {
  'agency.txt': ['agency_name', 'agency_url', 'agency_timezone'],
  'stops.txt': ['stop_id', 'stop_name', 'stop_lat', 'stop_lon'],
  'routes.txt': ['route_id', 'route_type'],
  'trips.txt': ['route_id', 'service_id', 'trip_id'],
  'calendar.txt': [
    'service_id',
    'monday',
    'tuesday',
    'wednesday',
    'thursday',
    'friday',
    'saturday',
    'sunday',
    'start_date',
    'end_date',
  ],
  'stop_times.txt': [
    'trip_id',
    'stop_sequence',
    'location_group_id',
    'start_pickup_drop_off_window',
    'end_pickup_drop_off_window',
  ],
  'location_groups.txt': ['location_group_id'],
  'location_group_stops.txt': ['location_group_id', 'stop_id'],
  'booking_rules.txt': ['booking_rule_id', 'booking_type'],
  'feed_info.txt': ['feed_publisher_name', 'feed_publisher_url', 'feed_lang'],
};

beforeAll(async () => {
  ctx = await createTestContext();
  slug = `feeds-${Date.now()}`;
  orgId = (await createOrg(ctx.db, { slug })).id;
  const staff = ctx.client();
  const driverAccount = await createAccount(ctx.db, { roles: [{ orgId, role: 'transit_driver' }] });
  await signInAs(
    ctx.db,
    staff,
    await createAccount(ctx.db, { roles: [{ orgId, role: 'transit_dispatch' }] }),
  );
  const driver: TestClient = ctx.client();
  await signInAs(ctx.db, driver, driverAccount);
  const base = `/api/orgs/${orgId}/transit`;
  await staff.put(`${base}/service`, {
    nameFr: 'TaxiBus, « test »',
    nameEn: 'TaxiBus',
    phone: '819-555-0100',
    url: 'https://example.test/taxibus',
    hours: {
      '1': [{ from: 360, to: 1380 }],
      '6': [
        { from: 480, to: 720 },
        { from: 780, to: 1320 },
      ],
      ...Object.fromEntries(['2', '3', '4', '5', '7'].map((d) => [d, [{ from: 0, to: 1439 }]])),
    },
    closedDates: ['2026-12-25', '2027-01-01'],
  });
  const zone = await staff.post<{ id: string }>(`${base}/zones`, {
    code: 'VICTO',
    nameFr: 'Victoriaville',
    nameEn: 'Victoriaville',
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [-72, 46],
          [-71.9, 46],
          [-71.9, 46.1],
          [-72, 46.1],
          [-72, 46],
        ],
      ],
    },
  });
  const stop = (code: string, name: string, lat: number, lon: number) =>
    staff.post<{ id: string }>(`${base}/stops`, {
      code,
      name,
      latitude: lat,
      longitude: lon,
      zoneId: zone.body.id,
      wheelchairAccessible: true,
    });
  const a = (await stop('HDV', 'Hôtel de ville, "entrée" principale', 46.0516, -71.9578)).body.id;
  const b = (await stop('CEGEP', 'Cégep', 46.0589, -71.9676)).body.id;
  vehicleId = (await staff.post<{ id: string }>(`${base}/vehicles`, { label: 'TB-07', seats: 4 })).body.id;
  const driverId = (
    await staff.post<{ id: string }>(`${base}/drivers`, { name: 'D', accountId: driverAccount.id })
  ).body.id;
  await staff.post(`${base}/shifts`, {
    vehicleId,
    driverId,
    startsAt: new Date(Date.now() - 3600_000).toISOString(),
    endsAt: new Date(Date.now() + 6 * 3600_000).toISOString(),
    depotLatitude: 46.0516,
    depotLongitude: -71.9578,
  });
  const booked = await staff.post<{ trip: { id: string } }>(`${base}/board/trips`, {
    pickupStopId: a,
    dropoffStopId: b,
    timeMode: 'asap',
    passengers: 1,
    rider: { name: 'Rider', phone: '819-555-0101' },
  });
  expect(booked.status).toBe(201);
  tripId = booked.body.trip.id;
  await driver.post(`${base}/driver/shift/start`, {});
  const pos = await driver.post(`${base}/driver/positions`, {
    positions: [
      { latitude: 46.055, longitude: -71.96, speedKmh: 36, bearing: 90, at: new Date().toISOString() },
    ],
  });
  expect(pos.status).toBe(200);
}, 180_000);

afterAll(async () => {
  await ctx?.close();
});

describe('open feeds', () => {
  it('publishes a GTFS + GTFS-Flex zip whose files and fields follow the reference', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: `/feeds/${slug}/gtfs.zip` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    const files = unzipSync(new Uint8Array(res.rawPayload));
    const text = (name: string) => new TextDecoder().decode(files[name]);
    const table = (name: string) =>
      parse(text(name), { columns: true, skip_empty_lines: true }) as Array<Record<string, string>>;
    for (const [name, fields] of Object.entries(REQUIRED)) {
      expect(files[name], name).toBeDefined();
      const rows = table(name);
      expect(rows.length, name).toBeGreaterThan(0);
      for (const row of rows) for (const f of fields) expect(row[f], `${name}.${f}`).not.toBe('');
    }
    const stops = table('stops.txt');
    expect(stops.find((s) => s.stop_id === 'HDV')?.stop_name).toBe('Hôtel de ville, "entrée" principale');
    expect(stops.every((s) => s.wheelchair_boarding === '1')).toBe(true);
    expect(table('agency.txt')[0]?.agency_timezone).toBe('America/Toronto');
    // Cross references: every trip's service exists, every stop_time's trip and location group exist.
    const services = new Set(table('calendar.txt').map((c) => c.service_id));
    const trips = table('trips.txt');
    expect(trips.every((t) => services.has(t.service_id as string))).toBe(true);
    expect(trips.filter((t) => t.service_id === 'JOUR6')).toHaveLength(2);
    const tripIds = new Set(trips.map((t) => t.trip_id));
    const groups = new Set(table('location_groups.txt').map((g) => g.location_group_id));
    const stopTimes = table('stop_times.txt');
    expect(stopTimes).toHaveLength(trips.length * 2);
    for (const st of stopTimes) {
      expect(tripIds.has(st.trip_id)).toBe(true);
      expect(groups.has(st.location_group_id)).toBe(true);
      expect(st.arrival_time ?? '').toBe('');
      expect(st.start_pickup_drop_off_window).toMatch(/^\d\d:\d\d:00$/);
      expect(['1', '2']).toContain(st.pickup_type);
    }
    const monday = stopTimes.find((s) => s.trip_id === 'JOUR1_P1');
    expect(monday?.start_pickup_drop_off_window).toBe('06:00:00');
    expect(monday?.end_pickup_drop_off_window).toBe('23:00:00');
    const stopIds = new Set(stops.map((s) => s.stop_id));
    expect(table('location_group_stops.txt').every((g) => stopIds.has(g.stop_id as string))).toBe(true);
    const rule = table('booking_rules.txt')[0];
    expect(rule?.booking_type).toBe('1');
    expect(rule?.prior_notice_duration_min).toBe('30');
    const closures = table('calendar_dates.txt');
    expect(closures.every((c) => c.exception_type === '2')).toBe(true);
    const geojson = JSON.parse(text('locations.geojson')) as {
      type: string;
      features: Array<{ id: string; geometry: { type: string } }>;
    };
    expect(geojson.type).toBe('FeatureCollection');
    expect(geojson.features[0]?.id).toBe('ZONE_VICTO');
    expect(geojson.features[0]?.geometry.type).toBe('Polygon');
  });

  it('publishes vehicle positions as GTFS-Realtime protobuf, and as JSON on request', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: `/feeds/${slug}/gtfs-rt/vehicle-positions.pb` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/x-protobuf');
    const feed = FeedMessage.decode(new Uint8Array(res.rawPayload));
    expect(feed.header.gtfsRealtimeVersion).toBe('2.0');
    const entity = feed.entity.find((e) => e.id === vehicleId);
    expect(entity?.vehicle?.vehicle?.label).toBe('TB-07');
    expect(entity?.vehicle?.position?.latitude).toBeCloseTo(46.055, 4);
    expect(entity?.vehicle?.position?.speed).toBeCloseTo(10, 3);
    const json = await ctx
      .client()
      .get<{ entity: Array<{ vehicle: { position: { longitude: number } } }> }>(
        `/feeds/${slug}/gtfs-rt/vehicle-positions.pb?format=json`,
      );
    expect(json.body.entity[0]?.vehicle.position.longitude).toBeCloseTo(-71.96, 4);
  });

  it('publishes trip updates with the planned pickup and drop-off, naming no rider', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: `/feeds/${slug}/gtfs-rt/trip-updates.pb` });
    const feed = FeedMessage.decode(new Uint8Array(res.rawPayload));
    const update = feed.entity.find((e) => e.id === tripId)?.tripUpdate;
    expect(update?.trip.routeId).toBe('TAXIBUS');
    expect(update?.stopTimeUpdate?.map((s) => s.stopId)).toEqual(['HDV', 'CEGEP']);
    expect(Number(update?.stopTimeUpdate?.[1]?.arrival?.time)).toBeGreaterThan(
      Number(update?.stopTimeUpdate?.[0]?.departure?.time),
    );
    expect(res.rawPayload.toString('latin1')).not.toContain('Rider');
    expect((await ctx.client().get('/feeds/no-such-town/gtfs.zip')).status).toBe(404);
  });
});
