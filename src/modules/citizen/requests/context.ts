import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { Bilingual } from '../../../platform/http/locale.ts';
import { organisations } from '../../../platform/orgs/schema.ts';
import {
  type CategoryRow,
  requestCategories,
  requestSettings,
  requestStatuses,
  type ServiceRequestRow,
  serviceRequests,
} from './schema.ts';
import { isPhase, PHASE_LABELS, PHASES, type Phase, type StatusView } from './statuses.ts';

// Lookups every request use case shares: the organisation, its settings, categories and statuses.

/** What request use cases need of an organisation. */
export interface RequestOrg {
  id: string;
  slug: string;
  refPrefix: string;
  name: Bilingual;
}

/** An active organisation, or `org.not_found`. */
export async function loadOrg(db: Executor, orgId: string): Promise<RequestOrg> {
  const [org] = await db
    .select({
      id: organisations.id,
      slug: organisations.slug,
      refPrefix: organisations.refPrefix,
      nameFr: organisations.nameFr,
      nameEn: organisations.nameEn,
    })
    .from(organisations)
    .where(and(eq(organisations.id, orgId), eq(organisations.active, true)));
  if (!org) throw new AppError('org.not_found', 404);
  return { id: org.id, slug: org.slug, refPrefix: org.refPrefix, name: { fr: org.nameFr, en: org.nameEn } };
}

/** An organisation's request settings. */
export interface RequestSettings {
  reopenDays: number;
  gridMetres: number;
  nearbyMetres: number;
}

/** The defaults until an organisation changes them. */
export const DEFAULT_SETTINGS: RequestSettings = { reopenDays: 30, gridMetres: 250, nearbyMetres: 200 };

/** The settings of an organisation (defaults when never saved). */
export async function loadSettings(db: Executor, orgId: string): Promise<RequestSettings> {
  const [row] = await db.select().from(requestSettings).where(inOrg(requestSettings, orgId));
  if (!row) return { ...DEFAULT_SETTINGS };
  return { reopenDays: row.reopenDays, gridMetres: row.gridMetres, nearbyMetres: row.nearbyMetres };
}

/** A category of the organisation, or null. */
export async function findCategory(
  db: Executor,
  orgId: string,
  categoryId: string,
): Promise<CategoryRow | null> {
  const [row] = await db
    .select()
    .from(requestCategories)
    .where(inOrg(requestCategories, orgId, eq(requestCategories.id, categoryId)));
  return row ?? null;
}

/** A category's name in both languages. */
export function categoryName(category: Pick<CategoryRow, 'nameFr' | 'nameEn'>): Bilingual {
  return { fr: category.nameFr, en: category.nameEn };
}

/** Every status of the organisation: the built-in ones, then its own (active ones unless asked). */
export async function loadStatuses(
  db: Executor,
  orgId: string,
  options: { includeInactive?: boolean } = {},
): Promise<StatusView[]> {
  const own = await db
    .select()
    .from(requestStatuses)
    .where(
      inOrg(requestStatuses, orgId, options.includeInactive ? undefined : eq(requestStatuses.active, true)),
    )
    .orderBy(asc(requestStatuses.createdAt));
  return [
    ...PHASES.map((phase) => ({ id: null, code: phase, phase, label: PHASE_LABELS[phase], custom: false })),
    ...own.map((s) => ({
      id: s.id,
      code: s.code,
      phase: isPhase(s.phase) ? s.phase : ('in_progress' as Phase),
      label: { fr: s.labelFr, en: s.labelEn },
      custom: true,
    })),
  ];
}

/** A request of the organisation, or `requests.not_found`. */
export async function loadRequest(db: Executor, orgId: string, id: string): Promise<ServiceRequestRow> {
  const [row] = await db
    .select()
    .from(serviceRequests)
    .where(inOrg(serviceRequests, orgId, eq(serviceRequests.id, id)));
  if (!row) throw new AppError('requests.not_found', 404);
  return row;
}

/** Locks a request row for the rest of the transaction (status changes, merges, reopening). */
export async function lockRequest(db: Executor, orgId: string, id: string): Promise<ServiceRequestRow> {
  const [row] = await db
    .select()
    .from(serviceRequests)
    .where(inOrg(serviceRequests, orgId, eq(serviceRequests.id, id)))
    .for('update');
  if (!row) throw new AppError('requests.not_found', 404);
  return row;
}

/** The web pages of a request: a signed-in follower's, a guest's (with its token), staff's. */
export const requestPaths = {
  citizen: (slug: string, id: string) => `/${slug}/requests/${id}`,
  guest: (slug: string, token: string) => `/${slug}/requests/suivi/${token}`,
  staff: (slug: string, id: string) => `/staff/${slug}/modules/requests/${id}`,
};
