import { eq } from 'drizzle-orm';
import { recordPersonalDataAccess } from '../audit/record-personal-data-access.ts';
import type { AuthContext } from '../auth/context.ts';
import { requireAccount } from '../auth/policies.ts';
import type { Database } from '../db/client.ts';
import { inOrg } from '../db/tenancy.ts';
import { AppError, forbidden } from '../http/errors.ts';
import { LINK_TTL_MS, linkSecret, signLinkToken } from './links.ts';
import { fileAccessPolicy } from './purposes.ts';
import { files } from './schema.ts';

/** A short-lived download link. */
export interface FileLink {
  url: string;
  expiresAt: string;
}

/**
 * Issues an expiring download link for a stored file once the purpose's access policy allows the
 * person (by default: whoever uploaded it, or staff of its organisation). Anyone but the uploader
 * opening the file is written to the audit log as access to personal data.
 */
export async function getFileLink(options: {
  db: Database;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  fileId: string;
  now?: number;
}): Promise<FileLink> {
  const who = requireAccount(options.auth);
  const { db, orgId, fileId } = options;
  const [file] = await db
    .select()
    .from(files)
    .where(inOrg(files, orgId, eq(files.id, fileId)));
  if (!file) throw new AppError('files.not_found', 404);
  const allowed = await fileAccessPolicy(file.purpose)(who, file, { db });
  if (!allowed) throw forbidden();

  if (file.ownerAccountId !== who.account.id) {
    await recordPersonalDataAccess(db, {
      orgId,
      actorAccountId: who.account.id,
      subjectAccountId: file.ownerAccountId,
      ip: options.ip,
      targetType: 'file',
      targetId: file.id,
      purpose: 'file.link',
      details: { filePurpose: file.purpose },
    });
  }
  const expiresAt = Math.floor(((options.now ?? Date.now()) + LINK_TTL_MS) / 1000);
  const token = signLinkToken(await linkSecret(db), { orgId, fileId, expiresAt });
  return { url: `/api/files/download/${token}`, expiresAt: new Date(expiresAt * 1000).toISOString() };
}
