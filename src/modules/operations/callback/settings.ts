import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import { findAccountByEmail } from '../../../platform/auth/accounts.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import { accounts } from '../../../platform/auth/schema.ts';
import type { Database } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { type CallbackRules, DEFAULT_RULES } from './call-order.ts';
import { requireCallbackReader, requireCallbackStaff } from './policies.ts';
import { checkRules, deleteRulesRow, storedRules } from './rules.ts';
import { callbackEmployees, callbackRules, callbackUnionReps } from './schema.ts';

/** The agreement's rules: the default row ('') and each job class's own (staff and union representatives read). */
export async function listRules(options: { db: Database; auth: AuthContext | null; orgId: string }) {
  await requireCallbackReader(options.db, options.auth, options.orgId);
  const rows = await storedRules(options.db, options.orgId);
  const hasDefault = rows.some((r) => r.jobClass === '');
  return [
    ...(hasDefault ? [] : [{ jobClass: '', rules: DEFAULT_RULES, stored: false }]),
    ...rows.map((r) => ({ jobClass: r.jobClass, rules: { ...DEFAULT_RULES, ...r.rules }, stored: true })),
  ];
}

/** Staff set the rules of a job class ('' for the default). Rounds already started keep their copy. Audited. */
export async function saveRules(options: {
  db: Database;
  auth: AuthContext | null;
  ip?: string;
  orgId: string;
  jobClass: string;
  rules: CallbackRules;
}) {
  const who = requireCallbackStaff(options.auth, options.orgId);
  const rules = checkRules(options.rules);
  const jobClass = options.jobClass.trim();
  await options.db.transaction(async (tx) => {
    await tx
      .insert(callbackRules)
      .values({ orgId: options.orgId, jobClass, rules })
      .onConflictDoUpdate({
        target: [callbackRules.orgId, callbackRules.jobClass],
        set: { rules, updatedAt: new Date() },
      });
    await recordAudit(tx, {
      orgId: options.orgId,
      actorAccountId: who.account.id,
      action: 'callback.rules_saved',
      targetType: 'callback_rules',
      targetId: jobClass || 'default',
      ip: options.ip ?? null,
      details: { jobClass, rules },
    });
  });
  return { jobClass, rules, stored: true };
}

/** Staff remove a job class's own rules (it then follows the default). Audited. */
export async function removeRules(options: {
  db: Database;
  auth: AuthContext | null;
  ip?: string;
  orgId: string;
  jobClass: string;
}) {
  const who = requireCallbackStaff(options.auth, options.orgId);
  await deleteRulesRow(options.db, options.orgId, options.jobClass);
  await recordAudit(options.db, {
    orgId: options.orgId,
    actorAccountId: who.account.id,
    action: 'callback.rules_removed',
    targetType: 'callback_rules',
    targetId: options.jobClass || 'default',
    ip: options.ip ?? null,
  });
  return { ok: true };
}

/** The union representatives designated for the list. */
export async function listUnionReps(options: { db: Database; auth: AuthContext | null; orgId: string }) {
  requireCallbackStaff(options.auth, options.orgId);
  const rows = await options.db
    .select({
      id: callbackUnionReps.id,
      union: callbackUnionReps.union,
      email: accounts.email,
      givenName: accounts.givenName,
      familyName: accounts.familyName,
    })
    .from(callbackUnionReps)
    .innerJoin(accounts, eq(accounts.id, callbackUnionReps.accountId))
    .where(inOrg(callbackUnionReps, options.orgId));
  return rows.map((r) => ({
    id: r.id,
    union: r.union,
    email: r.email,
    name: `${r.givenName} ${r.familyName}`,
  }));
}

/** Staff designate a union representative by the e-mail of their account (read access to rounds and logs). Audited. */
export async function addUnionRep(options: {
  db: Database;
  auth: AuthContext | null;
  ip?: string;
  orgId: string;
  email: string;
  union: string;
}) {
  const who = requireCallbackStaff(options.auth, options.orgId);
  const account = await findAccountByEmail(options.db, options.email);
  if (!account) throw new AppError('callback.account_not_found', 422);
  await options.db
    .insert(callbackUnionReps)
    .values({ orgId: options.orgId, accountId: account.id, union: options.union.trim() })
    .onConflictDoUpdate({
      target: [callbackUnionReps.orgId, callbackUnionReps.accountId],
      set: { union: options.union.trim() },
    });
  await recordAudit(options.db, {
    orgId: options.orgId,
    actorAccountId: who.account.id,
    action: 'callback.union_rep_added',
    targetType: 'account',
    targetId: account.id,
    subjectAccountId: account.id,
    ip: options.ip ?? null,
  });
  return listUnionReps(options);
}

/** Staff withdraw a union representative's access. Audited. */
export async function removeUnionRep(options: {
  db: Database;
  auth: AuthContext | null;
  ip?: string;
  orgId: string;
  repId: string;
}) {
  const who = requireCallbackStaff(options.auth, options.orgId);
  const removed = await options.db
    .delete(callbackUnionReps)
    .where(inOrg(callbackUnionReps, options.orgId, eq(callbackUnionReps.id, options.repId)))
    .returning();
  if (removed.length === 0) throw new AppError('callback.not_found', 404);
  await recordAudit(options.db, {
    orgId: options.orgId,
    actorAccountId: who.account.id,
    action: 'callback.union_rep_removed',
    targetType: 'callback_union_rep',
    targetId: options.repId,
    ip: options.ip ?? null,
  });
  return { ok: true };
}

/** Where the signed-in person stands on the organisation's list: staff, union representative, employee, or none. */
export async function myCallbackAccess(options: { db: Database; auth: AuthContext | null; orgId: string }) {
  const staff = (() => {
    try {
      requireCallbackStaff(options.auth, options.orgId);
      return true;
    } catch {
      return false;
    }
  })();
  if (!options.auth) return { staff: false, union: false, employee: false };
  const [rep] = await options.db
    .select({ id: callbackUnionReps.id })
    .from(callbackUnionReps)
    .where(inOrg(callbackUnionReps, options.orgId, eq(callbackUnionReps.accountId, options.auth.account.id)));
  const [emp] = await options.db
    .select({ id: callbackEmployees.id })
    .from(callbackEmployees)
    .where(inOrg(callbackEmployees, options.orgId, eq(callbackEmployees.accountId, options.auth.account.id)));
  return { staff, union: !!rep, employee: !!emp };
}
