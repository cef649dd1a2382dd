import type { Executor } from '../../../platform/db/client.ts';
import type { Locale } from '../../../platform/http/locale.ts';
import { listCategories } from '../requests/list-categories.ts';
import { resolveJurisdiction } from './resolve-jurisdiction.ts';
import { serviceView } from './views.ts';

/** GET services: the request categories a jurisdiction offers. Public. */
export async function listServices(options: { db: Executor; jurisdictionId?: string; locale: Locale }) {
  const org = await resolveJurisdiction(options.db, options.jurisdictionId);
  const categories = await listCategories({ db: options.db, auth: null, orgId: org.id });
  return categories.map((c) => serviceView(c, options.locale));
}
