import type { AuthContext } from '../auth/context.ts';
import type { Executor } from '../db/client.ts';
import type { Locale } from '../http/locale.ts';
import {
  type AuditFilter,
  type AuditScope,
  auditWhere,
  requireAuditReader,
  selectAuditEntries,
} from './list-audit-entries.ts';
import { EXPORT_FORMATS, type ExportTable, tableToCsv, tableToXlsx } from './table-export.ts';

// Beyond this, narrow the dates: a spreadsheet of more rows helps nobody.
const MAX_ROWS = 100_000;

const HEADERS: Record<string, { fr: string; en: string }> = {
  at: { fr: 'Date et heure', en: 'Date and time' },
  orgId: { fr: 'Organisation', en: 'Organisation' },
  action: { fr: 'Action', en: 'Action' },
  actorName: { fr: 'Auteur', en: 'Actor' },
  actorEmail: { fr: 'Courriel de l’auteur', en: 'Actor e-mail' },
  targetType: { fr: 'Type d’objet', en: 'Object type' },
  targetId: { fr: 'Objet', en: 'Object' },
  subjectAccountId: { fr: 'Personne concernée', en: 'Person concerned' },
  ip: { fr: 'Adresse IP', en: 'IP address' },
  details: { fr: 'Détails', en: 'Details' },
};

const LOCAL_TIME = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'America/Toronto',
  dateStyle: 'short',
  timeStyle: 'medium',
});

/** The filtered audit log as a CSV or XLSX file (times in Quebec time), for the same readers as the list. */
export async function exportAuditEntries(options: {
  db: Executor;
  auth: AuthContext | null;
  scope: AuditScope;
  filter: AuditFilter;
  format: 'csv' | 'xlsx';
  locale: Locale;
}): Promise<{ body: string | Buffer; contentType: string; filename: string }> {
  requireAuditReader(options.auth, options.scope);
  const entries = await selectAuditEntries(options.db, auditWhere(options.scope, options.filter), {
    limit: MAX_ROWS,
    offset: 0,
  });
  const table: ExportTable = {
    columns: Object.entries(HEADERS).map(([key, h]) => ({
      key,
      header: h[options.locale],
      width: key === 'details' ? 60 : 24,
    })),
    rows: entries.map((e) => ({
      ...e,
      at: LOCAL_TIME.format(new Date(e.at)),
      details: e.details ? JSON.stringify(e.details) : null,
    })),
  };
  const format = EXPORT_FORMATS[options.format];
  const day = LOCAL_TIME.format(new Date()).slice(0, 10);
  const name = options.locale === 'fr' ? 'journal-audit' : 'audit-log';
  const body =
    options.format === 'csv'
      ? tableToCsv(table)
      : await tableToXlsx(table, options.locale === 'fr' ? 'Journal' : 'Log');
  return { body, contentType: format.type, filename: `${name}-${day}.${format.extension}` };
}
