import { recordAudit } from '../../../platform/audit/record-audit.ts';
import { type ExportTable, tableToCsv, tableToXlsx } from '../../../platform/audit/table-export.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Executor } from '../../../platform/db/client.ts';
import type { Locale } from '../../../platform/http/locale.ts';
import { type ApplicationFilters, applicationRows } from './list-applications.ts';
import { statusText } from './notifications.ts';
import { requirePermitStaff } from './policies.ts';

const MAX_ROWS = 20_000;

/** The staff list as CSV or XLSX (the same filters), in the reader's language; the export is audited. */
export async function exportApplications(options: {
  db: Executor;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  locale: Locale;
  format: 'csv' | 'xlsx';
  filters: ApplicationFilters;
}): Promise<Buffer | string> {
  const who = requirePermitStaff(options.auth, options.orgId);
  const fr = options.locale === 'fr';
  const { items } = await applicationRows(options.db, options.orgId, options.filters, {
    limit: MAX_ROWS,
    offset: 0,
  });
  const table: ExportTable = {
    columns: [
      { key: 'reference', header: fr ? 'Dossier' : 'File' },
      { key: 'type', header: 'Type', width: 30 },
      { key: 'status', header: fr ? 'Étape' : 'Step' },
      { key: 'address', header: fr ? 'Adresse' : 'Address', width: 35 },
      { key: 'matricule', header: 'Matricule' },
      { key: 'applicant', header: fr ? 'Demandeur' : 'Applicant', width: 25 },
      { key: 'submittedAt', header: fr ? 'Reçue le' : 'Received on' },
      { key: 'elapsed', header: fr ? 'Jours ouvrables écoulés' : 'Business days elapsed' },
      { key: 'legal', header: fr ? 'Délai légal (jours ouvrables)' : 'Legal delay (business days)' },
      { key: 'permitNumber', header: fr ? 'No de permis' : 'Permit no.' },
      { key: 'fee', header: fr ? 'Tarif ($)' : 'Fee ($)' },
    ],
    rows: items.map((i) => ({
      reference: i.reference,
      type: fr ? i.type.fr : i.type.en,
      status: statusText(i.status)[options.locale],
      address: i.address,
      matricule: i.matricule,
      applicant: i.applicant,
      submittedAt: i.submittedAt?.slice(0, 10) ?? null,
      elapsed: i.elapsedBusinessDays,
      legal: i.legalDelayDays,
      permitNumber: i.permitNumber,
      fee: (i.feeCents / 100).toFixed(2),
    })),
  };
  await recordAudit(options.db, {
    orgId: options.orgId,
    actorAccountId: who.account.id,
    action: 'permit.export',
    ip: options.ip,
    details: { format: options.format, rows: items.length },
  });
  return options.format === 'csv'
    ? tableToCsv(table)
    : tableToXlsx(table, fr ? 'Demandes de permis' : 'Permit applications');
}
