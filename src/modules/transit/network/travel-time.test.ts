import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../config.ts';
import {
  distanceKm,
  osrmProvider,
  straightLineProvider,
  TravelTimeError,
  travelTimeProvider,
} from './travel-time.ts';

const hotelDeVille = { lat: 46.0516, lon: -71.9578 };
const cegep = { lat: 46.0589, lon: -71.9676 };

// A local server speaking OSRM v1's table and route JSON: durations are 60 s per kilometre of
// straight line, so answers are predictable and different from the default estimate.
let server: Server;
let base: string;
const seen: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    seen.push(url.pathname + url.search);
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const match = /^\/(table|route)\/v1\/driving\/(.+)$/.exec(url.pathname);
    if (!match) return send(400, { code: 'InvalidUrl', message: 'bad path' });
    const points = (match[2] ?? '').split(';').map((c) => {
      const [lon, lat] = c.split(',').map(Number);
      return { lat: lat as number, lon: lon as number };
    });
    if (points.some((p) => Math.abs(p.lat) > 90)) return send(400, { code: 'InvalidValue', message: 'lat' });
    if (match[1] === 'table') {
      const sources = (url.searchParams.get('sources') ?? '').split(';').map(Number);
      const destinations = (url.searchParams.get('destinations') ?? '').split(';').map(Number);
      return send(200, {
        code: 'Ok',
        durations: sources.map((s) =>
          destinations.map((d) =>
            points[d]?.lat === 0 ? null : distanceKm(points[s] as never, points[d] as never) * 60,
          ),
        ),
      });
    }
    const [a, b] = points as [typeof hotelDeVille, typeof cegep];
    const km = distanceKm(a, b);
    return send(200, {
      code: 'Ok',
      routes: [
        {
          duration: km * 60,
          distance: km * 1400,
          geometry: {
            type: 'LineString',
            coordinates: [
              [a.lon, a.lat],
              [b.lon, a.lat],
              [b.lon, b.lat],
            ],
          },
        },
      ],
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('travel times', () => {
  it('estimates straight-line distance × detour factor at the zone speed', async () => {
    const provider = straightLineProvider({ speedKmh: 30, detourFactor: 1.5 });
    const km = distanceKm(hotelDeVille, cegep);
    expect(km).toBeGreaterThan(0.9);
    expect(km).toBeLessThan(1.2);
    const [[minutes]] = (await provider.table([hotelDeVille], [cegep])) as [[number]];
    expect(minutes).toBeCloseTo(((km * 1.5) / 30) * 60, 1);
    const leg = await provider.route(hotelDeVille, cegep);
    expect(leg.km).toBeCloseTo(km * 1.5, 3);
  });

  it('asks OSRM table for a sources × destinations matrix in minutes', async () => {
    const provider = osrmProvider(base);
    const matrix = await provider.table([hotelDeVille, cegep], [cegep, hotelDeVille, { lat: 0, lon: 0 }]);
    const km = distanceKm(hotelDeVille, cegep);
    expect(matrix).toHaveLength(2);
    expect(matrix[0]?.[0]).toBeCloseTo(km, 5);
    expect(matrix[1]?.[0]).toBeCloseTo(0, 5);
    expect(matrix[0]?.[2]).toBe(Number.POSITIVE_INFINITY);
    const last = seen.at(-1) ?? '';
    expect(last).toContain('/table/v1/driving/-71.957800,46.051600;-71.967600,46.058900;');
    expect(last).toContain('sources=0;1&destinations=2;3;4');
  });

  it('asks OSRM route for one leg with its geometry', async () => {
    const leg = await osrmProvider(base).route(hotelDeVille, cegep);
    const km = distanceKm(hotelDeVille, cegep);
    expect(leg.minutes).toBeCloseTo(km, 5);
    expect(leg.km).toBeCloseTo(km * 1.4, 5);
    expect(leg.geometry).toHaveLength(3);
    expect(seen.at(-1)).toContain('overview=full&geometries=geojson');
  });

  it('reports OSRM errors instead of inventing a time', async () => {
    await expect(osrmProvider(base).route({ lat: 95, lon: 0 }, cegep)).rejects.toThrow(TravelTimeError);
    await expect(osrmProvider(`${base}/nowhere`).table([cegep], [cegep])).rejects.toThrow(/InvalidUrl/);
  });

  it('uses OSRM only when OSRM_URL is set', () => {
    const fallback = { speedKmh: 35, detourFactor: 1.3 };
    expect(travelTimeProvider(loadConfig({ OSRM_URL: `${base}/` }).osrmUrl, fallback).name).toBe('osrm');
    expect(loadConfig({ OSRM_URL: `${base}/` }).osrmUrl).toBe(base);
    expect(travelTimeProvider(loadConfig({}).osrmUrl, fallback).name).toBe('straight-line');
  });
});
