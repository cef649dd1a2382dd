import {
  EXPORT_FORMATS,
  type ExportTable,
  tableToCsv,
  tableToXlsx,
} from '../../../platform/audit/table-export.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { recreationReport } from './recreation-report.ts';

const T = {
  code: { fr: 'Code', en: 'Code' },
  title: { fr: 'Activité', en: 'Activity' },
  capacity: { fr: 'Capacité', en: 'Capacity' },
  taken: { fr: 'Places prises', en: 'Places taken' },
  fill: { fr: 'Taux de remplissage (%)', en: 'Fill rate (%)' },
  waitlisted: { fr: 'Liste d’attente', en: 'Waitlist' },
  revenue: { fr: 'Revenus ($)', en: 'Revenue ($)' },
  group: { fr: 'Groupe d’âge', en: 'Age group' },
  town: { fr: 'Municipalité de résidence', en: 'Town of residence' },
  registrations: { fr: 'Inscriptions confirmées', en: 'Confirmed registrations' },
} as const;

/** One table of the recreation report (per activity, age group or town) as CSV or XLSX. */
export async function exportReport(options: {
  db: Executor;
  auth: AuthContext | null;
  orgId: string;
  seasonId?: string;
  table: 'activities' | 'ages' | 'towns';
  format: 'csv' | 'xlsx';
  locale: 'fr' | 'en';
}): Promise<{ body: string | Buffer; contentType: string; filename: string }> {
  const report = await recreationReport(options);
  const l = options.locale;
  const col = (key: keyof typeof T) => ({ key, header: T[key][l] });
  const dollars = (cents: number) => Math.round(cents) / 100;
  const none = l === 'fr' ? 'Non-résidents' : 'Non-residents';
  const table: ExportTable =
    options.table === 'activities'
      ? {
          columns: [
            col('code'),
            col('title'),
            col('capacity'),
            col('taken'),
            col('fill'),
            col('waitlisted'),
            col('revenue'),
          ],
          rows: report.byActivity.map((a) => ({
            code: a.code,
            title: a.title[l],
            capacity: a.capacity,
            taken: a.taken,
            fill: a.fillPercent,
            waitlisted: a.waitlisted,
            revenue: dollars(a.revenueCents),
          })),
        }
      : options.table === 'ages'
        ? {
            columns: [col('group'), col('registrations'), col('revenue')],
            rows: report.byAgeGroup.map((g) => ({
              group: g.group,
              registrations: g.registrations,
              revenue: dollars(g.revenueCents),
            })),
          }
        : {
            columns: [col('town'), col('registrations'), col('revenue')],
            rows: report.byTown.map((t) => ({
              town: t.name?.[l] ?? none,
              registrations: t.registrations,
              revenue: dollars(t.revenueCents),
            })),
          };
  const name = `${l === 'fr' ? 'loisirs' : 'recreation'}-${options.table}`;
  const body = options.format === 'csv' ? tableToCsv(table) : await tableToXlsx(table, options.table);
  return {
    body,
    contentType: EXPORT_FORMATS[options.format].type,
    filename: `${name}.${EXPORT_FORMATS[options.format].extension}`,
  };
}
