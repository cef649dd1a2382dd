import { EXPORT_FORMATS, tableToCsv, tableToXlsx } from '../../../platform/audit/table-export.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { listActivityRegistrations } from './list-activity-registrations.ts';
import type { RegistrationStatus } from './schema.ts';

const HEADERS = {
  position: { fr: 'Rang', en: 'Position' },
  familyName: { fr: 'Nom', en: 'Family name' },
  givenName: { fr: 'Prénom', en: 'Given name' },
  birthDate: { fr: 'Date de naissance', en: 'Birth date' },
  age: { fr: 'Âge (date de référence)', en: 'Age (reference date)' },
  status: { fr: 'État', en: 'Status' },
  guardian: { fr: 'Parent ou tuteur', en: 'Parent or guardian' },
  email: { fr: 'Courriel', en: 'E-mail' },
  phone: { fr: 'Téléphone', en: 'Phone' },
  present: { fr: 'Présence', en: 'Present' },
} as const;

/** The attendance list (or the waitlist) of an activity as CSV or XLSX, with an empty column to tick. */
export async function exportAttendance(options: {
  db: Executor;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  activityId: string;
  statuses: RegistrationStatus[];
  format: 'csv' | 'xlsx';
  locale: 'fr' | 'en';
}): Promise<{ body: string | Buffer; contentType: string; filename: string }> {
  const list = await listActivityRegistrations({ ...options, page: { page: 1, perPage: 200 } });
  const items = [...list.items];
  // Activities rarely pass a few hundred people; the pages are read one after the other.
  for (let page = 2; items.length < list.total; page++) {
    const next = await listActivityRegistrations({ ...options, page: { page, perPage: 200 } });
    if (next.items.length === 0) break;
    items.push(...next.items);
  }
  const l = options.locale;
  const table = {
    columns: Object.entries(HEADERS).map(([key, h]) => ({
      key,
      header: h[l],
      width: key === 'email' ? 30 : 18,
    })),
    rows: items.map((r, i) => ({
      position: r.waitlistPosition ?? i + 1,
      familyName: r.familyName,
      givenName: r.givenName,
      birthDate: r.birthDate,
      age: r.ageAtReference,
      status: r.status,
      guardian: r.guardian?.name ?? null,
      email: r.guardian?.email ?? null,
      phone: r.guardian?.phone ?? null,
      present: '',
    })),
  };
  const name = `${list.activity.code}-${l === 'fr' ? 'presences' : 'attendance'}`
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-');
  const body = options.format === 'csv' ? tableToCsv(table) : await tableToXlsx(table, list.activity.code);
  return {
    body,
    contentType: EXPORT_FORMATS[options.format].type,
    filename: `${name}.${EXPORT_FORMATS[options.format].extension}`,
  };
}
