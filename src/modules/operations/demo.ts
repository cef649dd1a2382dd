// Demonstration content of operations for Rivière-du-Loup: its plant, reservoir, well and network points,
// three traffic counters, 45 days of readings, an on-call roster, the month's sampling and a report.
import { eq } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.ts';
import { inOrg, scopeOf } from '../../platform/db/tenancy.ts';
import { insertReadings } from './data/insert-readings.ts';
import { loadStationRef } from './data/load-station.ts';
import type { ReadingRow } from './data/reading-rules.ts';
import { type StationInput, upsertStation } from './data/save-station.ts';
import { opsStations } from './data/schema.ts';
import { upsertDefinition } from './reports/definitions.ts';
import { extremitySamplesRequired, monthlySamplesRequired, samplingPlan } from './water/rules.ts';
import { opsAlarms, opsOnCall, opsSamples, opsThresholds } from './water/schema.ts';

const STATIONS: StationInput[] = [
  {
    code: 'UTE-RDL',
    nameFr: 'Usine de traitement d’eau potable — sortie',
    nameEn: 'Drinking-water plant — outlet',
    kind: 'treatment_outlet',
    latitude: 47.8197,
    longitude: -69.5437,
    populationServed: 19_800,
  },
  {
    code: 'RES-BERUBE',
    nameFr: 'Réservoir Côte-des-Bérubé',
    nameEn: 'Côte-des-Bérubé reservoir',
    kind: 'reservoir',
    latitude: 47.8111,
    longitude: -69.5202,
  },
  {
    code: 'PUITS-P3',
    nameFr: 'Puits P-3 (secours)',
    nameEn: 'Well P-3 (backup)',
    kind: 'well',
    latitude: 47.7953,
    longitude: -69.5571,
  },
  {
    code: 'R-01',
    nameFr: 'Rue Fraser (extrémité ouest)',
    nameEn: 'Fraser Street (west end)',
    kind: 'network_point',
    latitude: 47.8412,
    longitude: -69.5529,
    networkExtremity: true,
  },
  {
    code: 'R-02',
    nameFr: 'Rue Témiscouata (extrémité sud)',
    nameEn: 'Témiscouata Street (south end)',
    kind: 'network_point',
    latitude: 47.8043,
    longitude: -69.5288,
    networkExtremity: true,
  },
  {
    code: 'R-03',
    nameFr: 'Hôtel de ville',
    nameEn: 'City hall',
    kind: 'network_point',
    latitude: 47.8356,
    longitude: -69.5354,
  },
  {
    code: 'R-04',
    nameFr: 'Parc de la Pointe',
    nameEn: 'Pointe park',
    kind: 'network_point',
    latitude: 47.8482,
    longitude: -69.5683,
  },
  {
    code: 'CC-CARTIER',
    nameFr: 'Boulevard Cartier',
    nameEn: 'Cartier Boulevard',
    kind: 'traffic_counter',
    latitude: 47.8281,
    longitude: -69.5343,
    directions: ['N', 'S'],
  },
  {
    code: 'CC-THERIAULT',
    nameFr: 'Boulevard Armand-Thériault',
    nameEn: 'Armand-Thériault Boulevard',
    kind: 'traffic_counter',
    latitude: 47.8232,
    longitude: -69.5187,
    directions: ['E', 'O'],
  },
  {
    code: 'CC-LAFONTAINE',
    nameFr: 'Rue Lafontaine',
    nameEn: 'Lafontaine Street',
    kind: 'traffic_counter',
    latitude: 47.8363,
    longitude: -69.5357,
    directions: ['N', 'S'],
  },
];

/** A small deterministic generator, so every demo installation shows the same figures. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

// Hourly share of daily traffic on an urban arterial (two peaks), summing to about 1.
const PROFILE = [
  0.8, 0.5, 0.3, 0.3, 0.5, 1.4, 4.0, 7.2, 6.8, 5.0, 5.0, 5.6, 6.0, 5.8, 5.9, 6.8, 8.0, 8.4, 6.2, 4.6, 3.6,
  2.8, 2.0, 1.4,
].map((p) => p / 100);

/** Seeds Rivière-du-Loup's operations (once: nothing is added when its stations exist). */
export async function seedDemoOperations(
  db: Database,
  orgIds: Map<string, string>,
  accountIds: Map<string, string>,
  now = new Date(),
) {
  const orgId = orgIds.get('riviere-du-loup');
  if (!orgId) return;
  const [existing] = await db
    .select({ id: opsStations.id })
    .from(opsStations)
    .where(inOrg(opsStations, orgId))
    .limit(1);
  if (existing) return;
  const rand = random(12072);
  const ids = new Map<string, string>();
  for (const s of STATIONS) ids.set(s.code, await upsertStation(db, orgId, s));
  const hour = 3600_000;
  const end = Math.floor(now.getTime() / hour) * hour;
  const start = end - 45 * 24 * hour;
  const rows: ReadingRow[] = [];
  const push = (
    stationCode: string,
    measures: Map<string, { id: string }>,
    code: string,
    at: number,
    value: number,
    direction = '',
  ) => {
    const m = measures.get(code);
    if (m)
      rows.push({
        measureId: m.id,
        direction,
        observedAt: new Date(at),
        value: Math.round(value * 1000) / 1000,
      });
    void stationCode;
  };
  // The plant: chlorine every 15 minutes, one dip below 0.3 mg/L nine days ago (a dosing pump stopped).
  const plant = await loadStationRef(db, orgId, ids.get('UTE-RDL') ?? '');
  const dipStart = end - 9 * 24 * hour + 3 * hour;
  let volume = 0;
  for (let t = start; t < end; t += 15 * 60_000) {
    const dip = t >= dipStart && t < dipStart + 45 * 60_000;
    push('UTE-RDL', plant.measures, 'free_chlorine', t, dip ? 0.18 + rand() * 0.06 : 0.62 + rand() * 0.18);
    if (t % hour === 0) {
      const h = new Date(t).getUTCHours();
      const flow = 260 + 90 * Math.sin(((h - 10) / 24) * 2 * Math.PI) + rand() * 20;
      volume += flow;
      push('UTE-RDL', plant.measures, 'flow', t, flow);
      push('UTE-RDL', plant.measures, 'volume', t, volume);
      push('UTE-RDL', plant.measures, 'turbidity', t, 0.08 + rand() * 0.1);
      push('UTE-RDL', plant.measures, 'ph', t, 7.3 + rand() * 0.3);
      push('UTE-RDL', plant.measures, 'temperature', t, 6 + rand() * 2);
    }
  }
  const reservoir = await loadStationRef(db, orgId, ids.get('RES-BERUBE') ?? '');
  for (let t = start; t < end; t += hour) {
    push('RES-BERUBE', reservoir.measures, 'level', t, 5.5 + Math.sin(t / (6 * hour)) * 0.8 + rand() * 0.1);
    push('RES-BERUBE', reservoir.measures, 'free_chlorine', t, 0.45 + rand() * 0.15);
  }
  for (const code of ['R-01', 'R-02', 'R-03', 'R-04']) {
    const point = await loadStationRef(db, orgId, ids.get(code) ?? '');
    for (let t = start; t < end; t += 24 * hour) {
      push(code, point.measures, 'free_chlorine', t + 14 * hour, 0.2 + rand() * 0.25);
      push(code, point.measures, 'pressure', t + 14 * hour, 380 + rand() * 60);
    }
  }
  // Traffic: hourly counts by direction, heavy vehicles, and sampled individual speeds.
  for (const [code, daily, limit] of [
    ['CC-CARTIER', 9200, 50],
    ['CC-THERIAULT', 14_500, 70],
    ['CC-LAFONTAINE', 5100, 50],
  ] as const) {
    const counter = await loadStationRef(db, orgId, ids.get(code) ?? '');
    for (let t = start; t < end; t += hour) {
      const local = (new Date(t).getUTCHours() + 19) % 24;
      const weekend = [0, 6].includes(new Date(t - 5 * hour).getUTCDay());
      for (const direction of counter.directions) {
        const volume = Math.round(
          (daily / 2) * (PROFILE[local] ?? 0.03) * (weekend ? 0.75 : 1) * (0.9 + rand() * 0.2),
        );
        push(code, counter.measures, 'vehicle_count', t, volume, direction);
        push(
          code,
          counter.measures,
          'heavy_vehicle_count',
          t,
          Math.round(volume * (0.05 + rand() * 0.06)),
          direction,
        );
        for (let v = 0; v < 6; v++)
          push(
            code,
            counter.measures,
            'speed',
            t + v * 97_000 + Math.floor(rand() * 90_000),
            limit - 4 + rand() * 22,
            direction,
          );
      }
    }
  }
  await insertReadings(db, orgId, rows, 'demo');
  // The dip's alarm, handled: acknowledged by the operator and closed.
  const chlorineId = plant.measures.get('free_chlorine')?.id ?? '';
  const [threshold] = await db
    .select({ id: opsThresholds.id })
    .from(opsThresholds)
    .where(inOrg(opsThresholds, orgId, eq(opsThresholds.measureId, chlorineId)));
  const operator = accountIds.get('rdl-staff');
  if (threshold)
    await db.insert(opsAlarms).values(
      scopeOf(orgId).rows({
        stationId: plant.id,
        measureId: chlorineId,
        thresholdId: threshold.id,
        severity: 'alarm' as const,
        observedAt: new Date(dipStart),
        value: 0.21,
        worstValue: 0.18,
        readingsOutOfRange: 3,
        status: 'closed' as const,
        lastNotifiedAt: new Date(dipStart),
        acknowledgedAt: new Date(dipStart + 12 * 60_000),
        acknowledgedBy: operator ?? null,
        note: 'Pompe doseuse redémarrée; chlore rétabli à 0,65 mg/L à 04:20.',
        closedAt: new Date(dipStart + 2 * hour),
      }),
    );
  if (operator) await db.insert(opsOnCall).values(scopeOf(orgId).rows({ accountId: operator, level: 1 }));
  // This month's bacteriological sampling, the days past already analysed (all compliant).
  const month = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'America/Toronto',
    year: 'numeric',
    month: '2-digit',
  }).format(now);
  const [y, m] = month.split('-').map(Number) as [number, number];
  const population = 19_800;
  const plan = samplingPlan(y, m, monthlySamplesRequired(population), extremitySamplesRequired(population));
  const ends = ['R-01', 'R-02'];
  const others = ['R-03', 'R-04'];
  const today = now.toISOString().slice(0, 10);
  for (const [i, p] of plan.entries()) {
    const code = p.extremity ? ends[i % 2] : others[i % 2];
    const done = p.date < today;
    await db.insert(opsSamples).values(
      scopeOf(orgId).rows({
        stationId: ids.get(code ?? 'R-03') ?? '',
        plannedFor: p.date,
        purpose: 'routine' as const,
        status: done ? ('resulted' as const) : ('planned' as const),
        takenAt: done ? new Date(`${p.date}T14:00:00Z`) : null,
        laboratory: done ? 'Laboratoire régional du Bas-Saint-Laurent' : null,
        eColi: done ? 0 : null,
        totalColiforms: done ? Math.floor(rand() * 3) : null,
        freeChlorine: done ? 0.3 + Math.round(rand() * 20) / 100 : null,
        compliant: done ? true : null,
        resultedAt: done ? new Date(`${p.date}T20:00:00Z`) : null,
      }),
    );
  }
  await upsertDefinition(db, orgId, {
    titleFr: 'Rapport mensuel — eau potable et circulation',
    titleEn: 'Monthly report — drinking water and traffic',
    content: {
      stationIds: [],
      measureCodes: ['free_chlorine', 'turbidity', 'flow', 'vehicle_count', 'heavy_vehicle_count'],
      sections: ['summary', 'chart', 'compliance', 'traffic'],
      introFr: 'Sommaire des données d’exploitation du mois, produit automatiquement le 1er.',
      introEn: 'Summary of the month’s operational data, produced automatically on the 1st.',
    },
    recipients: ['direction.travaux@riviere-du-loup.demo.civique.ca'],
    active: true,
  });
}
