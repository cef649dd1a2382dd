import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { inOrg, scopeOf } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { requireOperationsStaff } from '../data/policies.ts';
import { opsMeasures } from '../data/schema.ts';
import { opsThresholds } from './schema.ts';

/**
 * Staff set a measure's threshold of one severity (e.g. an installation's filtered-water turbidity limit),
 * replacing the preloaded figure; the basis says where the new figure comes from. Audited.
 */
export async function saveThreshold(options: {
  db: Executor;
  auth: AuthContext | null;
  ip: string | null;
  orgId: string;
  measureId: string;
  input: {
    min: number | null;
    max: number | null;
    severity: 'alarm' | 'report';
    basis: string;
    active: boolean;
  };
}) {
  const who = requireOperationsStaff(options.auth, options.orgId);
  const { input } = options;
  if (input.min !== null && input.max !== null && input.min >= input.max)
    throw new AppError('ops.range_invalid', 422);
  if (input.min === null && input.max === null) throw new AppError('ops.range_invalid', 422);
  const [measure] = await options.db
    .select({ id: opsMeasures.id })
    .from(opsMeasures)
    .where(inOrg(opsMeasures, options.orgId, eq(opsMeasures.id, options.measureId)));
  if (!measure) throw new AppError('ops.measure_not_found', 404);
  const [row] = await options.db
    .insert(opsThresholds)
    .values(scopeOf(options.orgId).rows({ measureId: measure.id, ...input }))
    .onConflictDoUpdate({
      target: [opsThresholds.orgId, opsThresholds.measureId, opsThresholds.severity],
      set: { min: input.min, max: input.max, basis: input.basis, active: input.active },
    })
    .returning();
  if (!row) throw new Error('threshold upsert failed');
  await recordAudit(options.db, {
    orgId: options.orgId,
    actorAccountId: who.account.id,
    action: 'ops.threshold.save',
    targetType: 'ops_threshold',
    targetId: row.id,
    ip: options.ip,
    details: input,
  });
  return {
    id: row.id,
    min: row.min,
    max: row.max,
    severity: row.severity,
    basis: row.basis,
    active: row.active,
  };
}
