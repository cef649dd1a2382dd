import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.ts';
import { scopeOf } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { decodeCubf } from './cubf.ts';
import { rollImports, rollUseCodes } from './schema.ts';

/** An active roll of an organisation: its import and year. */
export interface ActiveRoll {
  importId: string;
  year: number;
  importedAt: Date;
  units: number;
}

/** The organisation's active rolls, latest year first (a new roll is kept beside the previous one). */
export async function activeRolls(db: Executor, orgId: string): Promise<ActiveRoll[]> {
  const rows = await db
    .select({
      importId: rollImports.id,
      year: rollImports.year,
      importedAt: rollImports.finishedAt,
      units: rollImports.unitsImported,
    })
    .from(rollImports)
    .where(scopeOf(orgId).where(rollImports, eq(rollImports.status, 'active')))
    .orderBy(desc(rollImports.year));
  return rows.flatMap((r) =>
    r.year === null ? [] : [{ importId: r.importId, year: r.year, importedAt: r.importedAt ?? new Date(0), units: r.units }],
  );
}

/** The active roll of a year (the latest when no year is given), or a 404 `roll.not_loaded`. */
export async function activeRoll(db: Executor, orgId: string, year?: number): Promise<ActiveRoll> {
  const rolls = await activeRolls(db, orgId);
  const roll = year === undefined ? rolls[0] : rolls.find((r) => r.year === year);
  if (!roll) throw new AppError('roll.not_loaded', 404);
  return roll;
}

/** The organisation's loaded CUBF names (the official list, when staff loaded it). */
export async function loadedUseCodes(
  db: Executor,
  orgId: string,
  codes: readonly string[],
): Promise<Map<string, { fr: string; en: string }>> {
  const wanted = [...new Set(codes.filter(Boolean))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ code: rollUseCodes.code, fr: rollUseCodes.nameFr, en: rollUseCodes.nameEn })
    .from(rollUseCodes)
    .where(and(eq(rollUseCodes.orgId, orgId), inArray(rollUseCodes.code, wanted)));
  return new Map(rows.map((r) => [r.code, { fr: r.fr, en: r.en ?? r.fr }]));
}

/** A CUBF code decoded for an organisation. */
export function useOf(code: string | null, loaded: ReadonlyMap<string, { fr: string; en: string }>) {
  const decoded = decodeCubf(code, loaded);
  return decoded ? { code: decoded.code, fr: decoded.fr, en: decoded.en } : null;
}
