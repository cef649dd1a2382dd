import { eq } from 'drizzle-orm';
import type { Static } from 'typebox';
import type { AuthContext } from '../../../platform/auth/context.ts';
import { requireAccount } from '../../../platform/auth/policies.ts';
import type { Database } from '../../../platform/db/client.ts';
import { inOrg, scopeOf } from '../../../platform/db/tenancy.ts';
import { files } from '../../../platform/files/schema.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { recomputeForCandidate } from '../matching/recompute.ts';
import { nocUnitGroups } from '../noc/search-noc.ts';
import { requireMrc } from '../policies.ts';
import { CV_PURPOSE } from './cv.ts';
import { findOwnProfile } from './get-my-profile.ts';
import { profileView } from './profile-view.ts';
import { candidateProfiles } from './schema.ts';
import type { ProfileInput } from './schemas.ts';

/** Checks that NOC codes are known unit groups and municipalities belong to the MRC. */
export async function checkReferences(
  db: Database,
  members: ReadonlyArray<{ id: string }>,
  input: { noc: string[]; municipalities: string[] },
): Promise<void> {
  const known = await nocUnitGroups(db, input.noc);
  const unknown = input.noc.find((c) => !known.has(c));
  if (unknown) throw new AppError('attraction.noc_unknown', 422, { params: { code: unknown } });
  const memberIds = new Set(members.map((m) => m.id));
  if (input.municipalities.some((m) => !memberIds.has(m)))
    throw new AppError('attraction.municipality_unknown', 422);
}

/** Creates or replaces the signed-in person's candidate profile, then rescores their matches. */
export async function saveMyProfile(options: {
  db: Database;
  auth: AuthContext | null;
  orgId: string;
  input: Static<typeof ProfileInput>;
}) {
  const who = requireAccount(options.auth);
  const { db, orgId, input } = options;
  const { members } = await requireMrc(db, orgId);
  await checkReferences(db, members, {
    noc: [
      ...input.desiredNocCodes,
      ...input.experience.flatMap((e) => (e.nocCode ? [e.nocCode] : [])),
      ...(input.family.spouseNocCode ? [input.family.spouseNocCode] : []),
    ],
    municipalities: input.desiredMunicipalityIds,
  });
  if (input.cvFileId) {
    const [file] = await db
      .select({ owner: files.ownerAccountId, purpose: files.purpose })
      .from(files)
      .where(inOrg(files, orgId, eq(files.id, input.cvFileId)));
    if (!file || file.owner !== who.account.id || file.purpose !== CV_PURPOSE)
      throw new AppError('attraction.cv_not_found', 422);
  }
  const values = {
    ...input,
    skills: [...new Set(input.skills.map((s) => s.trim()).filter(Boolean))],
    desiredNocCodes: [...new Set(input.desiredNocCodes)],
    desiredMunicipalityIds: [...new Set(input.desiredMunicipalityIds)],
    family: { ...input.family, spouseNocCode: input.family.spouseNocCode ?? null },
  };
  const existing = await findOwnProfile(db, orgId, who.account.id);
  let row: typeof candidateProfiles.$inferSelect | undefined;
  if (existing) {
    [row] = await db
      .update(candidateProfiles)
      .set({ ...values, updatedAt: new Date() })
      .where(inOrg(candidateProfiles, orgId, eq(candidateProfiles.id, existing.id)))
      .returning();
  } else {
    [row] = await db
      .insert(candidateProfiles)
      .values(scopeOf(orgId).rows({ ...values, accountId: who.account.id }))
      .onConflictDoNothing()
      .returning();
    // A concurrent first save won: apply this one over it.
    row ??= await findOwnProfile(db, orgId, who.account.id);
  }
  if (!row) throw new Error('candidate profile save returned no row');
  await recomputeForCandidate(db, orgId, row.id);
  return profileView(db, row);
}
