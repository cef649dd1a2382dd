import { and, between, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import type { Bilingual } from '../../../platform/http/locale.ts';
import { measureName } from '../data/catalogue.ts';
import { localStamp } from '../data/export-series.ts';
import { stationViews } from '../data/get-station.ts';
import { seriesPointsMany } from '../data/query-series.ts';
import { fromQuebecLocal } from '../data/reading-rules.ts';
import { directionStats } from '../traffic/traffic-summary.ts';
import { monthlySamplesRequired } from '../water/rules.ts';
import { opsAlarms, opsSamples } from '../water/schema.ts';
import type { ReportContent } from './schema.ts';

/** One measure's month in a report. */
export interface MeasureMonth {
  code: string;
  name: Bilingual;
  unit: string;
  n: number;
  mean: number | null;
  min: number | null;
  max: number | null;
  sum: number;
  days: Array<{ date: string; n: number; mean: number; min: number; max: number; sum: number }>;
}

/** Everything a monthly report shows, computed once for the PDF and the XLSX. */
export interface ReportData {
  title: Bilingual;
  intro: Bilingual;
  period: string;
  sections: ReportContent['sections'];
  stations: Array<{
    code: string;
    name: Bilingual;
    kind: string;
    measures: MeasureMonth[];
    traffic: {
      aadt: number | null;
      peakHour: { bucket: string; volume: number } | null;
      speed85: number | null;
      heavyShare: number | null;
    } | null;
  }>;
  compliance: {
    alarms: number;
    reports: number;
    samplesRequired: number | null;
    samplesTaken: number;
    samplesNonCompliant: number;
  } | null;
}

/** The local month [start, end) of a period written YYYY-MM-01. */
export function monthRange(period: string): { from: Date; to: Date } {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return { from: fromQuebecLocal(y, m, 1, 0, 0, 0), to: fromQuebecLocal(y, m + 1, 1, 0, 0, 0) };
}

/** Builds a report's data for a month, calling `progress` with 0–100 as stations are done. */
export async function buildReportData(
  db: Executor,
  orgId: string,
  definition: { titleFr: string; titleEn: string; content: ReportContent },
  period: string,
  progress: (percent: number) => Promise<void> = async () => {},
): Promise<ReportData> {
  const { from, to } = monthRange(period);
  const content = definition.content;
  const views = await stationViews(db, orgId, content.stationIds.length ? content.stationIds : undefined);
  const stations: ReportData['stations'] = [];
  // Two queries for every series of the report: the month's and the days' rollups.
  const ids = views.flatMap((v) =>
    v.measures
      .filter((m) => !content.measureCodes.length || content.measureCodes.includes(m.code))
      .map((m) => m.id),
  );
  const months = await seriesPointsMany(db, orgId, ids, 'month', from, to);
  const dailies = await seriesPointsMany(db, orgId, ids, 'day', from, to);
  for (const [i, s] of views.entries()) {
    const measures: MeasureMonth[] = [];
    for (const m of s.measures) {
      if (content.measureCodes.length && !content.measureCodes.includes(m.code)) continue;
      const [month] = months.get(m.id) ?? [];
      const days = dailies.get(m.id) ?? [];
      measures.push({
        code: m.code,
        name: measureName(m.code),
        unit: m.unit,
        n: month?.n ?? 0,
        mean: month ? month.mean : null,
        min: month?.min ?? null,
        max: month?.max ?? null,
        sum: month?.sum ?? 0,
        days: days.map((d) => ({
          date: localStamp(d.bucket).slice(0, 10),
          n: d.n,
          mean: d.mean,
          min: d.min,
          max: d.max,
          sum: d.sum,
        })),
      });
    }
    let traffic = null;
    if (s.kind === 'traffic_counter' && content.sections.includes('traffic')) {
      const id = (code: string) => s.measures.find((m) => m.code === code)?.id;
      const stats = await directionStats(
        db,
        orgId,
        { count: id('vehicle_count'), heavy: id('heavy_vehicle_count'), speed: id('speed') },
        from,
        to,
      );
      traffic = {
        aadt: stats.aadt,
        peakHour: stats.peakHour,
        speed85: stats.speed85,
        heavyShare: stats.heavyShare,
      };
    }
    stations.push({ code: s.code, name: s.name, kind: s.kind, measures, traffic });
    await progress(Math.round(((i + 1) / Math.max(1, views.length)) * 90));
  }
  let compliance = null;
  if (content.sections.includes('compliance')) {
    const [alarms] = await db
      .select({
        alarms: sql<number>`count(*) FILTER (WHERE ${opsAlarms.severity} = 'alarm')::int`,
        reports: sql<number>`count(*) FILTER (WHERE ${opsAlarms.severity} = 'report')::int`,
      })
      .from(opsAlarms)
      .where(and(inOrg(opsAlarms, orgId), gte(opsAlarms.observedAt, from), lt(opsAlarms.observedAt, to)));
    const last = new Date(to.getTime() - 86_400_000).toISOString().slice(0, 10);
    const samples = await db
      .select({ status: opsSamples.status, compliant: opsSamples.compliant })
      .from(opsSamples)
      .where(
        inOrg(
          opsSamples,
          orgId,
          eq(opsSamples.purpose, 'routine'),
          between(opsSamples.plannedFor, period, last),
          inArray(opsSamples.status, ['taken', 'resulted']),
        ),
      );
    const population = Math.max(
      0,
      ...views.filter((v) => v.kind === 'treatment_outlet').map((v) => v.populationServed ?? 0),
    );
    compliance = {
      alarms: Number(alarms?.alarms ?? 0),
      reports: Number(alarms?.reports ?? 0),
      samplesRequired: population ? monthlySamplesRequired(population) : null,
      samplesTaken: samples.length,
      samplesNonCompliant: samples.filter((s) => s.compliant === false).length,
    };
  }
  return {
    title: { fr: definition.titleFr, en: definition.titleEn },
    intro: { fr: content.introFr, en: content.introEn },
    period,
    sections: content.sections,
    stations,
    compliance,
  };
}
