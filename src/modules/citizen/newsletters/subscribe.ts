import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Database } from '../../../platform/db/client.ts';
import { inOrg, scopeOf } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { Locale } from '../../../platform/http/locale.ts';
import type { JobQueue } from '../../../platform/jobs/queue.ts';
import { notify } from '../../../platform/notify/notify.ts';
import { savePreference } from '../../../platform/notify/update-preferences.ts';
import { getOrganisation } from '../../../platform/orgs/get-organisation.ts';
import { findPurpose } from '../../../platform/privacy/purposes.ts';
import { consents } from '../../../platform/privacy/schema.ts';
import { newsletterLists, newsletterSubscriptions } from './schema.ts';
import { NEWSLETTER_CONFIRM } from './templates.ts';
import { hashToken, newConfirmToken, readUnsubscribeToken } from './tokens.ts';

const CONFIRM_DAYS = 7;

function consentText(locale: Locale, version: string) {
  const purpose = findPurpose('newsletter');
  if (!purpose) throw new Error('newsletter purpose missing from the privacy catalogue');
  if (purpose.version !== version) {
    throw new AppError('newsletter.consent_stale', 409, { details: { currentVersion: purpose.version } });
  }
  return { text: purpose.text[locale], version: purpose.version };
}

/**
 * Subscribes to lists. Signed in: active at once, the consent written to the person's privacy ledger
 * and newsletters turned on by e-mail in their notification choices. Without an account: pending until
 * the address confirms (double opt-in), with the consent text kept on the subscription. The same answer
 * is given whether or not the address was already subscribed, so the form reveals nobody's subscriptions.
 */
export async function subscribe(options: {
  db: Database;
  jobs: JobQueue;
  publicUrl: string;
  auth: AuthContext | null;
  orgId: string;
  locale: Locale;
  input: { listIds: string[]; email?: string; consentVersion: string };
}): Promise<{ status: 'active' | 'pending' }> {
  const { db, orgId, locale, input } = options;
  const consent = consentText(locale, input.consentVersion);
  const lists = await db
    .select()
    .from(newsletterLists)
    .where(
      inOrg(
        newsletterLists,
        orgId,
        inArray(newsletterLists.id, input.listIds),
        eq(newsletterLists.active, true),
      ),
    );
  if (lists.length !== new Set(input.listIds).size) throw new AppError('newsletter.list_not_found', 404);
  const base = {
    locale,
    consentSource: options.auth ? ('account' as const) : ('web_form' as const),
    consentText: consent.text,
    consentVersion: consent.version,
    consentLocale: locale,
  };
  if (options.auth) {
    const accountId = options.auth.account.id;
    await db.transaction(async (tx) => {
      for (const list of lists) {
        await tx
          .insert(newsletterSubscriptions)
          .values(
            scopeOf(orgId).rows({
              ...base,
              listId: list.id,
              accountId,
              status: 'active' as const,
              consentAt: new Date(),
            }),
          )
          .onConflictDoUpdate({
            target: [
              newsletterSubscriptions.orgId,
              newsletterSubscriptions.listId,
              newsletterSubscriptions.accountId,
            ],
            targetWhere: sql`account_id IS NOT NULL`,
            set: { ...base, status: 'active', consentAt: new Date(), unsubscribedAt: null },
          });
      }
      await tx.insert(consents).values({
        accountId,
        orgId,
        purpose: 'newsletter',
        granted: true,
        textShown: consent.text,
        textVersion: consent.version,
        locale,
      });
      // Choosing a list is choosing to receive newsletters by e-mail (they can add other channels later).
      await savePreference(tx, accountId, 'newsletters', {
        email: true,
        sms: false,
        push: false,
        inapp: false,
      });
    });
    return { status: 'active' };
  }
  const email = input.email?.trim().toLowerCase();
  if (!email) throw new AppError('newsletter.email_required', 422);
  const { token, hash } = newConfirmToken();
  const expires = new Date(Date.now() + CONFIRM_DAYS * 86_400_000);
  const wanted: string[] = [];
  await db.transaction(async (tx) => {
    for (const list of lists) {
      const rows = await tx
        .insert(newsletterSubscriptions)
        .values(
          scopeOf(orgId).rows({
            ...base,
            listId: list.id,
            email,
            status: 'pending' as const,
            confirmTokenHash: `${hash}:${list.id}`,
            confirmExpiresAt: expires,
          }),
        )
        .onConflictDoUpdate({
          target: [
            newsletterSubscriptions.orgId,
            newsletterSubscriptions.listId,
            newsletterSubscriptions.email,
          ],
          targetWhere: sql`email IS NOT NULL`,
          set: { ...base, confirmTokenHash: `${hash}:${list.id}`, confirmExpiresAt: expires },
          // An active subscription stays as it is; a pending or ended one asks for confirmation again.
          setWhere: sql`citizen_newsletter_subscriptions.status <> 'active'`,
        })
        .returning({ id: newsletterSubscriptions.id });
      if (rows.length > 0) wanted.push(list.id);
    }
  });
  if (wanted.length > 0) {
    const org = await getOrganisation({ db, idOrSlug: orgId });
    await notify(
      { db, jobs: options.jobs },
      {
        to: { email, locale },
        orgId,
        category: 'account',
        template: NEWSLETTER_CONFIRM,
        params: {
          lists: lists.filter((l) => wanted.includes(l.id)).map((l) => ({ fr: l.nameFr, en: l.nameEn })),
          url: `${options.publicUrl}/${org.slug}/infolettres/confirmer?token=${token}`,
        },
        channels: ['email'],
      },
    );
  }
  return { status: 'pending' };
}

/** The address confirms (second step of the double opt-in): its pending subscriptions become active. */
export async function confirmSubscription(options: {
  db: Database;
  orgId: string;
  token: string;
}): Promise<{ confirmed: number }> {
  const hash = hashToken(options.token);
  const rows = await options.db
    .update(newsletterSubscriptions)
    .set({ status: 'active', consentAt: new Date(), confirmTokenHash: null, confirmExpiresAt: null })
    .where(
      inOrg(
        newsletterSubscriptions,
        options.orgId,
        sql`split_part(${newsletterSubscriptions.confirmTokenHash}, ':', 1) = ${hash}`,
        eq(newsletterSubscriptions.status, 'pending'),
        sql`${newsletterSubscriptions.confirmExpiresAt} > now()`,
      ),
    )
    .returning({ id: newsletterSubscriptions.id });
  if (rows.length === 0) throw new AppError('newsletter.token_invalid', 404);
  return { confirmed: rows.length };
}

/** One-click unsubscribe from one list (the link of every issue; RFC 8058 POST or the page's button). */
export async function unsubscribeByToken(options: {
  db: Database;
  orgId: string;
  token: string;
}): Promise<{ list: { fr: string; en: string } }> {
  const id = await readUnsubscribeToken(options.db, options.token);
  if (!id) throw new AppError('newsletter.token_invalid', 404);
  const [row] = await options.db
    .update(newsletterSubscriptions)
    .set({ status: 'unsubscribed', unsubscribedAt: new Date() })
    .where(inOrg(newsletterSubscriptions, options.orgId, eq(newsletterSubscriptions.id, id)))
    .returning({ listId: newsletterSubscriptions.listId, accountId: newsletterSubscriptions.accountId });
  if (!row) throw new AppError('newsletter.token_invalid', 404);
  const [list] = await options.db
    .select()
    .from(newsletterLists)
    .where(inOrg(newsletterLists, options.orgId, eq(newsletterLists.id, row.listId)));
  return { list: { fr: list?.nameFr ?? '', en: list?.nameEn ?? '' } };
}

/** The signed-in person leaves lists (recorded as a withdrawal in their privacy ledger). */
export async function unsubscribeMine(options: {
  db: Database;
  auth: AuthContext | null;
  orgId: string;
  locale: Locale;
  listIds: string[];
}): Promise<{ ok: true }> {
  if (!options.auth) throw new AppError('auth.required', 401);
  const accountId = options.auth.account.id;
  const purpose = findPurpose('newsletter');
  await options.db.transaction(async (tx) => {
    await tx
      .update(newsletterSubscriptions)
      .set({ status: 'unsubscribed', unsubscribedAt: new Date() })
      .where(
        inOrg(
          newsletterSubscriptions,
          options.orgId,
          eq(newsletterSubscriptions.accountId, accountId),
          inArray(newsletterSubscriptions.listId, options.listIds),
        ),
      );
    if (purpose) {
      await tx.insert(consents).values({
        accountId,
        orgId: options.orgId,
        purpose: 'newsletter',
        granted: false,
        textShown: purpose.text[options.locale],
        textVersion: purpose.version,
        locale: options.locale,
      });
    }
  });
  return { ok: true };
}

/** Pending subscriptions never confirmed are erased after their link expires (data minimisation). */
export async function purgeUnconfirmed(db: Database): Promise<number> {
  const rows = await db
    .delete(newsletterSubscriptions)
    .where(
      and(
        eq(newsletterSubscriptions.status, 'pending'),
        lt(newsletterSubscriptions.confirmExpiresAt, new Date()),
      ),
    )
    .returning({ id: newsletterSubscriptions.id });
  return rows.length;
}
