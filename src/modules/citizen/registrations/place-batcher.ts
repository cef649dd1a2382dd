import { sql } from 'drizzle-orm';
import { type Database, rowsOf } from '../../../platform/db/client.ts';
import { isUniqueViolation } from '../../../platform/payments/start-payment.ts';
import {
  GIVEN_COLUMNS,
  GIVEN_FROM_RECORD,
  type NewRegistration,
  registrationRecords,
  registrationRows,
} from './places.ts';
import type { RegistrationRow } from './schema.ts';

/** One household's request for places in one activity (all its people, or none of them). */
export interface AdmissionRequest {
  people: NewRegistration[];
  acceptWaitlist: boolean;
}

/** Its outcome: the registrations (held or waitlisted), or null when the activity is full and it refused the waitlist. */
export type Admission = RegistrationRow[] | null;

type Entry = { request: AdmissionRequest; resolve: (a: Admission) => void; reject: (e: unknown) => void };
type Lane = { pending: Entry[]; running: boolean };

/** At most this many requests share one transaction (bounds the statement size and the lock time). */
export const MAX_BATCH = 250;

const lanes = new WeakMap<Database, Map<string, Lane>>();

/**
 * Group commit of opening-day registrations: the single-activity checkouts of one activity that arrive while
 * the previous group is in the database wait for it and then go together, in arrival order, in one
 * transaction (one row lock, one INSERT, one commit and its fsync instead of one per person). Every request
 * is answered only after its group committed. A group that fails is retried one request at a time, so one
 * failing registration (e.g. a person registered meanwhile by another device) never fails the others.
 * This is an optimisation inside one process only: the activity's row lock and `CHECK (taken <= capacity)`
 * stay the arbiters between server processes.
 */
export function admitInTurn(
  db: Database,
  key: { orgId: string; activityId: string; holdMinutes: number },
  request: AdmissionRequest,
): Promise<Admission> {
  let byKey = lanes.get(db);
  if (!byKey) {
    byKey = new Map();
    lanes.set(db, byKey);
  }
  // A season's hold time is part of the lane: a group's registrations share one hold expression.
  const name = `${key.orgId}:${key.activityId}:${key.holdMinutes}`;
  let lane = byKey.get(name);
  if (!lane) {
    lane = { pending: [], running: false };
    byKey.set(name, lane);
  }
  const promise = new Promise<Admission>((resolve, reject) =>
    lane.pending.push({ request, resolve, reject }),
  );
  if (!lane.running) {
    lane.running = true;
    const running = lane;
    void drain(db, key, running, () => {
      if (byKey.get(name) === running && running.pending.length === 0) byKey.delete(name);
    });
  }
  return promise;
}

async function drain(
  db: Database,
  key: { orgId: string; activityId: string; holdMinutes: number },
  lane: Lane,
  done: () => void,
): Promise<void> {
  // The loop's last check and the lane's release run in the same microtask: no request can be queued
  // in between and left waiting.
  try {
    while (lane.pending.length > 0) await admitNext(db, key, lane);
  } finally {
    lane.running = false;
    done();
  }
}

async function admitNext(
  db: Database,
  key: { orgId: string; activityId: string; holdMinutes: number },
  lane: Lane,
): Promise<void> {
  const group = lane.pending.splice(0, MAX_BATCH);
  try {
    const admitted = await admitGroup(
      db,
      key,
      group.map((e) => e.request),
    );
    for (const [i, e] of group.entries()) e.resolve(admitted[i] ?? null);
  } catch (error) {
    if (group.length === 1 || !isUniqueViolation(error)) {
      // Not a per-person conflict (e.g. the database is gone): every request of the group hears it.
      for (const e of group) e.reject(error);
      return;
    }
    for (const e of group)
      try {
        const [alone] = await admitGroup(db, key, [e.request]);
        e.resolve(alone ?? null);
      } catch (err) {
        e.reject(err);
      }
  }
}

/**
 * Admits a group under the activity's row lock: in arrival order, each request takes its places while they
 * fit, else joins the waitlist (consecutive positions) when it accepted to, else is refused. The same rules
 * as the one-request statements of places.ts, decided on the locked, latest row; then one UPDATE of the
 * counters and one INSERT of every registration, committed together.
 */
export async function admitGroup(
  db: Database,
  key: { orgId: string; activityId: string; holdMinutes: number },
  requests: AdmissionRequest[],
): Promise<Admission[]> {
  return db.transaction(async (tx) => {
    const [row] = rowsOf<{ taken: number; capacity: number; waitlist_seq: number; status: string }>(
      await tx.execute(sql`SELECT taken, capacity, waitlist_seq, status FROM citizen_activities
        WHERE org_id = ${key.orgId} AND id = ${key.activityId} FOR UPDATE`),
    );
    if (!row) return requests.map(() => null);
    let taken = Number(row.taken);
    let seq = Number(row.waitlist_seq);
    const capacity = Number(row.capacity);
    const placedBefore = taken;
    const seqBefore = seq;
    const records: Array<Record<string, unknown>> = [];
    const decided: Array<'placed' | 'waitlisted' | null> = requests.map(({ people, acceptWaitlist }) => {
      const n = people.length;
      if (row.status === 'published' && taken + n <= capacity) {
        taken += n;
        records.push(...registrationRecords(key.orgId, people, 'pending_payment', () => null));
        return 'placed';
      }
      if (acceptWaitlist && taken + n > capacity) {
        const first = seq;
        seq += n;
        records.push(...registrationRecords(key.orgId, people, 'waitlisted', (i) => first + i + 1));
        return 'waitlisted';
      }
      return null;
    });
    if (records.length === 0) return requests.map(() => null);
    const inserted = registrationRows(
      await tx.execute(sql`WITH counted AS (
        UPDATE citizen_activities SET taken = taken + ${taken - placedBefore},
          waitlist_seq = waitlist_seq + ${seq - seqBefore}
        WHERE org_id = ${key.orgId} AND id = ${key.activityId} RETURNING 1)
      INSERT INTO citizen_registrations (org_id, ${GIVEN_COLUMNS}, status, waitlist_position, hold_expires_at)
      SELECT r.org_id, ${GIVEN_FROM_RECORD}, r.status, r.waitlist_position,
        CASE WHEN r.status = 'pending_payment' THEN now() + make_interval(mins => ${key.holdMinutes}) END
      FROM counted CROSS JOIN jsonb_populate_recordset(NULL::citizen_registrations, ${JSON.stringify(records)}::jsonb) AS r
      RETURNING *`),
    );
    const byId = new Map(inserted.map((r) => [r.id, r]));
    return requests.map((request, i) =>
      decided[i] ? request.people.map((p) => byId.get(p.id) as RegistrationRow) : null,
    );
  });
}
