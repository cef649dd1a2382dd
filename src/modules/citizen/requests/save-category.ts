import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Database } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { checkAssignment } from './assign-request.ts';
import type { CategoryField } from './attributes.ts';
import { loadOrg } from './context.ts';
import { type CategoryView, categoryView } from './list-categories.ts';
import { requireRequestManager } from './policies.ts';
import { repositionRequests } from './reposition.ts';
import { requestCategories } from './schema.ts';
import { isUniqueViolation } from './unique-violation.ts';

/** A category as staff define it. */
export interface CategoryInput {
  code: string;
  nameFr: string;
  nameEn: string;
  descriptionFr?: string;
  descriptionEn?: string;
  groupFr?: string | null;
  groupEn?: string | null;
  keywords?: string | null;
  departmentId?: string | null;
  sensitive?: boolean;
  ackDays?: number | null;
  resolveDays?: number | null;
  fields?: CategoryField[];
  active?: boolean;
  position?: number;
}

function checkFields(fields: readonly CategoryField[]): void {
  const codes = new Set<string>();
  for (const field of fields) {
    if (codes.has(field.code))
      throw new AppError('requests.field_duplicate', 400, { params: { code: field.code } });
    codes.add(field.code);
    const isList = field.datatype === 'singlevaluelist' || field.datatype === 'multivaluelist';
    const keys = new Set((field.values ?? []).map((v) => v.key));
    if (isList && (keys.size === 0 || keys.size !== (field.values ?? []).length))
      throw new AppError('requests.field_values_missing', 400, { params: { code: field.code } });
  }
}

/**
 * Creates or updates a category: bilingual names, its department, targets in business days, whether it
 * is sensitive, and its own fields. Turning sensitivity on or off moves its requests on public maps.
 */
export async function saveCategory(options: {
  db: Database;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  id?: string;
  input: CategoryInput;
}): Promise<CategoryView> {
  const { db, orgId, input } = options;
  const who = requireRequestManager(options.auth, orgId);
  await loadOrg(db, orgId);
  const fields = (input.fields ?? []).map((f) => ({ ...f, values: f.values?.length ? f.values : undefined }));
  checkFields(fields);
  if (input.departmentId) await checkAssignment(db, orgId, { departmentId: input.departmentId });
  const values = {
    code: input.code,
    nameFr: input.nameFr.trim(),
    nameEn: input.nameEn.trim(),
    descriptionFr: input.descriptionFr?.trim() ?? '',
    descriptionEn: input.descriptionEn?.trim() ?? '',
    groupFr: input.groupFr?.trim() || null,
    groupEn: input.groupEn?.trim() || null,
    keywords: input.keywords?.trim() || null,
    departmentId: input.departmentId ?? null,
    sensitive: input.sensitive ?? false,
    ackDays: input.ackDays ?? null,
    resolveDays: input.resolveDays ?? null,
    fields,
    active: input.active ?? true,
    position: input.position ?? 0,
  };
  try {
    return await db.transaction(async (tx) => {
      let row: typeof requestCategories.$inferSelect | undefined;
      let moved = false;
      if (options.id) {
        const [before] = await tx
          .select({ sensitive: requestCategories.sensitive })
          .from(requestCategories)
          .where(inOrg(requestCategories, orgId, eq(requestCategories.id, options.id)));
        if (!before) throw new AppError('requests.category_unknown', 404);
        [row] = await tx
          .update(requestCategories)
          .set(values)
          .where(inOrg(requestCategories, orgId, eq(requestCategories.id, options.id)))
          .returning();
        moved = before.sensitive !== values.sensitive;
      } else {
        [row] = await tx
          .insert(requestCategories)
          .values({ orgId, ...values })
          .returning();
      }
      if (!row) throw new Error('category write returned no row');
      if (moved) await repositionRequests(tx, orgId, { categoryId: row.id });
      await recordAudit(tx, {
        orgId,
        actorAccountId: who.account.id,
        action: options.id ? 'requests.category_update' : 'requests.category_create',
        targetType: 'request_category',
        targetId: row.id,
        ip: options.ip,
        details: { code: row.code },
      });
      return categoryView(row);
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError('requests.code_taken', 409, { params: { code: input.code } });
    throw error;
  }
}
