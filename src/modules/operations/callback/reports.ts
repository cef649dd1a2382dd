import { and, gte, inArray, lt } from 'drizzle-orm';
import { type ExportTable, tableToCsv, tableToXlsx } from '../../../platform/audit/table-export.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Database } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import type { Locale } from '../../../platform/http/locale.ts';
import { requireCallbackReader } from './policies.ts';
import { callbackEmployees, callbackNeeds, callbackOffers } from './schema.ts';

const HOUR = 3_600_000;

/** Median of numbers (null when empty). */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/**
 * The list's report over a period (needs starting in it): needs by outcome, time to fill, and per person
 * hours worked, offers, acceptances, refusals and windows left to expire. For staff and union representatives.
 */
export async function callbackReport(options: {
  db: Database;
  auth: AuthContext | null;
  orgId: string;
  from: string;
  to: string;
}) {
  const { db, orgId } = options;
  await requireCallbackReader(db, options.auth, orgId);
  const from = new Date(options.from);
  const to = new Date(options.to);
  const needs = await db
    .select()
    .from(callbackNeeds)
    .where(inOrg(callbackNeeds, orgId, gte(callbackNeeds.startsAt, from), lt(callbackNeeds.startsAt, to)));
  const ids = needs.map((n) => n.id);
  const offers = ids.length
    ? await db
        .select()
        .from(callbackOffers)
        .where(and(inOrg(callbackOffers, orgId), inArray(callbackOffers.needId, ids)))
    : [];
  const employees = await db.select().from(callbackEmployees).where(inOrg(callbackEmployees, orgId));
  const minutesToFill = needs
    .filter((n) => n.status === 'filled' && n.filledAt)
    .map((n) => ((n.filledAt as Date).getTime() - n.createdAt.getTime()) / 60_000);
  const byStatus = (s: string) => needs.filter((n) => n.status === s).length;
  const people = employees
    .map((e) => {
      const mine = offers.filter((o) => o.employeeId === e.id);
      const hours = needs
        .filter((n) => n.status === 'filled' && n.filledBy === e.id)
        .reduce((t, n) => t + (n.endsAt.getTime() - n.startsAt.getTime()) / HOUR, 0);
      return {
        employeeId: e.id,
        name: `${e.givenName} ${e.familyName}`,
        employeeNumber: e.employeeNumber,
        jobClasses: e.jobClasses,
        hours: Math.round(hours * 100) / 100,
        offers: mine.length,
        accepted: mine.filter((o) => o.status === 'accepted').length,
        refused: mine.filter((o) => o.status === 'refused').length,
        expired: mine.filter((o) => o.status === 'expired').length,
      };
    })
    .sort((a, b) => b.hours - a.hours || a.name.localeCompare(b.name));
  const byJobClass = [...new Set(needs.map((n) => n.jobClass))].sort().map((jobClass) => {
    const list = needs.filter((n) => n.jobClass === jobClass);
    return {
      jobClass,
      posted: list.length,
      filled: list.filter((n) => n.status === 'filled').length,
      unfilled: list.filter((n) => n.status === 'unfilled').length,
    };
  });
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    needs: {
      posted: needs.length,
      filled: byStatus('filled'),
      unfilled: byStatus('unfilled'),
      cancelled: byStatus('cancelled'),
      open: byStatus('open'),
    },
    minutesToFill: {
      median: median(minutesToFill),
      max: minutesToFill.length ? Math.max(...minutesToFill) : null,
      values: minutesToFill.map((m) => Math.round(m * 10) / 10),
    },
    byJobClass,
    people,
  };
}

/** The report's per-person table as CSV or XLSX. */
export async function exportCallbackReport(
  options: Parameters<typeof callbackReport>[0] & { locale: Locale; format: 'csv' | 'xlsx' },
) {
  const report = await callbackReport(options);
  const fr = options.locale === 'fr';
  const table: ExportTable = {
    columns: [
      { key: 'employeeNumber', header: fr ? 'Matricule' : 'Employee number', width: 14 },
      { key: 'name', header: fr ? 'Nom' : 'Name', width: 28 },
      { key: 'jobClasses', header: fr ? 'Classes d’emploi' : 'Job classes', width: 28 },
      { key: 'hours', header: fr ? 'Heures' : 'Hours', width: 10 },
      { key: 'offers', header: fr ? 'Offres' : 'Offers', width: 10 },
      { key: 'accepted', header: fr ? 'Acceptées' : 'Accepted', width: 10 },
      { key: 'refused', header: fr ? 'Refusées' : 'Refused', width: 10 },
      { key: 'expired', header: fr ? 'Sans réponse' : 'No answer', width: 12 },
    ],
    rows: report.people.map((p) => ({ ...p, jobClasses: p.jobClasses.join(', ') })),
  };
  if (options.format === 'csv') return tableToCsv(table);
  return tableToXlsx(table, fr ? 'Rappel' : 'Call-back');
}
