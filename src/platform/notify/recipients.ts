import { and, count, eq, inArray, isNull } from 'drizzle-orm';
import { accounts } from '../auth/schema.ts';
import type { Executor } from '../db/client.ts';
import type { Locale } from '../http/locale.ts';
import type { Category, Channel, ChannelSet } from './categories.ts';
import { effectivePreferences } from './channel-choice.ts';
import { notificationPreferences, notificationSuppressions, pushSubscriptions } from './schema.ts';
import { addressHash } from './unsubscribe-token.ts';

/** A person a notification goes to, with what they chose for the category and what can reach them. */
export interface Recipient {
  accountId: string | null;
  email: string | null;
  phone: string | null;
  locale: Locale;
  chosen: ChannelSet;
  reachable: ChannelSet;
}

/** The accounts among ids that still exist and are active, with their choices for one category. */
export async function loadAccountRecipients(
  db: Executor,
  accountIds: readonly string[],
  category: Category,
): Promise<Map<string, Recipient>> {
  const result = new Map<string, Recipient>();
  if (accountIds.length === 0) return result;
  const ids = [...new Set(accountIds)];
  const [people, prefs, devices] = await Promise.all([
    db
      .select({ id: accounts.id, email: accounts.email, phone: accounts.phone, locale: accounts.locale })
      .from(accounts)
      .where(and(inArray(accounts.id, ids), isNull(accounts.disabledAt))),
    db
      .select()
      .from(notificationPreferences)
      .where(
        and(inArray(notificationPreferences.accountId, ids), eq(notificationPreferences.category, category)),
      ),
    db
      .select({ accountId: pushSubscriptions.accountId, n: count() })
      .from(pushSubscriptions)
      .where(inArray(pushSubscriptions.accountId, ids))
      .groupBy(pushSubscriptions.accountId),
  ]);
  const prefsOf = new Map(prefs.map((p) => [p.accountId, p]));
  const withDevices = new Set(devices.filter((d) => d.n > 0).map((d) => d.accountId));
  for (const person of people) {
    const row = prefsOf.get(person.id);
    const chosen = effectivePreferences(row ? [row] : [])[category];
    result.set(person.id, {
      accountId: person.id,
      email: person.email,
      phone: person.phone,
      locale: person.locale,
      chosen,
      reachable: {
        email: !!person.email,
        sms: !!person.phone,
        push: withDevices.has(person.id),
        inapp: true,
      },
    });
  }
  return result;
}

/**
 * Someone with no account (an e-mail address or a phone number given by a module): only those
 * channels, minus any the address unsubscribed from for the category.
 */
export async function loadAddressRecipient(
  db: Executor,
  to: { email?: string; phone?: string; locale?: Locale },
  category: Category,
): Promise<Recipient> {
  const hashes = [to.email, to.phone].filter((a): a is string => !!a).map(addressHash);
  const suppressed =
    hashes.length === 0
      ? []
      : await db
          .select()
          .from(notificationSuppressions)
          .where(
            and(
              inArray(notificationSuppressions.addressHash, hashes),
              eq(notificationSuppressions.category, category),
            ),
          );
  const isSuppressed = (address: string | undefined, channel: Channel) =>
    !!address && suppressed.some((s) => s.addressHash === addressHash(address) && s.channel === channel);
  const email = !!to.email && !isSuppressed(to.email, 'email');
  const sms = !!to.phone && !isSuppressed(to.phone, 'sms');
  return {
    accountId: null,
    email: to.email ?? null,
    phone: to.phone ?? null,
    locale: to.locale ?? 'fr',
    chosen: { email, sms, push: false, inapp: false },
    reachable: { email, sms, push: false, inapp: false },
  };
}
