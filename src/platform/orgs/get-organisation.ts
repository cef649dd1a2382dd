import { eq, or } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { AppError } from '../http/errors.ts';
import { type OrganisationView, withPartnerships } from './list-organisations.ts';
import { organisations } from './schema.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One organisation by id or slug, or `org.not_found`. */
export async function getOrganisation(options: {
  db: Executor;
  idOrSlug: string;
}): Promise<OrganisationView> {
  const { db, idOrSlug } = options;
  const where = UUID.test(idOrSlug)
    ? or(eq(organisations.id, idOrSlug), eq(organisations.slug, idOrSlug))
    : eq(organisations.slug, idOrSlug);
  const rows = await db.select().from(organisations).where(where);
  const [view] = await withPartnerships(db, rows);
  if (!view) throw new AppError('org.not_found', 404);
  return view;
}

/** The organisations whose residents count as residents of `orgId` for a scope (itself included). */
export async function partnersFor(options: {
  db: Executor;
  orgId: string;
  scope: string;
}): Promise<string[]> {
  const view = await getOrganisation({ db: options.db, idOrSlug: options.orgId });
  const ids = new Set([view.id]);
  for (const p of view.partnerships) if (p.scope === options.scope) for (const id of p.orgIds) ids.add(id);
  return [...ids];
}
