import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Database } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { type DepartmentView, listDepartments } from './list-departments.ts';
import { requireRequestManager } from './policies.ts';
import { requestDepartments } from './schema.ts';
import { isUniqueViolation } from './unique-violation.ts';

/** Creates or updates a department (a queue of requests). */
export async function saveDepartment(options: {
  db: Database;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  id?: string;
  input: { code: string; nameFr: string; nameEn: string; active?: boolean };
}): Promise<DepartmentView> {
  const { db, orgId, input } = options;
  const who = requireRequestManager(options.auth, orgId);
  const values = {
    code: input.code,
    nameFr: input.nameFr.trim(),
    nameEn: input.nameEn.trim(),
    active: input.active ?? true,
  };
  let savedId: string;
  try {
    const [row] = options.id
      ? await db
          .update(requestDepartments)
          .set(values)
          .where(inOrg(requestDepartments, orgId, eq(requestDepartments.id, options.id)))
          .returning()
      : await db
          .insert(requestDepartments)
          .values({ orgId, ...values })
          .returning();
    if (!row) throw new AppError('requests.department_unknown', 404);
    await recordAudit(db, {
      orgId,
      actorAccountId: who.account.id,
      action: 'requests.department_save',
      targetType: 'request_department',
      targetId: row.id,
      ip: options.ip,
    });
    savedId = row.id;
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError('requests.code_taken', 409, { params: { code: input.code } });
    throw error;
  }
  const saved = (await listDepartments({ db, auth: options.auth, orgId })).find((d) => d.id === savedId);
  if (!saved) throw new AppError('requests.department_unknown', 404);
  return saved;
}
