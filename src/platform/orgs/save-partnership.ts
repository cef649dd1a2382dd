import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.ts';
import type { AuthContext } from '../auth/context.ts';
import { requireInstallationAdmin } from '../auth/policies.ts';
import type { Database } from '../db/client.ts';
import { getOrganisation } from './get-organisation.ts';
import { partnershipMembers, partnerships } from './schema.ts';

/** Creates a partnership between organisations for a scope, or replaces its members when `id` is given. */
export async function savePartnership(options: {
  db: Database;
  auth: AuthContext | null;
  ip: string;
  id?: string;
  input: { nameFr: string; nameEn: string; scope: string; orgIds: string[] };
}): Promise<{ id: string }> {
  const who = requireInstallationAdmin(options.auth);
  const { db, input } = options;
  for (const orgId of input.orgIds) await getOrganisation({ db, idOrSlug: orgId });
  return db.transaction(async (tx) => {
    let id = options.id;
    const values = { nameFr: input.nameFr, nameEn: input.nameEn, scope: input.scope };
    if (id) {
      await tx.update(partnerships).set(values).where(eq(partnerships.id, id));
      await tx.delete(partnershipMembers).where(eq(partnershipMembers.partnershipId, id));
    } else {
      const [row] = await tx.insert(partnerships).values(values).returning({ id: partnerships.id });
      id = row?.id;
    }
    if (!id) throw new Error('partnership save returned no id');
    const partnershipId = id;
    await tx
      .insert(partnershipMembers)
      .values([...new Set(input.orgIds)].map((orgId) => ({ partnershipId, orgId })));
    await recordAudit(tx, {
      orgId: null,
      actorAccountId: who.account.id,
      ip: options.ip,
      action: options.id ? 'partnership.update' : 'partnership.create',
      targetType: 'partnership',
      targetId: partnershipId,
      details: { scope: input.scope, orgIds: input.orgIds },
    });
    return { id: partnershipId };
  });
}
