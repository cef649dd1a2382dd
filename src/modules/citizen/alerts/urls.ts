import type { Executor } from '../../../platform/db/client.ts';
import { getOrganisation } from '../../../platform/orgs/get-organisation.ts';
import { capUrl } from './cap-xml.ts';
import type { AlertRow } from './schema.ts';

/** The stable CAP address of a sent alert (null while unsent). */
export async function capUrlOf(db: Executor, publicUrl: string, row: AlertRow): Promise<string | null> {
  if (!row.sentAt) return null;
  const org = await getOrganisation({ db, idOrSlug: row.orgId });
  return capUrl(publicUrl, org, row.id);
}
