import { createHash } from 'node:crypto';
import { desc, eq } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { callbackLog } from './schema.ts';

/** What a log entry says happened. */
export type LogKind =
  | 'posted'
  | 'considered'
  | 'skipped'
  | 'offered'
  | 'accepted'
  | 'refused'
  | 'expired'
  | 'withdrawn'
  | 'phone_call'
  | 'filled'
  | 'unfilled'
  | 'cancelled';

/** One entry to append. */
export interface LogEntry {
  kind: LogKind;
  employeeId?: string | null;
  rank?: number | null;
  reason?: string | null;
  actorAccountId?: string | null;
  details?: Record<string, unknown>;
}

/** The chained fields of a stored entry. */
export interface ChainedEntry {
  needId: string;
  seq: number;
  at: Date;
  kind: string;
  employeeId: string | null;
  rank: number | null;
  reason: string | null;
  actorAccountId: string | null;
  details: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

const GENESIS = '0'.repeat(64);

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object' && !(value instanceof Date))
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  return value;
}

/** The hash of an entry: SHA-256 over the previous hash and the entry's canonical JSON. */
export function entryHash(entry: Omit<ChainedEntry, 'hash'>): string {
  const body = JSON.stringify(
    canonical({
      needId: entry.needId,
      seq: entry.seq,
      at: entry.at.toISOString(),
      kind: entry.kind,
      employeeId: entry.employeeId,
      rank: entry.rank,
      reason: entry.reason,
      actorAccountId: entry.actorAccountId,
      details: entry.details,
    }),
  );
  return createHash('sha256').update(entry.prevHash).update(body).digest('hex');
}

/** Whether a need's log is whole: numbered from 1 without gaps, each entry chained to the previous. */
export function verifyChain(entries: readonly ChainedEntry[]): { ok: boolean; brokenAt: number | null } {
  let prev = GENESIS;
  for (const [i, e] of entries.entries()) {
    if (e.seq !== i + 1 || e.prevHash !== prev || entryHash(e) !== e.hash)
      return { ok: false, brokenAt: i + 1 };
    prev = e.hash;
  }
  return { ok: true, brokenAt: null };
}

/**
 * Appends entries to a need's log. The caller holds the need's row lock (every writer of a round does), so
 * sequence numbers and the chain never fork.
 */
export async function appendLog(
  tx: Executor,
  orgId: string,
  needId: string,
  at: Date,
  entries: readonly LogEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  const [last] = await tx
    .select({ seq: callbackLog.seq, hash: callbackLog.hash })
    .from(callbackLog)
    .where(inOrg(callbackLog, orgId, eq(callbackLog.needId, needId)))
    .orderBy(desc(callbackLog.seq))
    .limit(1);
  let seq = last?.seq ?? 0;
  let prevHash = last?.hash ?? GENESIS;
  const rows = entries.map((e) => {
    seq += 1;
    const row = {
      needId,
      seq,
      at,
      kind: e.kind,
      employeeId: e.employeeId ?? null,
      rank: e.rank ?? null,
      reason: e.reason ?? null,
      actorAccountId: e.actorAccountId ?? null,
      details: e.details ?? {},
      prevHash,
    };
    const hash = entryHash(row);
    prevHash = hash;
    return { ...row, orgId, hash };
  });
  await tx.insert(callbackLog).values(rows);
}
