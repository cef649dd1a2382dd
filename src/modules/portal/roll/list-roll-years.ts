import type { Executor } from '../../../platform/db/client.ts';
import { activeRolls } from './active-roll.ts';

/** The organisation's loaded rolls (public): year, number of units, when imported. */
export async function listRollYears(options: { db: Executor; orgId: string }) {
  const rolls = await activeRolls(options.db, options.orgId);
  return {
    items: rolls.map((r) => ({ year: r.year, units: r.units, importedAt: r.importedAt.toISOString() })),
  };
}
