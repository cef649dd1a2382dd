// A generated city-sized on-demand service day, for benchmarks and tests: a square area with a dense
// centre and a few secondary hubs, a mixed fleet (taxis; minibuses with wheelchair places) on morning,
// evening and day shifts from several garages, and bookings spread over the day with rush hours.
// Units: kilometres and minutes. Seeded, so every run generates the same day.
import type { BookingRequest, FleetVehicle, Place } from './dynamic.ts';
import { createRandom, type Random } from './random.ts';

export interface CityOptions {
  seed: number;
  vehicles: number;
  /** Bookings made ahead of the day (all known at the start). */
  advanceBookings: number;
  /** Bookings made during the day, a little before the wanted pickup. */
  liveBookings: number;
  /** Side of the square area in km. */
  size?: number;
}

export interface TimedBooking {
  /** Time the booking is made. */
  at: number;
  request: BookingRequest;
}

export interface CityScenario {
  /** km per minute. */
  speed: number;
  dayStart: number;
  dayEnd: number;
  fleet: FleetVehicle[];
  bookings: TimedBooking[];
}

const DAY_START = 6 * 60;
const DAY_END = 22 * 60;

function gaussian(random: Random): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

function placeIn(random: Random, size: number, hubs: Place[]): Place {
  const clamp = (v: number) => Math.min(size, Math.max(0, v));
  if (random() < 0.25) return { x: random() * size, y: random() * size };
  const hub = hubs[Math.floor(random() * hubs.length)] as Place;
  const spread = size * (hub === hubs[0] ? 0.12 : 0.07);
  return { x: clamp(hub.x + spread * gaussian(random)), y: clamp(hub.y + spread * gaussian(random)) };
}

// Wanted pickup time: a morning and an afternoon rush over a flat base.
function wantedTime(random: Random): number {
  const u = random();
  const t =
    u < 0.2
      ? 8 * 60 + 75 * gaussian(random)
      : u < 0.4
        ? 16.5 * 60 + 90 * gaussian(random)
        : DAY_START + random() * (DAY_END - DAY_START);
  return Math.min(DAY_END - 90, Math.max(DAY_START + 10, t));
}

/** Generates the day. */
export function generateCity(options: CityOptions): CityScenario {
  const random = createRandom(options.seed);
  const size = options.size ?? 20;
  const speed = 0.5;
  const hubs: Place[] = [
    { x: size / 2, y: size / 2 },
    { x: size * 0.2, y: size * 0.3 },
    { x: size * 0.8, y: size * 0.25 },
    { x: size * 0.7, y: size * 0.8 },
    { x: size * 0.25, y: size * 0.75 },
  ];
  const garages: Place[] = [
    { x: size * 0.1, y: size * 0.1 },
    { x: size * 0.9, y: size * 0.1 },
    { x: size * 0.5, y: size * 0.9 },
    { x: size * 0.5, y: size * 0.5 },
  ];
  const shifts: [number, number][] = [
    [DAY_START, 14.5 * 60],
    [13.5 * 60, DAY_END],
    [7 * 60, 19 * 60],
  ];
  const fleet: FleetVehicle[] = Array.from({ length: options.vehicles }, (_, k) => {
    const garage = garages[k % garages.length] as Place;
    const [shiftStart, shiftEnd] = shifts[k % shifts.length] as [number, number];
    const minibus = k % 4 === 3;
    return { start: garage, end: garage, shiftStart, shiftEnd, capacity: minibus ? [10, 2] : [4, 0] };
  });
  const request = (id: string, wanted: number): BookingRequest => {
    const pickup = placeIn(random, size, hubs);
    let dropoff = placeIn(random, size, hubs);
    while (Math.hypot(dropoff.x - pickup.x, dropoff.y - pickup.y) < 1) dropoff = placeIn(random, size, hubs);
    const direct = Math.hypot(dropoff.x - pickup.x, dropoff.y - pickup.y) / speed;
    const wheelchair = random() < 0.05;
    const seats = wheelchair ? (random() < 0.5 ? 1 : 0) : 1 + Math.floor(random() ** 3 * 3);
    return {
      id,
      pickup,
      dropoff,
      pickupEarly: wanted - 15,
      pickupLate: wanted + 15,
      load: [seats, wheelchair ? 1 : 0],
      maxRideTime: 10 + 1.5 * direct,
      pickupService: wheelchair ? 3 : 1,
      dropoffService: wheelchair ? 3 : 1,
    };
  };
  const bookings: TimedBooking[] = [];
  for (let i = 0; i < options.advanceBookings; i++)
    bookings.push({ at: DAY_START - 60, request: request(`a${i}`, wantedTime(random)) });
  const live: TimedBooking[] = [];
  for (let i = 0; i < options.liveBookings; i++) {
    const wanted = wantedTime(random);
    live.push({
      at: Math.max(DAY_START - 60, wanted - 20 - random() * 40),
      request: request(`l${i}`, wanted),
    });
  }
  live.sort((a, b) => a.at - b.at);
  return { speed, dayStart: DAY_START, dayEnd: DAY_END, fleet, bookings: bookings.concat(live) };
}
