import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.ts';
import type { AuthContext } from '../auth/context.ts';
import { requireInstallationAdmin } from '../auth/policies.ts';
import type { Database } from '../db/client.ts';
import { AppError } from '../http/errors.ts';
import { getOrganisation } from './get-organisation.ts';
import type { OrganisationView } from './list-organisations.ts';
import { type Branding, organisations } from './schema.ts';

/** Fields of an organisation that administrators set. */
export interface OrganisationInput {
  slug: string;
  kind: 'municipality' | 'mrc';
  geoCode: string;
  nameFr: string;
  nameEn: string;
  refPrefix: string;
  mrcId?: string | null;
  branding: Branding;
  contactEmail?: string | null;
  active?: boolean;
}

/** Creates an organisation, or updates it when `id` is given (installation administrators only). */
export async function saveOrganisation(options: {
  db: Database;
  auth: AuthContext | null;
  ip: string;
  id?: string;
  input: OrganisationInput;
}): Promise<OrganisationView> {
  const who = requireInstallationAdmin(options.auth);
  const { db, input } = options;
  if (input.mrcId) {
    const mrc = await getOrganisation({ db, idOrSlug: input.mrcId });
    if (mrc.kind !== 'mrc')
      throw new AppError('validation.failed', 422, {
        details: { fields: [{ field: 'mrcId', rule: 'mrc', message: 'MRC' }] },
      });
  }
  return db.transaction(async (tx) => {
    const [clash] = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.slug, input.slug));
    if (clash && clash.id !== options.id) throw new AppError('org.slug_taken', 409);
    let id = options.id;
    if (id) {
      const updated = await tx
        .update(organisations)
        .set(input)
        .where(eq(organisations.id, id))
        .returning({ id: organisations.id });
      if (updated.length === 0) throw new AppError('org.not_found', 404);
    } else {
      const [row] = await tx.insert(organisations).values(input).returning({ id: organisations.id });
      id = row?.id;
    }
    if (!id) throw new Error('organisation save returned no id');
    await recordAudit(tx, {
      orgId: id,
      actorAccountId: who.account.id,
      ip: options.ip,
      action: options.id ? 'organisation.update' : 'organisation.create',
      targetType: 'organisation',
      targetId: id,
      details: { slug: input.slug },
    });
    return getOrganisation({ db: tx, idOrSlug: id });
  });
}
