import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Database } from '../../../platform/db/client.ts';
import { scopeOf } from '../../../platform/db/tenancy.ts';
import { AppError, renderMessage } from '../../../platform/http/errors.ts';
import type { Locale } from '../../../platform/http/locale.ts';
import type { PermitTypeInput } from './catalogue.ts';
import { checkPermitType } from './check-permit-type.ts';
import { staffPermitTypeView } from './list-permit-types.ts';
import { requirePermitStaff } from './policies.ts';
import { permitTypes } from './schema.ts';

/** Writes a permit type of the organisation (created or replaced by its code), without a policy check. */
export async function upsertPermitType(
  db: Database,
  orgId: string,
  input: PermitTypeInput & { position?: number; active?: boolean },
  locale: Locale = 'fr',
) {
  const problems = checkPermitType(input);
  const [first] = problems;
  if (first)
    throw new AppError(first.code, 422, {
      params: first.params,
      // Every problem next to what it concerns, in the staff member's language.
      details: {
        fields: problems.map((p) => ({
          field: p.path,
          rule: p.code,
          message: renderMessage(p.code, locale, p.params),
        })),
      },
    });
  const values = scopeOf(orgId).rows({
    ...input,
    position: input.position ?? 0,
    active: input.active ?? true,
  });
  const [row] = await db
    .insert(permitTypes)
    .values(values)
    .onConflictDoUpdate({
      target: [permitTypes.orgId, permitTypes.code],
      set: { ...values, updatedAt: sql`now()` },
    })
    .returning();
  if (!row) throw new Error('permit type upsert returned no row');
  return row;
}

/** Staff create or change a permit type: form, documents, fee rule, legal delay. */
export async function savePermitType(options: {
  db: Database;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  locale?: Locale;
  input: PermitTypeInput & { position?: number; active?: boolean };
}) {
  const who = requirePermitStaff(options.auth, options.orgId);
  const row = await upsertPermitType(options.db, options.orgId, options.input, options.locale);
  await recordAudit(options.db, {
    orgId: options.orgId,
    actorAccountId: who.account.id,
    action: 'permit.type_saved',
    targetType: 'permit_type',
    targetId: row.id,
    ip: options.ip,
    details: { code: row.code },
  });
  return staffPermitTypeView(row);
}
