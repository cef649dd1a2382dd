import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Database } from '../../../platform/db/client.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { forgetActiveRolls } from './active-roll.ts';
import { parseUseCodesCsv } from './cubf.ts';
import { requireRollManager } from './policies.ts';

/**
 * Loads the official CUBF list (a CSV staff provide) for the organisation, replacing what was loaded before
 * in one transaction. A file with any faulty line is refused whole, with the lines at fault.
 */
export async function loadUseCodes(options: {
  db: Database;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  input: { csv: string };
}): Promise<{ loaded: number }> {
  const who = requireRollManager(options.auth, options.orgId);
  const { db, orgId } = options;
  const { rows, errors } = parseUseCodesCsv(options.input.csv);
  if (errors.length || rows.length === 0)
    throw new AppError('roll.use_codes_invalid', 422, { details: { lines: errors.slice(0, 50) } });
  await db.transaction(async (tx) => {
    await tx.execute(sql`DELETE FROM roll_use_codes WHERE org_id = ${orgId}`);
    for (let i = 0; i < rows.length; i += 1000) {
      await tx.execute(sql`
        INSERT INTO roll_use_codes (org_id, code, name_fr, name_en)
        SELECT ${orgId}::uuid, r.code, r.fr, r.en
        FROM jsonb_to_recordset(${JSON.stringify(rows.slice(i, i + 1000))}::jsonb) AS r(code text, fr text, en text)
        ON CONFLICT (org_id, code) DO UPDATE SET name_fr = excluded.name_fr, name_en = excluded.name_en`);
    }
    await recordAudit(tx, {
      orgId,
      actorAccountId: who.account.id,
      action: 'roll.use_codes_loaded',
      ip: options.ip,
      details: { codes: rows.length },
    });
  });
  forgetActiveRolls(orgId);
  return { loaded: rows.length };
}
