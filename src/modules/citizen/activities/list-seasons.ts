import { desc } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.ts';
import { scopeOf } from '../../../platform/db/tenancy.ts';
import { type SeasonView, seasonView } from './save-season.ts';
import { seasons } from './schema.ts';

/** A town's seasons, the latest first (public: names, dates and windows are published information). */
export async function listSeasons(options: { db: Executor; orgId: string }): Promise<SeasonView[]> {
  const rows = await options.db
    .select()
    .from(seasons)
    .where(scopeOf(options.orgId).where(seasons))
    .orderBy(desc(seasons.startsOn));
  return rows.map(seasonView);
}
