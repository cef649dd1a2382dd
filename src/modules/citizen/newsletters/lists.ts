import { and, count, eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { inOrg, scopeOf } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { requireSurveyStaff as requireParticipationStaff } from '../surveys/policies.ts';
import { newsletterLists, newsletterSubscriptions } from './schema.ts';

type ListRow = typeof newsletterLists.$inferSelect;

/** The API shape of a list. */
export function toListView(row: ListRow, extra: { subscribers?: number; subscribed?: boolean } = {}) {
  return {
    id: row.id,
    name: { fr: row.nameFr, en: row.nameEn },
    description: { fr: row.descriptionFr, en: row.descriptionEn },
    active: row.active,
    ...extra,
  };
}
export type ListView = ReturnType<typeof toListView>;

/** The town's active lists, with whether the signed-in person is subscribed to each. */
export async function listNewsletters(options: {
  db: Executor;
  auth: AuthContext | null;
  orgId: string;
}): Promise<{ items: ListView[] }> {
  const rows = await options.db
    .select()
    .from(newsletterLists)
    .where(inOrg(newsletterLists, options.orgId, eq(newsletterLists.active, true)))
    .orderBy(newsletterLists.nameFr);
  const mine = options.auth
    ? await options.db
        .select({ listId: newsletterSubscriptions.listId })
        .from(newsletterSubscriptions)
        .where(
          inOrg(
            newsletterSubscriptions,
            options.orgId,
            eq(newsletterSubscriptions.accountId, options.auth.account.id),
            eq(newsletterSubscriptions.status, 'active'),
          ),
        )
    : [];
  const subscribed = new Set(mine.map((m) => m.listId));
  return { items: rows.map((r) => toListView(r, options.auth ? { subscribed: subscribed.has(r.id) } : {})) };
}

/** Every list with its number of active subscribers (staff). */
export async function listStaffNewsletters(options: {
  db: Executor;
  auth: AuthContext | null;
  orgId: string;
}) {
  requireParticipationStaff(options.auth, options.orgId);
  const [rows, counts] = await Promise.all([
    options.db
      .select()
      .from(newsletterLists)
      .where(inOrg(newsletterLists, options.orgId))
      .orderBy(newsletterLists.nameFr),
    options.db
      .select({ listId: newsletterSubscriptions.listId, n: count() })
      .from(newsletterSubscriptions)
      .where(inOrg(newsletterSubscriptions, options.orgId, eq(newsletterSubscriptions.status, 'active')))
      .groupBy(newsletterSubscriptions.listId),
  ]);
  const by = new Map(counts.map((c) => [c.listId, c.n]));
  return { items: rows.map((r) => toListView(r, { subscribers: by.get(r.id) ?? 0 })) };
}

/** Staff create a list, or change one (`listId`). Audited. */
export async function saveNewsletterList(options: {
  db: Executor;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  listId?: string;
  input: { name: { fr: string; en: string }; description: { fr: string; en: string }; active: boolean };
}): Promise<ListView> {
  const who = requireParticipationStaff(options.auth, options.orgId);
  const { input } = options;
  const values = {
    nameFr: input.name.fr,
    nameEn: input.name.en,
    descriptionFr: input.description.fr,
    descriptionEn: input.description.en,
    active: input.active,
  };
  const [row] = options.listId
    ? await options.db
        .update(newsletterLists)
        .set(values)
        .where(and(inOrg(newsletterLists, options.orgId, eq(newsletterLists.id, options.listId))))
        .returning()
    : await options.db.insert(newsletterLists).values(scopeOf(options.orgId).rows(values)).returning();
  if (!row) throw new AppError('newsletter.list_not_found', 404);
  await recordAudit(options.db, {
    orgId: options.orgId,
    actorAccountId: who.account.id,
    action: options.listId ? 'citizen.newsletter_list_updated' : 'citizen.newsletter_list_created',
    targetType: 'citizen_newsletter_list',
    targetId: row.id,
    ip: options.ip,
  });
  return toListView(row);
}
