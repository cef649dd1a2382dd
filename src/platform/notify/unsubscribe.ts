import { and, desc, eq } from 'drizzle-orm';
import { accounts } from '../auth/schema.ts';
import type { Executor } from '../db/client.ts';
import type { Locale } from '../http/locale.ts';
import { CATEGORY_LABELS, type Category, CHANNEL_LABELS, type Channel } from './categories.ts';
import { effectivePreferences } from './channel-choice.ts';
import type { EmailBranding } from './render.ts';
import {
  emailMessages,
  notificationMessages,
  notificationPreferences,
  notificationSuppressions,
} from './schema.ts';
import { senderOf } from './sender.ts';
import { type UnsubscribeClaims, unsubscribeSecret, verifyUnsubscribeToken } from './unsubscribe-token.ts';
import { savePreference } from './update-preferences.ts';

/** What the unsubscribe page says: which category and channel, in the person's language, and who sent. */
export interface UnsubscribeView {
  locale: Locale;
  category: Category;
  channel: Channel;
  categoryLabel: { fr: string; en: string };
  channelLabel: { fr: string; en: string };
  sender: EmailBranding;
  /** Whether the category is already off on that channel. */
  unsubscribed: boolean;
}

async function lastOrgOf(db: Executor, accountId: string, category: string): Promise<string | null> {
  const [email] = await db
    .select({ orgId: emailMessages.orgId, at: emailMessages.createdAt })
    .from(emailMessages)
    .where(and(eq(emailMessages.accountId, accountId), eq(emailMessages.category, category)))
    .orderBy(desc(emailMessages.createdAt))
    .limit(1);
  const [other] = await db
    .select({ orgId: notificationMessages.orgId, at: notificationMessages.createdAt })
    .from(notificationMessages)
    .where(and(eq(notificationMessages.accountId, accountId), eq(notificationMessages.category, category)))
    .orderBy(desc(notificationMessages.createdAt))
    .limit(1);
  const latest = [email, other].filter((m) => !!m).sort((a, b) => b.at.getTime() - a.at.getTime())[0];
  return latest?.orgId ?? null;
}

async function isOff(db: Executor, claims: UnsubscribeClaims): Promise<boolean> {
  if (claims.subject.kind === 'address') {
    const [row] = await db
      .select()
      .from(notificationSuppressions)
      .where(
        and(
          eq(notificationSuppressions.addressHash, claims.subject.addressHash),
          eq(notificationSuppressions.category, claims.category),
          eq(notificationSuppressions.channel, claims.channel),
        ),
      );
    return !!row;
  }
  const rows = await db
    .select()
    .from(notificationPreferences)
    .where(
      and(
        eq(notificationPreferences.accountId, claims.subject.accountId),
        eq(notificationPreferences.category, claims.category),
      ),
    );
  return !effectivePreferences(rows)[claims.category][claims.channel];
}

/**
 * What an unsubscribe link names, for its confirmation page: no sign-in, the signed token is the proof.
 * A forged or altered token is 404.
 */
export async function describeUnsubscribe(options: {
  db: Executor;
  publicUrl: string;
  token: string;
  locale: Locale;
}): Promise<UnsubscribeView> {
  const claims = verifyUnsubscribeToken(await unsubscribeSecret(options.db), options.token);
  let locale = options.locale;
  let orgId: string | null = null;
  if (claims.subject.kind === 'account') {
    const [account] = await options.db
      .select({ locale: accounts.locale })
      .from(accounts)
      .where(eq(accounts.id, claims.subject.accountId));
    if (account) locale = account.locale;
    orgId = await lastOrgOf(options.db, claims.subject.accountId, claims.category);
  }
  return {
    locale,
    category: claims.category,
    channel: claims.channel,
    categoryLabel: CATEGORY_LABELS[claims.category],
    channelLabel: CHANNEL_LABELS[claims.channel],
    sender: await senderOf(options.db, orgId, locale, options.publicUrl),
    unsubscribed: await isOff(options.db, claims),
  };
}

/**
 * One-click unsubscribe (RFC 8058, Canada's anti-spam law): turns the token's category off on the
 * token's channel for its person, and only that. Doing it twice changes nothing.
 */
export async function unsubscribe(options: {
  db: Executor;
  publicUrl: string;
  token: string;
  locale: Locale;
}): Promise<UnsubscribeView> {
  const claims = verifyUnsubscribeToken(await unsubscribeSecret(options.db), options.token);
  const { db } = options;
  if (claims.subject.kind === 'address') {
    await db
      .insert(notificationSuppressions)
      .values({ addressHash: claims.subject.addressHash, category: claims.category, channel: claims.channel })
      .onConflictDoNothing();
  } else {
    const accountId = claims.subject.accountId;
    const rows = await db
      .select()
      .from(notificationPreferences)
      .where(
        and(
          eq(notificationPreferences.accountId, accountId),
          eq(notificationPreferences.category, claims.category),
        ),
      );
    const [account] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, accountId));
    if (account) {
      const current = effectivePreferences(rows)[claims.category];
      await savePreference(db, accountId, claims.category, { ...current, [claims.channel]: false });
    }
  }
  return describeUnsubscribe(options);
}
