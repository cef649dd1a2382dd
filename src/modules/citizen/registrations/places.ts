import { and, asc, eq, getTableColumns, type SQL, sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '../../../platform/db/client.ts';
import { scopeOf } from '../../../platform/db/tenancy.ts';
import { activities } from '../activities/schema.ts';
import { type RegistrationRow, registrations } from './schema.ts';

/**
 * The one statement that takes places: it adds `n` to `taken` only while the result stays within the
 * capacity, so two people can never get the last place, whatever the interleaving (the database re-checks
 * the condition on the latest row version after waiting for a concurrent update). The benchmark measures
 * the raw rate of this very statement.
 */
export function takePlacesStatement(orgId: string, activityId: string, n: number) {
  return sql`UPDATE citizen_activities SET taken = taken + ${n}
    WHERE org_id = ${orgId} AND id = ${activityId} AND status = 'published' AND taken + ${n} <= capacity
    RETURNING taken`;
}

/** What a registration row starts with; the database adds its status, place or position, and hold. */
export interface NewRegistration {
  id: string;
  activityId: string;
  personId: string;
  householdId: string;
  accountId: string | null;
  givenName: string;
  familyName: string;
  birthDate: string | null;
  priceCategory: RegistrationRow['priceCategory'];
  residentOrgId: string | null;
  ageAtReference: number | null;
  listPriceCents: number;
  discountPercent: number;
  amountCents: number;
  source: RegistrationRow['source'];
  createdByAccountId: string | null;
}

const GIVEN: Array<keyof NewRegistration> = [
  'id',
  'activityId',
  'personId',
  'householdId',
  'accountId',
  'givenName',
  'familyName',
  'birthDate',
  'priceCategory',
  'residentOrgId',
  'ageAtReference',
  'listPriceCents',
  'discountPercent',
  'amountCents',
  'source',
  'createdByAccountId',
];
const columns = getTableColumns(registrations);
const nameOf = (key: keyof RegistrationRow) => columns[key].name;
/** The given columns, and the same read from a `jsonb_populate_recordset` record `r`. */
export const GIVEN_COLUMNS = sql.raw(GIVEN.map((k) => `"${nameOf(k)}"`).join(', '));
export const GIVEN_FROM_RECORD = sql.raw(GIVEN.map((k) => `r."${nameOf(k)}"`).join(', '));

/** Reads rows a raw statement returned (column names, driver values) as Drizzle would. */
export function registrationRows(result: unknown): RegistrationRow[] {
  return rowsOf<Record<string, unknown>>(result).map((raw) => {
    const row: Record<string, unknown> = {};
    for (const [key, column] of Object.entries(columns)) {
      const value = raw[column.name];
      row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
    }
    return row as RegistrationRow;
  });
}

/** The JSON records of new registrations, as `jsonb_populate_recordset` reads them into the table's row type. */
export function registrationRecords(
  orgId: string,
  people: NewRegistration[],
  status: RegistrationRow['status'],
  waitlistPosition: (index: number) => number | null,
): Array<Record<string, unknown>> {
  return people.map((p, i) => {
    const record: Record<string, unknown> = { org_id: orgId, status, waitlist_position: waitlistPosition(i) };
    for (const key of GIVEN) record[nameOf(key)] = p[key];
    return record;
  });
}

/**
 * Inserts registrations in the same statement as the activity UPDATE that admits them (`admit`, a
 * data-modifying CTE named `admitted` returning one row or none): either both happen, or neither. The
 * registrations travel as one JSON array read into the table's own row type, so the statement's text is
 * the same whatever the number of people.
 */
async function insertAdmitted(
  tx: Executor,
  orgId: string,
  admit: SQL,
  people: NewRegistration[],
  status: SQL,
  waitlistPosition: SQL,
  holdExpiresAt: SQL,
): Promise<RegistrationRow[]> {
  const records = registrationRecords(orgId, people, 'pending_payment', (i) => i + 1);
  const result = await tx.execute(sql`WITH admitted AS (${admit})
    INSERT INTO citizen_registrations (org_id, ${GIVEN_COLUMNS}, status, waitlist_position, hold_expires_at)
    SELECT r.org_id, ${GIVEN_FROM_RECORD}, ${status}, ${waitlistPosition}, ${holdExpiresAt}
    FROM admitted CROSS JOIN jsonb_populate_recordset(NULL::citizen_registrations, ${JSON.stringify(records)}::jsonb) AS r
    ORDER BY r.waitlist_position
    RETURNING *`);
  return registrationRows(result);
}

/**
 * Takes the places of `people` in one activity and inserts their registrations, held for payment, in
 * one statement (the conditional UPDATE above as a CTE): all of them or none, no transaction needed
 * for a single activity. Empty when the activity has no room for them all.
 */
export function takePlacesAndRegister(
  tx: Executor,
  options: { orgId: string; activityId: string; people: NewRegistration[]; holdMinutes: number },
): Promise<RegistrationRow[]> {
  const n = options.people.length;
  return insertAdmitted(
    tx,
    options.orgId,
    takePlacesStatement(options.orgId, options.activityId, n),
    options.people,
    sql`'pending_payment'`,
    sql`NULL::integer`,
    sql`now() + make_interval(mins => ${options.holdMinutes})`,
  );
}

/**
 * Puts `people` on an activity's waitlist in one statement: consecutive positions handed out by the
 * activity's row (its lock), only while the activity is still too full for them. Empty when a place was
 * freed in between (the caller then tries to take it).
 */
export function waitlistAndRegister(
  tx: Executor,
  options: { orgId: string; activityId: string; people: NewRegistration[] },
): Promise<RegistrationRow[]> {
  const n = options.people.length;
  return insertAdmitted(
    tx,
    options.orgId,
    sql`UPDATE citizen_activities SET waitlist_seq = waitlist_seq + ${n}
      WHERE org_id = ${options.orgId} AND id = ${options.activityId} AND taken + ${n} > capacity
      RETURNING waitlist_seq AS last`,
    options.people,
    sql`'waitlisted'`,
    sql`(SELECT last FROM admitted) - ${n} + r.waitlist_position`,
    sql`NULL::timestamptz`,
  );
}

/** Takes `n` places at once (all or none); true when taken. */
export async function takePlaces(
  tx: Executor,
  options: { orgId: string; activityId: string; n: number },
): Promise<boolean> {
  const result = await tx.execute(takePlacesStatement(options.orgId, options.activityId, options.n));
  return rowsOf(result).length > 0;
}

/**
 * Frees one place of an activity whose registration stopped holding it: the place goes to the first
 * person on the waitlist as a time-limited offer (the place stays counted), or back to the pool when
 * nobody waits. The activity's row is locked first so that this and a concurrent registration that is
 * joining the waitlist happen one after the other: a freed place never sits empty while someone waits.
 */
export async function releasePlace(
  tx: Executor,
  options: { orgId: string; activityId: string; offerHours: number },
): Promise<RegistrationRow | null> {
  const scope = scopeOf(options.orgId);
  await tx
    .select({ id: activities.id })
    .from(activities)
    .where(scope.where(activities, eq(activities.id, options.activityId)))
    .for('update');
  const next = tx
    .select({ id: registrations.id })
    .from(registrations)
    .where(
      scope.where(
        registrations,
        and(eq(registrations.activityId, options.activityId), eq(registrations.status, 'waitlisted')),
      ),
    )
    .orderBy(asc(registrations.waitlistPosition))
    .limit(1)
    .for('update', { skipLocked: true });
  const [offered] = await tx
    .update(registrations)
    .set({
      status: 'offered',
      offerExpiresAt: sql`now() + ${`${options.offerHours} hours`}::interval`,
      updatedAt: sql`now()`,
    })
    .where(scope.where(registrations, sql`${registrations.id} = (${next})`))
    .returning();
  if (offered) return offered;
  await tx
    .update(activities)
    .set({ taken: sql`${activities.taken} - 1` })
    .where(scope.where(activities, eq(activities.id, options.activityId), sql`${activities.taken} > 0`));
  return null;
}

/**
 * Offers places that opened without anyone leaving (staff raised the capacity): while the activity has
 * room and people wait, the next one is offered a place, counted at once. Same lock as releasePlace.
 */
export async function offerOpenPlaces(
  tx: Executor,
  options: { orgId: string; activityId: string; offerHours: number },
): Promise<RegistrationRow[]> {
  const scope = scopeOf(options.orgId);
  const offered: RegistrationRow[] = [];
  await tx
    .select({ id: activities.id })
    .from(activities)
    .where(scope.where(activities, eq(activities.id, options.activityId)))
    .for('update');
  for (;;) {
    const [waiting] = await tx
      .select({ id: registrations.id })
      .from(registrations)
      .where(
        scope.where(
          registrations,
          and(eq(registrations.activityId, options.activityId), eq(registrations.status, 'waitlisted')),
        ),
      )
      .orderBy(asc(registrations.waitlistPosition))
      .limit(1)
      .for('update', { skipLocked: true });
    if (!waiting) return offered;
    if (!(await takePlaces(tx, { orgId: options.orgId, activityId: options.activityId, n: 1 })))
      return offered;
    const [row] = await tx
      .update(registrations)
      .set({
        status: 'offered',
        offerExpiresAt: sql`now() + ${`${options.offerHours} hours`}::interval`,
        updatedAt: sql`now()`,
      })
      .where(scope.where(registrations, eq(registrations.id, waiting.id)))
      .returning();
    if (row) offered.push(row);
  }
}
