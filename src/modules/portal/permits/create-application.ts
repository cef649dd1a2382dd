import { and, eq } from 'drizzle-orm';
import type { AuthContext } from '../../../platform/auth/context.ts';
import { requireAccount } from '../../../platform/auth/policies.ts';
import type { Database } from '../../../platform/db/client.ts';
import { nextReference } from '../../../platform/db/references.ts';
import { scopeOf } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { getOrganisation } from '../../../platform/orgs/get-organisation.ts';
import { applicationView } from './application-view.ts';
import { quebecDate } from './legal-clock.ts';
import { propertySnapshot } from './property.ts';
import { permitApplications, permitTypes } from './schema.ts';
import { recordPermitEvent } from './transition.ts';

/** Answers as stored: primitive values of known fields only. */
export function keepAnswers(
  fields: ReadonlyArray<{ key: string }>,
  answers: Record<string, unknown> | undefined,
): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const f of fields) {
    const v = answers?.[f.key];
    if (typeof v === 'string') out[f.key] = v.slice(0, 4000);
    else if (typeof v === 'number' || typeof v === 'boolean') out[f.key] = v;
  }
  return out;
}

/** Starts a permit application or work declaration (a draft) for the signed-in person. */
export async function createApplication(options: {
  db: Database;
  auth: AuthContext | null;
  orgId: string;
  input: {
    typeCode: string;
    propertyUnitId?: string;
    description?: string;
    answers?: Record<string, unknown>;
  };
}) {
  const who = requireAccount(options.auth);
  const { db, orgId, input } = options;
  const org = await getOrganisation({ db, idOrSlug: orgId });
  const [type] = await db
    .select()
    .from(permitTypes)
    .where(
      scopeOf(orgId).where(
        permitTypes,
        and(eq(permitTypes.code, input.typeCode), eq(permitTypes.active, true)),
      ),
    );
  if (!type) throw new AppError('permit.type_not_found', 404);
  const property = input.propertyUnitId ? await propertySnapshot(db, orgId, input.propertyUnitId) : {};
  const row = await db.transaction(async (tx) => {
    const reference = await nextReference(tx, {
      orgId,
      prefix: org.refPrefix,
      kind: 'permit_application',
      year: Number(quebecDate(new Date()).slice(0, 4)),
    });
    const [created] = await tx
      .insert(permitApplications)
      .values(
        scopeOf(orgId).rows({
          reference,
          typeId: type.id,
          kind: type.kind,
          applicantAccountId: who.account.id,
          description: (input.description ?? '').slice(0, 4000),
          answers: keepAnswers(type.fields, input.answers),
          ...property,
        }),
      )
      .returning();
    if (!created) throw new Error('application insert returned no row');
    await recordPermitEvent(tx, {
      orgId,
      applicationId: created.id,
      actor: 'applicant',
      actorAccountId: who.account.id,
      action: 'create',
      fromStatus: null,
      toStatus: 'draft',
    });
    return created;
  });
  return applicationView(db, row, 'applicant');
}
