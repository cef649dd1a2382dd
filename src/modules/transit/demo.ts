// Demonstration content for Victoriaville's TaxiBus: the service, three zones, thirty service points,
// a small fleet with drivers and shifts for today and the next service day, and a few trips booked through the
// real booking path (the solver places them).
import type { Database } from '../../platform/db/client.ts';
import { scopeOf } from '../../platform/db/tenancy.ts';
import { loadService } from './bookings/load-day.ts';
import { placeTrip } from './bookings/place-trip.ts';
import { DEFAULT_HOURS, DEFAULT_RULES, localTime, nextServiceDay, startOfLocalDay } from './network/rules.ts';
import {
  transitDrivers,
  transitFareProducts,
  transitServices,
  transitShifts,
  transitStops,
  transitVehicles,
  transitZones,
} from './network/schema.ts';

const square = (w: number, s: number, e: number, n: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ],
  ],
});

const ZONES = [
  {
    code: 'CENTRE',
    nameFr: 'Victoriaville centre',
    nameEn: 'Victoriaville downtown',
    speedKmh: 30,
    geometry: square(-71.985, 46.04, -71.935, 46.075),
  },
  {
    code: 'ARTHABASKA',
    nameFr: 'Secteur Arthabaska',
    nameEn: 'Arthabaska sector',
    speedKmh: 40,
    geometry: square(-71.945, 46.02, -71.9, 46.05),
  },
  {
    code: 'NORD',
    nameFr: 'Secteur nord et parc industriel',
    nameEn: 'North sector and industrial park',
    speedKmh: 45,
    geometry: square(-71.99, 46.075, -71.92, 46.1),
  },
];

// [code, name, lat, lon, zone, wheelchair]
const STOPS: Array<[string, string, number, number, string, boolean]> = [
  ['HDV', 'Hôtel de ville', 46.0573, -71.9594, 'CENTRE', true],
  ['TERM', 'Terminus, rue Notre-Dame', 46.0552, -71.958, 'CENTRE', true],
  ['CEGEP', 'Cégep de Victoriaville', 46.0468, -71.9468, 'CENTRE', true],
  ['HOSP', 'Hôtel-Dieu d’Arthabaska', 46.0365, -71.9229, 'ARTHABASKA', true],
  ['COLI', 'Colisée Desjardins', 46.054, -71.9655, 'CENTRE', true],
  ['BIBL', 'Bibliothèque Charles-Édouard-Mailhot', 46.0558, -71.9619, 'CENTRE', true],
  ['PROM', 'Promenades Bois-Francs', 46.066, -71.935, 'NORD', true],
  ['CARR', 'Carré 150', 46.0566, -71.9603, 'CENTRE', true],
  ['GRAV', 'Rue Gravel et boulevard Bois-Francs', 46.0612, -71.9501, 'CENTRE', false],
  ['JUTR', 'Boulevard Jutras Est', 46.0637, -71.9412, 'NORD', true],
  ['ARTH', 'Église Saint-Christophe d’Arthabaska', 46.0416, -71.9195, 'ARTHABASKA', false],
  ['LAUR', 'Musée Laurier', 46.0408, -71.9186, 'ARTHABASKA', true],
  ['RESP', 'Résidence Le Florilège', 46.0499, -71.9707, 'CENTRE', true],
  ['CLSC', 'CLSC Suzor-Côté', 46.0478, -71.9581, 'CENTRE', true],
  ['POLY', 'Polyvalente Le boisé', 46.0443, -71.9665, 'CENTRE', true],
  ['ERAB', 'École secondaire Le boisé, entrée est', 46.0451, -71.963, 'CENTRE', false],
  ['PARC', 'Parc Terre-des-Jeunes', 46.0592, -71.9712, 'CENTRE', true],
  ['INDU', 'Parc industriel, rue de l’Artisan', 46.0845, -71.9475, 'NORD', false],
  ['ALIM', 'Supermarché, boulevard des Bois-Francs Sud', 46.0505, -71.9405, 'CENTRE', true],
  ['GARE', 'Ancienne gare, vélo-gare', 46.0561, -71.9566, 'CENTRE', true],
  ['REIN', 'Centre de dialyse', 46.0373, -71.9247, 'ARTHABASKA', true],
  ['CHSL', 'CHSLD du Chêne', 46.0342, -71.9286, 'ARTHABASKA', true],
  ['MONT', 'Mont Saint-Michel, stationnement', 46.0326, -71.9148, 'ARTHABASKA', false],
  ['PLAC', 'Place Sainte-Victoire', 46.058, -71.9565, 'CENTRE', true],
  ['BOIS', 'Rue Bois-Francs Nord et Saint-Jean-Baptiste', 46.0689, -71.9526, 'NORD', true],
  ['PIER', 'Rue Perreault et rue Pie-X', 46.0521, -71.9521, 'CENTRE', false],
  ['SUZO', 'Centre communautaire Suzor-Côté', 46.0615, -71.9628, 'CENTRE', true],
  ['AQUA', 'Centre aquatique', 46.0502, -71.9652, 'CENTRE', true],
  ['NORM', 'Boulevard Pierre-Roux Est', 46.0724, -71.9389, 'NORD', true],
  ['RIVE', 'Parc de la Rivière Nicolet', 46.0616, -71.9758, 'CENTRE', false],
];

const FARES = [
  {
    code: 'PASSAGE',
    kind: 'single' as const,
    nameFr: 'Passage simple',
    nameEn: 'Single trip',
    priceCents: 350,
  },
  {
    code: 'PASSAGE-REDUIT',
    kind: 'single' as const,
    nameFr: 'Passage tarif réduit (65 ans et plus, étudiants)',
    nameEn: 'Reduced fare (65+, students)',
    priceCents: 250,
    reduced: true,
  },
  {
    code: 'LIVRET-10',
    kind: 'booklet' as const,
    nameFr: 'Livret de 10 passages',
    nameEn: 'Booklet of 10 trips',
    priceCents: 3000,
    rides: 10,
  },
  {
    code: 'MENSUEL',
    kind: 'monthly_pass' as const,
    nameFr: 'Laissez-passer mensuel',
    nameEn: 'Monthly pass',
    priceCents: 6000,
    validityDays: 31,
  },
  {
    code: 'MEMBRE',
    kind: 'membership' as const,
    nameFr: 'Adhésion annuelle',
    nameEn: 'Yearly membership',
    priceCents: 1500,
    validityDays: 365,
  },
];

const CLOSED_DATES = ['2026-12-25', '2027-01-01', '2027-04-05', '2027-06-24', '2027-07-01'];

/** Seeds Victoriaville's TaxiBus (skipped when the organisation already has a service). */
export async function seedDemoTransit(
  db: Database,
  orgIds: Map<string, string>,
  accountIds: Map<string, string>,
  now: Date = new Date(),
): Promise<void> {
  const orgId = orgIds.get('victoriaville');
  if (!orgId) return;
  const scope = scopeOf(orgId);
  const [existing] = await db
    .select({ id: transitServices.id })
    .from(transitServices)
    .where(scope.where(transitServices));
  if (existing) return;
  await db.insert(transitServices).values({
    orgId,
    nameFr: 'TaxiBus de Victoriaville',
    nameEn: 'Victoriaville TaxiBus',
    phone: '819-758-0000',
    hours: DEFAULT_HOURS,
    closedDates: CLOSED_DATES,
    rules: { ...DEFAULT_RULES, singleFareCents: 350 },
    detourFactor: 1.3,
  });
  const zoneIds = new Map<string, string>();
  for (const z of ZONES) {
    const [row] = await db
      .insert(transitZones)
      .values({ ...z, orgId })
      .returning({ id: transitZones.id });
    zoneIds.set(z.code, row?.id as string);
  }
  const stopIds = new Map<string, string>();
  for (const [code, name, latitude, longitude, zone, wheelchairAccessible] of STOPS) {
    const [row] = await db
      .insert(transitStops)
      .values({
        orgId,
        code,
        name,
        latitude,
        longitude,
        zoneId: zoneIds.get(zone),
        wheelchairAccessible,
        shelter: wheelchairAccessible,
      })
      .returning({ id: transitStops.id });
    stopIds.set(code, row?.id as string);
  }
  await db.insert(transitFareProducts).values(FARES.map((f) => ({ ...f, orgId })));
  const vehicles = await db
    .insert(transitVehicles)
    .values([
      { orgId, label: 'TB-01', plate: 'T 1234 VB', seats: 4, wheelchairPlaces: 0 },
      { orgId, label: 'TB-02', plate: 'T 2345 VB', seats: 4, wheelchairPlaces: 0 },
      { orgId, label: 'TB-03', plate: 'T 3456 VB', seats: 6, wheelchairPlaces: 1 },
      { orgId, label: 'TB-04', plate: 'T 4567 VB', seats: 12, wheelchairPlaces: 2 },
    ])
    .returning({ id: transitVehicles.id });
  const drivers = await db
    .insert(transitDrivers)
    .values([
      { orgId, name: 'Luc Pelletier', phone: '819-555-0111', accountId: accountIds.get('driver') ?? null },
      { orgId, name: 'Chantal Houle', phone: '819-555-0112' },
      { orgId, name: 'Réjean Lampron', phone: '819-555-0113' },
      { orgId, name: 'Annie Desrochers', phone: '819-555-0114' },
    ])
    .returning({ id: transitDrivers.id });
  const depot = { depotLatitude: 46.0552, depotLongitude: -71.958 };
  const today = localTime(now).date;
  // Not simply tomorrow: the eve of a holiday (24 December) would seed trips on a closed day.
  const serviceDay = nextServiceDay(DEFAULT_HOURS, CLOSED_DATES, today);
  for (const day of [today, serviceDay]) {
    const start = startOfLocalDay(day).getTime();
    const at = (h: number) => new Date(start + h * 3600_000);
    const shifts = [
      [0, 0, 6, 15],
      [1, 1, 6, 15],
      [2, 2, 7, 16],
      [0, 3, 14.5, 23],
      [3, 0, 14.5, 23],
    ] as const;
    await db.insert(transitShifts).values(
      shifts.map(([v, d, from, to]) => ({
        orgId,
        vehicleId: vehicles[v]?.id as string,
        driverId: drivers[d]?.id as string,
        startsAt: at(from),
        endsAt: at(to),
        ...depot,
      })),
    );
  }
  // A few trips on the next service day, booked through the solver like any booking.
  const dayStart = startOfLocalDay(serviceDay).getTime();
  const resident = accountIds.get('resident') ?? null;
  const trips: Array<[string, string, number, number, string]> = [
    ['RESP', 'HOSP', 8.5, 1, 'resident'],
    ['HOSP', 'RESP', 11.25, 1, 'resident'],
    ['CEGEP', 'PROM', 9, 2, 'Julie Marchand'],
    ['CHSL', 'CARR', 9.5, 1, 'Gérard Fortier'],
    ['TERM', 'INDU', 7.25, 3, 'Kevin Boisvert'],
    ['BIBL', 'LAUR', 13.5, 2, 'Hélène Côté'],
    ['PROM', 'CLSC', 15, 1, 'Marcel Gagnon'],
    ['COLI', 'NORM', 18.75, 4, 'Équipe de hockey mineur'],
  ];
  for (const [from, to, hour, passengers, who] of trips) {
    try {
      await db.transaction(async (tx) => {
        const service = await loadService(tx, orgId, true);
        await placeTrip(
          tx,
          {
            orgId,
            service,
            now,
            rider:
              who === 'resident' && resident
                ? { accountId: resident, name: 'Camille Tremblay', phone: '' }
                : { accountId: null, name: who, phone: '819-555-0199' },
            bookedByAccountId: accountIds.get('dispatcher') ?? null,
          },
          {
            pickupStopId: stopIds.get(from) as string,
            dropoffStopId: stopIds.get(to) as string,
            timeMode: 'leave_at',
            time: new Date(dayStart + hour * 3600_000),
            passengers,
            wheelchairs: 0,
            notes: '',
          },
        );
      });
    } catch {
      // A demo trip that does not fit (e.g. seeded late at night) is simply left out.
    }
  }
}
