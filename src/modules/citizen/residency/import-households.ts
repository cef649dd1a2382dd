import { parse } from 'csv-parse/sync';
import { eq, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import { requireRole } from '../../../platform/auth/policies.ts';
import type { Database } from '../../../platform/db/client.ts';
import { scopeOf } from '../../../platform/db/tenancy.ts';
import { normalisePostalCode } from '../../../platform/geo/address-fields.ts';
import { AppError, renderMessage } from '../../../platform/http/errors.ts';
import { isPlausibleBirthDate, todayInQuebec } from '../../../platform/people/birth-date.ts';
import {
  householdImports,
  householdRecordMembers,
  householdRecords,
  type ImportLineError,
} from './schema.ts';

// Column names in French or English; the first line of the file names them.
const COLUMNS: Record<string, string> = {
  household_id: 'household',
  menage: 'household',
  ménage: 'household',
  address: 'address',
  adresse: 'address',
  postal_code: 'postalCode',
  code_postal: 'postalCode',
  given_name: 'givenName',
  prenom: 'givenName',
  prénom: 'givenName',
  family_name: 'familyName',
  nom: 'familyName',
  birth_date: 'birthDate',
  date_naissance: 'birthDate',
  email: 'email',
  courriel: 'email',
  phone: 'phone',
  telephone: 'phone',
  téléphone: 'phone',
  card_number: 'cardNumber',
  numero_carte: 'cardNumber',
  numéro_carte: 'cardNumber',
};
const REQUIRED = ['household', 'address', 'postalCode', 'givenName', 'familyName', 'birthDate'] as const;

/** A typed or imported address reduced for comparison: lower case, no accents, words only. */
export function addressKey(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The civic number an address line starts with. */
export function civicOf(value: string): string | null {
  return /^\s*(\d{1,6})/.exec(value)?.[1] ?? null;
}

type Member = {
  givenName: string;
  familyName: string;
  birthDate: string;
  email: string | null;
  phone: string | null;
  cardNumber: string | null;
};

/**
 * Imports the town's households from CSV (one line per person, lines of a household sharing its id). The
 * whole file is checked first: any bad line and nothing is imported, every problem reported with its
 * line. A household already imported (same id) is updated and its members replaced; a claim already
 * made stays. Recreation or clerk staff; audited.
 */
export async function importHouseholds(options: {
  db: Database;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  locale: 'fr' | 'en';
  input: { fileName: string; csv: string };
}): Promise<{ importId: string; households: number; members: number }> {
  const who = requireRole(options.auth, options.orgId, ['recreation', 'clerk']);
  const { db, orgId } = options;
  const records: string[][] = parse(options.input.csv.replace(/^\uFEFF/, ''), {
    relaxColumnCount: true,
    skipEmptyLines: true,
    trim: true,
    delimiter: options.input.csv.split('\n')[0]?.includes(';') ? ';' : ',',
  });
  const [header = [], ...lines] = records;
  const keys = header.map((h) => COLUMNS[h.trim().toLowerCase()] ?? null);
  const errors: ImportLineError[] = [];
  const missing = REQUIRED.filter((r) => !keys.includes(r));
  if (missing.length > 0)
    errors.push({ line: 1, code: 'residency.import_line.columns', params: { columns: missing.join(', ') } });
  const today = todayInQuebec();
  const households = new Map<string, { address: string; postalCode: string; members: Member[] }>();
  lines.forEach((cells, i) => {
    if (missing.length > 0) return;
    const line = i + 2;
    const value = (k: string) => {
      const at = keys.indexOf(k);
      return at >= 0 ? (cells[at] ?? '').trim() : '';
    };
    for (const r of REQUIRED)
      if (!value(r))
        errors.push({
          line,
          code: 'residency.import_line.required',
          params: { column: header[keys.indexOf(r)] ?? r },
        });
    const postalCode = normalisePostalCode(value('postalCode'));
    if (value('postalCode') && !postalCode) errors.push({ line, code: 'residency.import_line.postal_code' });
    if (value('birthDate') && !isPlausibleBirthDate(value('birthDate'), today))
      errors.push({ line, code: 'residency.import_line.birth_date' });
    const card = value('cardNumber').replace(/[\s-]/g, '');
    if (card && !/^\d{4,20}$/.test(card)) errors.push({ line, code: 'residency.import_line.card_number' });
    if (!postalCode || !value('household')) return;
    const h = households.get(value('household')) ?? { address: value('address'), postalCode, members: [] };
    h.members.push({
      givenName: value('givenName'),
      familyName: value('familyName'),
      birthDate: value('birthDate'),
      email: value('email').toLowerCase() || null,
      phone: value('phone') || null,
      cardNumber: card || null,
    });
    households.set(value('household'), h);
  });
  if (errors.length > 0)
    throw new AppError('residency.import_invalid', 422, {
      details: {
        lines: errors.slice(0, 200).map((e) => ({
          ...e,
          message: renderMessage(e.code, options.locale, { line: e.line, ...e.params }),
        })),
        count: errors.length,
      },
    });
  const scope = scopeOf(orgId);
  return db.transaction(async (tx) => {
    const [batch] = await tx
      .insert(householdImports)
      .values(
        scope.rows({ createdByAccountId: who.account.id, fileName: options.input.fileName.slice(0, 200) }),
      )
      .returning();
    if (!batch) throw new Error('import insert returned no row');
    let members = 0;
    for (const [ref, h] of households) {
      const [record] = await tx
        .insert(householdRecords)
        .values(
          scope.rows({
            importId: batch.id,
            externalRef: ref,
            addressLine: h.address,
            postalCode: h.postalCode,
            addressKey: addressKey(h.address),
          }),
        )
        .onConflictDoUpdate({
          target: [householdRecords.orgId, householdRecords.externalRef],
          set: {
            importId: batch.id,
            addressLine: h.address,
            postalCode: h.postalCode,
            addressKey: addressKey(h.address),
            updatedAt: sql`now()`,
          },
        })
        .returning();
      if (!record) continue;
      await tx
        .delete(householdRecordMembers)
        .where(scope.where(householdRecordMembers, eq(householdRecordMembers.recordId, record.id)));
      await tx
        .insert(householdRecordMembers)
        .values(h.members.map((m) => scope.rows({ recordId: record.id, ...m })));
      members += h.members.length;
    }
    await tx
      .update(householdImports)
      .set({ households: households.size, members })
      .where(scope.where(householdImports, inArray(householdImports.id, [batch.id])));
    await recordAudit(tx, {
      orgId,
      actorAccountId: who.account.id,
      ip: options.ip,
      action: 'citizen.households_imported',
      targetType: 'citizen_household_import',
      targetId: batch.id,
      details: { households: households.size, members, fileName: options.input.fileName },
    });
    return { importId: batch.id, households: households.size, members };
  });
}
