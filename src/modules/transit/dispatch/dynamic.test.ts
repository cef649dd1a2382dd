import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPromisesKept, type DayPromise, type DayStop } from './check-promises.ts';
import { generateCity } from './city-scenario.ts';
import { type Booking, type BookingRequest, bookRequest, createDispatch, type Dispatch } from './dynamic.ts';
import { advanceTo } from './dynamic-clock.ts';
import { reoptimise } from './dynamic-reoptimise.ts';

// Planned pickup times of the requests still waiting, read from the current routes.
function plannedPickups(state: Dispatch): Map<number, number> {
  const planned = new Map<number, number>();
  for (const { route } of state.vehicles)
    for (let k = 1; k < route.size - 1; k++) {
      const node = route.node[k] as number;
      if (state.table.isPickup[node] === 1)
        planned.set(state.table.owner[node] as number, route.emin[k] as number);
    }
  return planned;
}

describe('live dispatch', () => {
  it('never breaks a promise already made, whatever is booked or re-planned after it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
        (seed, reoptimiseAt) => {
          const city = generateCity({ seed, vehicles: 6, advanceBookings: 30, liveBookings: 40, size: 8 });
          const state = createDispatch(city.fleet, { speed: city.speed, promiseWidth: 10 });
          const accepted: BookingRequest[] = [];
          const promises: DayPromise[] = [];
          const served: DayStop[] = [];
          city.bookings.forEach(({ at, request }, b) => {
            served.push(...advanceTo(state, at));
            const booking: Booking | null = bookRequest(state, request);
            if (booking) {
              accepted.push(request);
              promises.push(booking);
              expect(booking.promisedPickup[0]).toBeGreaterThanOrEqual(request.pickupEarly - 1e-9);
              expect(booking.promisedPickup[1]).toBeLessThanOrEqual(request.pickupLate + 1e-9);
            }
            if (reoptimiseAt[b % reoptimiseAt.length]) {
              const { before, after } = reoptimise(state, { seed: b, maxIterations: 30 });
              expect(after).toBeLessThanOrEqual(before + 1e-9);
            }
            // Every rider still waiting keeps a planned pickup inside the window promised to them.
            for (const [r, time] of plannedPickups(state)) {
              const [lo, hi] = (promises[r] as DayPromise).promisedPickup;
              expect(time).toBeGreaterThanOrEqual(lo - 1e-6);
              expect(time).toBeLessThanOrEqual(hi + 1e-6);
            }
          });
          served.push(...advanceTo(state, city.dayEnd + 24 * 60));
          expect(accepted.length).toBeGreaterThan(20);
          expect(checkPromisesKept(city.fleet, city.speed, accepted, promises, served, true)).toEqual([]);
        },
      ),
      { numRuns: 15, seed: 4242 },
    );
  });

  it('refuses a booking no vehicle can serve in time, and changes nothing', () => {
    const state = createDispatch(
      [{ start: { x: 0, y: 0 }, end: { x: 0, y: 0 }, shiftStart: 0, shiftEnd: 600, capacity: [4] }],
      { speed: 0.5, promiseWidth: 10 },
    );
    const far = { x: 100, y: 0 };
    const request = {
      id: 'far',
      pickup: far,
      dropoff: { x: 0, y: 0 },
      pickupEarly: 0,
      pickupLate: 30,
      load: [1],
      maxRideTime: 300,
    };
    expect(bookRequest(state, request)).toBeNull();
    expect(state.vehicles[0]?.route.size).toBe(2);
    expect(bookRequest(state, { ...request, pickup: { x: 5, y: 0 } })).not.toBeNull();
  });
});
