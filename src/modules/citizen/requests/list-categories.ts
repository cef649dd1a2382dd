import { asc, eq } from 'drizzle-orm';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import type { Bilingual } from '../../../platform/http/locale.ts';
import type { CategoryField } from './attributes.ts';
import { loadOrg } from './context.ts';
import { requireRequestStaff } from './policies.ts';
import { requestCategories } from './schema.ts';

/** A category as the form, staff and Open311 see it. */
export interface CategoryView {
  id: string;
  code: string;
  name: Bilingual;
  description: Bilingual;
  group: Bilingual | null;
  keywords: string | null;
  departmentId: string | null;
  sensitive: boolean;
  ackDays: number | null;
  resolveDays: number | null;
  fields: CategoryField[];
  active: boolean;
  position: number;
}

/** A category row as a view. */
export function categoryView(row: typeof requestCategories.$inferSelect): CategoryView {
  return {
    id: row.id,
    code: row.code,
    name: { fr: row.nameFr, en: row.nameEn },
    description: { fr: row.descriptionFr, en: row.descriptionEn },
    group: row.groupFr || row.groupEn ? { fr: row.groupFr ?? '', en: row.groupEn ?? '' } : null,
    keywords: row.keywords,
    departmentId: row.departmentId,
    sensitive: row.sensitive,
    ackDays: row.ackDays,
    resolveDays: row.resolveDays,
    fields: row.fields,
    active: row.active,
    position: row.position,
  };
}

/**
 * The categories of requests an organisation offers, in their order, with their own fields. Public;
 * staff may ask for the inactive ones too.
 */
export async function listCategories(options: {
  db: Executor;
  auth: AuthContext | null;
  orgId: string;
  includeInactive?: boolean;
}): Promise<CategoryView[]> {
  const { db, orgId } = options;
  if (options.includeInactive) requireRequestStaff(options.auth, orgId);
  else await loadOrg(db, orgId);
  const rows = await db
    .select()
    .from(requestCategories)
    .where(
      inOrg(
        requestCategories,
        orgId,
        options.includeInactive ? undefined : eq(requestCategories.active, true),
      ),
    )
    .orderBy(asc(requestCategories.position), asc(requestCategories.nameFr));
  return rows.map(categoryView);
}
