// Dial-a-ride dispatch benchmark (issue 11).
// 1. Static: solves every Cordeau instance of a folder one at a time, checks each solution with the
//    independent checker (check-solution.ts) and prints cost, best known cost, gap, time and feasibility,
//    then the mean gap.
// 2. Dynamic: a generated city-sized service day (100 vehicles, about 2,000 active bookings); every
//    booking is inserted one at a time and its latency measured. Baseline measured in the same run: one
//    full exact evaluation of a route of the live plan, so the ratio is printed. At the end the
//    independent promise checker verifies the whole day.
// Usage: node bench/darp.ts [folder] [--time-limit 10] [--seed 1] [--no-static] [--no-dynamic]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  checkPromisesKept,
  type DayPromise,
  type DayStop,
} from '../src/modules/transit/dispatch/check-promises.ts';
import { checkSolution, readCordeauForCheck } from '../src/modules/transit/dispatch/check-solution.ts';
import { generateCity } from '../src/modules/transit/dispatch/city-scenario.ts';
import { parseCordeau } from '../src/modules/transit/dispatch/cordeau-format.ts';
import { type BookingRequest, bookRequest, createDispatch } from '../src/modules/transit/dispatch/dynamic.ts';
import { advanceTo } from '../src/modules/transit/dispatch/dynamic-clock.ts';
import { reoptimise } from '../src/modules/transit/dispatch/dynamic-reoptimise.ts';
import { earliestSchedule } from '../src/modules/transit/dispatch/route-schedule.ts';
import { solveDarp } from '../src/modules/transit/dispatch/solve.ts';
import { report as record } from './support.ts';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const flag = (name: string) => args.includes(`--${name}`);
const positional = args.filter(
  (a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--time') && !args[i - 1]?.startsWith('--seed'),
);
const folder = resolve(root, positional[0] ?? '../shared/data/darp-cordeau');
const timeLimit = option('time-limit', 10);
const seed = option('seed', 1);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
}

function runStatic(): void {
  const bksFile = join(folder, 'bks.csv');
  const bks = new Map<string, number>();
  if (existsSync(bksFile))
    for (const line of readFileSync(bksFile, 'utf8').trim().split('\n').slice(1)) {
      const [name, cost] = line.split(',');
      if (name && cost) bks.set(name.trim(), Number(cost));
    }
  const files = readdirSync(folder)
    .filter((f) => f.endsWith('.txt'))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  console.log(`Static: ${files.length} instances from ${folder}, ${timeLimit} s each, seed ${seed}\n`);
  console.log('instance      cost       bks     gap %   time s  iterations  feasible (independent check)');
  const gaps: number[] = [];
  let allFeasible = true;
  for (const file of files) {
    const name = file.replace(/\.txt$/, '');
    const text = readFileSync(join(folder, file), 'utf8');
    const started = performance.now();
    const { solution, iterations } = solveDarp(parseCordeau(text, name), {
      seed,
      timeLimitMs: timeLimit * 1000,
    });
    const seconds = (performance.now() - started) / 1000;
    const report = checkSolution(readCordeauForCheck(text, name), solution);
    allFeasible &&= report.feasible;
    const best = bks.get(name);
    const gap = best === undefined ? Number.NaN : ((report.cost - best) / best) * 100;
    if (!Number.isNaN(gap)) gaps.push(gap);
    console.log(
      `${name.padEnd(10)}${report.cost.toFixed(2).padStart(9)}${(best?.toFixed(2) ?? '—').padStart(10)}${gap.toFixed(2).padStart(9)}${seconds.toFixed(1).padStart(9)}${String(iterations).padStart(12)}  ${report.feasible ? 'yes' : `NO: ${report.violations.slice(0, 3).join('; ')}`}`,
    );
  }
  const mean = gaps.reduce((a, b) => a + b, 0) / Math.max(1, gaps.length);
  console.log(
    `\nmean gap ${mean.toFixed(3)} % over ${gaps.length} instances; all feasible: ${allFeasible ? 'yes' : 'NO'}\n`,
  );
  record('darp', [
    {
      label: `mean gap to the best known costs, ${gaps.length} Cordeau instances, ${timeLimit} s each${allFeasible ? '' : ' (SOME INFEASIBLE)'}`,
      value: mean,
      unit: '%',
    },
  ]);
}

function runDynamic(): void {
  const city = generateCity({ seed, vehicles: 100, advanceBookings: 2500, liveBookings: 1500 });
  console.log(
    `Dynamic: 20 km × 20 km city, ${city.fleet.length} vehicles (morning, evening, day shifts; taxis and minibuses with wheelchair places), ${city.bookings.length} bookings over the day`,
  );
  const state = createDispatch(city.fleet, { speed: city.speed, promiseWidth: 15 });
  const accepted: BookingRequest[] = [];
  const promises: DayPromise[] = [];
  const served: DayStop[] = [];
  const latency: number[] = [];
  const busyLatency: number[] = [];
  let active = 0;
  let peakActive = 0;
  let baselineUs = Number.NaN;
  let baselineStops = 0;
  let nextReplan = city.dayStart;
  let replanSaved = 0;
  let replans = 0;
  for (const { at, request } of city.bookings) {
    for (const stop of advanceTo(state, at)) {
      served.push(stop);
      if (stop.kind === 'dropoff') active--;
    }
    const started = performance.now();
    const booking = bookRequest(state, request);
    const ms = performance.now() - started;
    latency.push(ms);
    if (active >= 2000) busyLatency.push(ms);
    if (booking) {
      accepted.push(request);
      promises.push(booking);
      active++;
    }
    if (active > peakActive) {
      peakActive = active;
      if (active === 2000) {
        baselineUs = measureRouteEvaluation(state);
        baselineStops = averageRouteSize(state);
      }
    }
    // Background re-optimisation, every half hour of the day, of ten neighbouring vehicles.
    if (at >= nextReplan) {
      nextReplan += 30;
      const first = (replans * 10) % state.vehicles.length;
      const group = Array.from({ length: 10 }, (_, i) => (first + i) % state.vehicles.length);
      const { before, after } = reoptimise(state, { seed: replans, maxIterations: 300, vehicles: group });
      replanSaved += before - after;
      replans++;
    }
  }
  if (Number.isNaN(baselineUs)) {
    baselineUs = measureRouteEvaluation(state);
    baselineStops = averageRouteSize(state);
  }
  served.push(...advanceTo(state, city.dayEnd + 24 * 60));
  const all = [...latency].sort((a, b) => a - b);
  const busy = [...busyLatency].sort((a, b) => a - b);
  const problems = checkPromisesKept(city.fleet, city.speed, accepted, promises, served, true);
  console.log(
    `accepted ${accepted.length} of ${city.bookings.length} bookings; peak active requests ${peakActive}`,
  );
  console.log(
    `insertion latency, all ${all.length} bookings: p50 ${percentile(all, 0.5).toFixed(3)} ms, p99 ${percentile(all, 0.99).toFixed(3)} ms, max ${percentile(all, 1).toFixed(3)} ms`,
  );
  if (busy.length > 0)
    console.log(
      `insertion latency, ${busy.length} bookings made with ≥ 2,000 active requests: p50 ${percentile(busy, 0.5).toFixed(3)} ms, p99 ${percentile(busy, 0.99).toFixed(3)} ms`,
    );
  const ref = busy.length > 0 ? busy : all;
  console.log(
    `baseline: one full exact evaluation of a route (${baselineStops.toFixed(0)} stops on average) ${baselineUs.toFixed(2)} µs; insertion p50 = ${((percentile(ref, 0.5) * 1000) / baselineUs).toFixed(0)}× and p99 = ${((percentile(ref, 0.99) * 1000) / baselineUs).toFixed(0)}× that (one booking screens all ${state.vehicles.length} routes)`,
  );
  console.log(
    `re-optimisation: ${replans} runs on groups of 10 vehicles saved ${replanSaved.toFixed(1)} min of driving`,
  );
  console.log(
    `promises kept (independent check of the served day): ${problems.length === 0 ? 'yes' : `NO — ${problems.slice(0, 5).join('; ')}`}`,
  );
  record('darp', [
    {
      label: `booking insertion p99, ${state.vehicles.length} vehicles${problems.length === 0 ? '' : ' (PROMISES BROKEN)'}`,
      value: percentile(ref, 0.99),
      unit: 'ms',
      baseline: { label: 'one exact route evaluation', value: baselineUs / 1000 },
    },
  ]);
}

function averageRouteSize(state: ReturnType<typeof createDispatch>): number {
  return state.vehicles.reduce((s, v) => s + v.route.size, 0) / state.vehicles.length;
}

// Mean time of one cold earliest-schedule evaluation over the routes of the live plan.
function measureRouteEvaluation(state: ReturnType<typeof createDispatch>): number {
  const routes = state.vehicles.map((v) => v.route).filter((r) => r.size > 2);
  const out = new Float64Array(4096);
  const rounds = 200;
  for (const r of routes) earliestSchedule(r, r.size, r.maxDuration, out);
  const started = performance.now();
  for (let i = 0; i < rounds; i++) for (const r of routes) earliestSchedule(r, r.size, r.maxDuration, out);
  return ((performance.now() - started) * 1000) / (rounds * routes.length);
}

if (!flag('no-static')) runStatic();
if (!flag('no-dynamic')) runDynamic();
