import { recordAudit } from '../../../platform/audit/record-audit.ts';
import {
  EXPORT_FORMATS,
  type ExportTable,
  tableToCsv,
  tableToXlsx,
} from '../../../platform/audit/table-export.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Executor } from '../../../platform/db/client.ts';
import type { Locale } from '../../../platform/http/locale.ts';
import { loadStatuses } from './context.ts';
import { requireRequestStaff } from './policies.ts';
import { type StaffFilters, selectStaffRequests, staffWhere } from './staff-list.ts';

// Beyond this, narrow the filters: a spreadsheet of more rows helps nobody.
const MAX_ROWS = 50_000;

const HEADERS: Record<string, { fr: string; en: string }> = {
  reference: { fr: 'Numéro', en: 'Reference' },
  createdAt: { fr: 'Reçue le', en: 'Received' },
  category: { fr: 'Catégorie', en: 'Category' },
  department: { fr: 'Service', en: 'Department' },
  status: { fr: 'Statut', en: 'Status' },
  assignee: { fr: 'Assignée à', en: 'Assigned to' },
  address: { fr: 'Adresse', en: 'Address' },
  lat: { fr: 'Latitude', en: 'Latitude' },
  lon: { fr: 'Longitude', en: 'Longitude' },
  ackDueAt: { fr: 'Prise en charge due le', en: 'Acknowledgement due' },
  resolveDueAt: { fr: 'Résolution due le', en: 'Resolution due' },
  overdue: { fr: 'En retard', en: 'Overdue' },
  source: { fr: 'Provenance', en: 'Source' },
  description: { fr: 'Description', en: 'Description' },
};

const LOCAL_TIME = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'America/Toronto',
  dateStyle: 'short',
  timeStyle: 'short',
});
const local = (iso: string | null) => (iso ? LOCAL_TIME.format(new Date(iso)) : null);

/**
 * A staff queue as CSV or XLSX (times in Quebec time), same filters as the list. The reporter's contact
 * is left out; the export itself is written to the audit log.
 */
export async function exportStaffRequests(options: {
  db: Executor;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  filters: StaffFilters;
  format: 'csv' | 'xlsx';
  locale: Locale;
}): Promise<{ body: string | Buffer; contentType: string; filename: string }> {
  const { db, orgId, filters, locale } = options;
  const who = requireRequestStaff(options.auth, orgId);
  const statuses = await loadStatuses(db, orgId, { includeInactive: true });
  const { items } = await selectStaffRequests(db, orgId, staffWhere(orgId, who.account.id, filters), {
    limit: MAX_ROWS,
    offset: 0,
    sort: filters.sort,
    statuses,
  });
  const yes = locale === 'fr' ? 'oui' : 'yes';
  const table: ExportTable = {
    columns: Object.entries(HEADERS).map(([key, h]) => ({
      key,
      header: h[locale],
      width: key === 'description' ? 60 : key === 'address' ? 36 : 18,
    })),
    rows: items.map((r) => ({
      reference: r.reference,
      createdAt: local(r.createdAt),
      category: r.category.name[locale],
      department: r.department?.name[locale] ?? null,
      status: r.status.label[locale],
      assignee: r.assignee?.name ?? null,
      address: r.address,
      lat: r.lat,
      lon: r.lon,
      ackDueAt: local(r.ackDueAt),
      resolveDueAt: local(r.resolveDueAt),
      overdue: r.overdue ? yes : null,
      source: r.source,
      description: r.description,
    })),
  };
  await recordAudit(db, {
    orgId,
    actorAccountId: who.account.id,
    action: 'requests.export',
    ip: options.ip,
    details: { format: options.format, rows: items.length, filters: { ...filters, bbox: undefined } },
  });
  const format = EXPORT_FORMATS[options.format];
  const day = LOCAL_TIME.format(new Date()).slice(0, 10);
  const body =
    options.format === 'csv'
      ? tableToCsv(table)
      : await tableToXlsx(table, locale === 'fr' ? 'Requêtes' : 'Requests');
  return {
    body,
    contentType: format.type,
    filename: `${locale === 'fr' ? 'requetes' : 'requests'}-${day}.${format.extension}`,
  };
}
