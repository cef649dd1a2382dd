// The files public bodies ask for, built from the data hub. Each template says what it produces and why.
import { stringify } from 'csv-stringify/sync';
import { and, between, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import type { Bilingual } from '../../../platform/http/locale.ts';
import { localStamp } from '../data/export-series.ts';
import { stationViews } from '../data/get-station.ts';
import { rawPoints, seriesPoints } from '../data/query-series.ts';
import { opsMeasures, opsStations } from '../data/schema.ts';
import { periodStarts } from '../water/chlorine-log.ts';
import { fourHourLog } from '../water/rules.ts';
import { opsSamples } from '../water/schema.ts';
import { monthRange } from './report-data.ts';

/** A transmission template: who it is for and how its file is made for a month. */
export interface TransmissionTemplate {
  name: Bilingual;
  defaultRecipient: string;
  fileName(orgSlug: string, period: string): string;
  contentType: string;
  build(db: Executor, orgId: string, period: string): Promise<Buffer>;
}

const csv = (rows: unknown[][]) =>
  Buffer.from(stringify(rows, { bom: true, record_delimiter: 'windows' }), 'utf8');
const dec = (v: number | null, digits = 3) =>
  v === null ? '' : String(Math.round(v * 10 ** digits) / 10 ** digits);

/**
 * MELCCFP monthly drinking-water summary. The ministry publishes no machine-readable schema for what a
 * municipality keeps under the RQEP (accredited labs send bacteriological results to it directly, s. 33);
 * what an inspector asks for is the s. 22 register and the month's sampling. So the file is the register
 * itself, one CSV row per treatment outlet and 4-hour period (the s. 22 columns, in its words), followed
 * by one row per routine or resampling sample: UTF-8 with BOM, `;`-free RFC 4180 commas, ISO dates.
 */
const waterSummary: TransmissionTemplate = {
  name: { fr: 'Sommaire mensuel eau potable (MELCCFP)', en: 'Monthly drinking-water summary (MELCCFP)' },
  defaultRecipient: 'MELCCFP — direction régionale',
  fileName: (slug, period) => `${slug}_eau-potable_${period.slice(0, 7)}.csv`,
  contentType: 'text/csv; charset=utf-8',
  async build(db, orgId, period) {
    const rows: unknown[][] = [
      [
        'type',
        'station',
        'date',
        'periode_debut',
        'chlore_libre_min_mg_l',
        'heure_min',
        'volume_m3',
        'debit_m3_h',
        'turbidite_utn',
        'e_coli_ufc_100ml',
        'coliformes_totaux_ufc_100ml',
        'conforme',
      ],
    ];
    const outlets = (await stationViews(db, orgId)).filter((s) => s.kind === 'treatment_outlet');
    const { from, to } = monthRange(period);
    for (const s of outlets) {
      const load = async (code: string) => {
        const m = s.measures.find((x) => x.code === code);
        if (!m) return [];
        return (await rawPoints(db, orgId, m.id, from, to, 500_000)).map((p) => ({
          at: new Date(p.at),
          value: p.value,
        }));
      };
      const series = {
        chlorine: await load('free_chlorine'),
        flow: await load('flow'),
        volume: await load('volume'),
        turbidity: await load('turbidity'),
      };
      const days = Math.round((to.getTime() - from.getTime()) / 86_400_000);
      for (let d = 0; d < days; d++) {
        const day = new Date(Date.UTC(Number(period.slice(0, 4)), Number(period.slice(5, 7)) - 1, 1 + d))
          .toISOString()
          .slice(0, 10);
        const starts = periodStarts(day);
        for (const line of fourHourLog(starts[0] as Date, series, starts))
          rows.push([
            'registre_4h',
            s.code,
            day,
            localStamp(line.periodStart).slice(11),
            dec(line.minChlorine),
            line.at ? localStamp(line.at).slice(11) : '',
            dec(line.volume, 1),
            dec(line.flow, 1),
            dec(line.turbidity),
            '',
            '',
            line.minChlorine === null ? '' : line.minChlorine >= 0.3 ? 'oui' : 'non',
          ]);
      }
    }
    const last = new Date(to.getTime() - 86_400_000).toISOString().slice(0, 10);
    const samples = await db
      .select({ s: opsSamples, code: opsStations.code })
      .from(opsSamples)
      .innerJoin(
        opsStations,
        and(eq(opsStations.orgId, opsSamples.orgId), eq(opsStations.id, opsSamples.stationId)),
      )
      .where(
        inOrg(
          opsSamples,
          orgId,
          between(opsSamples.plannedFor, period, last),
          eq(opsSamples.status, 'resulted'),
        ),
      )
      .orderBy(opsSamples.plannedFor);
    for (const { s, code } of samples)
      rows.push([
        s.purpose === 'routine' ? 'echantillon' : 'reechantillon',
        code,
        s.takenAt ? localStamp(s.takenAt).slice(0, 10) : s.plannedFor,
        s.takenAt ? localStamp(s.takenAt).slice(11) : '',
        dec(s.freeChlorine),
        '',
        '',
        '',
        '',
        s.eColi ?? '',
        s.totalColiforms ?? '',
        s.compliant ? 'oui' : 'non',
      ]);
    return csv(rows);
  },
};

/**
 * Traffic counts for the Ministère des Transports (MTMD) or a regional body: hourly volumes per station
 * and direction, long format (one row per station × direction × hour, local time), with heavy vehicles.
 * There is no public MTMD exchange schema for municipal counters; this is the shape of its published
 * open-data counts (station, direction, date, hour, volume) so the receiver can load it unchanged.
 */
const trafficCounts: TransmissionTemplate = {
  name: { fr: 'Comptages de circulation horaires (CSV)', en: 'Hourly traffic counts (CSV)' },
  defaultRecipient: 'Ministère des Transports et de la Mobilité durable',
  fileName: (slug, period) => `${slug}_comptages_${period.slice(0, 7)}.csv`,
  contentType: 'text/csv; charset=utf-8',
  async build(db, orgId, period) {
    const rows: unknown[][] = [
      ['station', 'latitude', 'longitude', 'direction', 'date', 'heure', 'volume', 'vehicules_lourds'],
    ];
    const { from, to } = monthRange(period);
    const counters = await db
      .select()
      .from(opsStations)
      .where(inOrg(opsStations, orgId, eq(opsStations.kind, 'traffic_counter')))
      .orderBy(opsStations.code);
    for (const c of counters) {
      const measures = await db
        .select({ id: opsMeasures.id, code: opsMeasures.code })
        .from(opsMeasures)
        .where(
          inOrg(
            opsMeasures,
            orgId,
            eq(opsMeasures.stationId, c.id),
            sql`${opsMeasures.code} IN ('vehicle_count', 'heavy_vehicle_count')`,
          ),
        );
      const count = measures.find((m) => m.code === 'vehicle_count');
      const heavy = measures.find((m) => m.code === 'heavy_vehicle_count');
      if (!count) continue;
      for (const direction of c.directions.length ? c.directions : ['']) {
        const volumes = await seriesPoints(db, orgId, count.id, 'hour', from, to, direction);
        const heavies = heavy ? await seriesPoints(db, orgId, heavy.id, 'hour', from, to, direction) : [];
        const heavyAt = new Map(heavies.map((h) => [h.bucket, h.sum]));
        for (const v of volumes) {
          const stamp = localStamp(v.bucket);
          rows.push([
            c.code,
            c.latitude ?? '',
            c.longitude ?? '',
            direction,
            stamp.slice(0, 10),
            stamp.slice(11, 13),
            v.sum,
            heavyAt.get(v.bucket) ?? '',
          ]);
        }
      }
    }
    return csv(rows);
  },
};

/** Every template by code. */
export const TRANSMISSION_TEMPLATES: Record<string, TransmissionTemplate> = {
  melccfp_water_monthly: waterSummary,
  mtmd_traffic_counts: trafficCounts,
};
