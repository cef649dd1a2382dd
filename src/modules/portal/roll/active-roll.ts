import { desc, eq } from 'drizzle-orm';
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

// Type-ahead asks for the active rolls on every keystroke: they are kept a few seconds per process (an
// import in this process forgets them at once; another process sees a new roll within CACHE_MS).
const CACHE_MS = 5000;
const cache = new Map<string, { at: number; rolls: ActiveRoll[] }>();
const useCodeCache = new Map<string, { at: number; codes: Map<string, { fr: string; en: string }> }>();

/** Forgets what this process remembers of an organisation's rolls and CUBF list (after an import or a load). */
export function forgetActiveRolls(orgId: string): void {
  cache.delete(orgId);
  useCodeCache.delete(orgId);
}

/** The organisation's active rolls, latest year first (a new roll is kept beside the previous one). */
export async function activeRolls(db: Executor, orgId: string): Promise<ActiveRoll[]> {
  const hit = cache.get(orgId);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.rolls;
  const rolls = await readActiveRolls(db, orgId);
  cache.set(orgId, { at: Date.now(), rolls });
  return rolls;
}

async function readActiveRolls(db: Executor, orgId: string): Promise<ActiveRoll[]> {
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
    r.year === null
      ? []
      : [{ importId: r.importId, year: r.year, importedAt: r.importedAt ?? new Date(0), units: r.units }],
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
  const hit = useCodeCache.get(orgId);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.codes;
  // The whole list (a thousand codes at most) is read once and kept with the rolls.
  const rows = await db
    .select({ code: rollUseCodes.code, fr: rollUseCodes.nameFr, en: rollUseCodes.nameEn })
    .from(rollUseCodes)
    .where(eq(rollUseCodes.orgId, orgId));
  const all = new Map(rows.map((r) => [r.code, { fr: r.fr, en: r.en ?? r.fr }]));
  useCodeCache.set(orgId, { at: Date.now(), codes: all });
  return all;
}

/** A CUBF code decoded for an organisation. */
export function decodedUse(code: string | null, loaded: ReadonlyMap<string, { fr: string; en: string }>) {
  const decoded = decodeCubf(code, loaded);
  return decoded ? { code: decoded.code, fr: decoded.fr, en: decoded.en } : null;
}
