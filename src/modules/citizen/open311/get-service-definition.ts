import type { Executor } from '../../../platform/db/client.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { Locale } from '../../../platform/http/locale.ts';
import { listCategories } from '../requests/list-categories.ts';
import { resolveJurisdiction } from './resolve-jurisdiction.ts';
import { serviceDefinitionView } from './views.ts';

/** GET services/{service_code}: a category's own fields, with datatypes, order and list values. Public. */
export async function getServiceDefinition(options: {
  db: Executor;
  jurisdictionId?: string;
  serviceCode: string;
  locale: Locale;
}) {
  const org = await resolveJurisdiction(options.db, options.jurisdictionId);
  const categories = await listCategories({ db: options.db, auth: null, orgId: org.id });
  const category = categories.find((c) => c.code === options.serviceCode);
  if (!category)
    throw new AppError('open311.service_unknown', 404, { params: { code: options.serviceCode } });
  return serviceDefinitionView(category, options.locale);
}
