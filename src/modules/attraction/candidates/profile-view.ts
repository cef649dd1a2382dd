import { eq } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { files } from '../../../platform/files/schema.ts';
import type { candidateProfiles } from './schema.ts';

type Row = typeof candidateProfiles.$inferSelect;

/** The candidate's own view of their profile. */
export async function profileView(db: Executor, row: Row) {
  let cv: { id: string; name: string; sizeBytes: number } | null = null;
  if (row.cvFileId) {
    const [f] = await db
      .select()
      .from(files)
      .where(inOrg(files, row.orgId, eq(files.id, row.cvFileId)));
    if (f) cv = { id: f.id, name: f.originalName, sizeBytes: Number(f.sizeBytes) };
  }
  return {
    id: row.id,
    headline: row.headline,
    summary: row.summary,
    originCountry: row.originCountry,
    currentCountry: row.currentCountry,
    experience: row.experience,
    education: row.education,
    skills: row.skills,
    frenchNclc: row.frenchNclc,
    englishClb: row.englishClb,
    otherLanguages: row.otherLanguages,
    desiredNocCodes: row.desiredNocCodes,
    desiredMunicipalityIds: row.desiredMunicipalityIds,
    availableFrom: row.availableFrom,
    permitSituation: row.permitSituation,
    family: { ...row.family, relocation: row.family.relocation ?? false },
    cvFileId: row.cvFileId,
    digestFrequency: row.digestFrequency,
    matchingEnabled: row.matchingEnabled,
    cv,
    updatedAt: row.updatedAt.toISOString(),
  };
}
