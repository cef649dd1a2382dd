import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { type CallbackRules, DEFAULT_RULES } from './call-order.ts';
import { callbackRules } from './schema.ts';

/** The rules for a job class: its own row, else the organisation's default row, else the defaults. */
export async function rulesFor(db: Executor, orgId: string, jobClass: string): Promise<CallbackRules> {
  const rows = await db
    .select()
    .from(callbackRules)
    .where(and(inOrg(callbackRules, orgId), inArray(callbackRules.jobClass, [jobClass, ''])));
  const own = rows.find((r) => r.jobClass === jobClass) ?? rows.find((r) => r.jobClass === '');
  return { ...DEFAULT_RULES, ...(own?.rules ?? {}) };
}

/** Checks that rules make sense (the schema checks types; this checks what types cannot). */
export function checkRules(rules: CallbackRules): CallbackRules {
  const problem = (p: string) => new AppError('callback.invalid_rules', 422, { params: { problem: p } });
  const hours = rules.windows.map((w) => w.withinHours);
  if (new Set(hours).size !== hours.length) throw problem('windows');
  if (rules.maxHoursPerWeek !== null && rules.maxHoursPerWeek <= 0) throw problem('maxHoursPerWeek');
  if (rules.offersAtOnce < 1) throw problem('offersAtOnce');
  return { ...rules, windows: [...rules.windows].sort((a, b) => a.withinHours - b.withinHours) };
}

/** The stored rule rows of an organisation (the default row has job class ''). */
export async function storedRules(db: Executor, orgId: string) {
  return db.select().from(callbackRules).where(inOrg(callbackRules, orgId)).orderBy(callbackRules.jobClass);
}

/** Deletes a job class's own rules (it falls back to the default). */
export async function deleteRulesRow(db: Executor, orgId: string, jobClass: string) {
  await db.delete(callbackRules).where(inOrg(callbackRules, orgId, eq(callbackRules.jobClass, jobClass)));
}
